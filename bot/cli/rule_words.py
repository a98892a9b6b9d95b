"""The 2026 rules' words for the command line's Japanese output (``policy check``, the
``allowance`` list): the command line does not load the features, whose allowance card says
the same to the person."""

from __future__ import annotations

from domain.allowance import Eligibility, PlaceCategory

# The places in the rule's own words (規則9-151 第2条), (ja, en).
PLACE_WORDS = {
    PlaceCategory.HOME: ("自宅", "home"),
    PlaceCategory.FAMILY_HOME: (
        "配偶者・二親等以内の親族の住居",
        "a spouse's or close relative's home",
    ),
    PlaceCategory.PAID_LODGING: ("自己負担の宿泊施設等", "lodging paid by the employee"),
    PlaceCategory.APPROVED: ("各省各庁の長が認める場所", "places the ministry approved"),
    PlaceCategory.OTHER: ("その他", "other places"),
}

# The payroll list's 判定 in Japanese (the English list keeps the codes).
ELIGIBILITY_WORDS = {
    Eligibility.YES: "該当",
    Eligibility.BORDERLINE: "該当（基準に近い）",
    Eligibility.NO: "非該当",
}
