"""The board, a person's day, my schedule and the section's figures: every sentence, Japanese (polite です/ます) and English side by side.

Imported by the package (``__init__``), so the sentences are in the catalogue before any
handler of this feature runs.
"""

from __future__ import annotations

from bot.ui.texts import add_texts

add_texts(
    {
        "person.who": (
            "どなたの予定をお調べしますか？お名前を添えてお尋ねください（例：「田中さんはどこ？」）。",
            'Whose schedule shall I look up? Please include a name (e.g. "where is Tanaka?").',
        ),
        "board.title": (
            "{section}の予定（{date}）",
            "{section} on {date}",
        ),
        "board.group.telework": (
            "テレワーク",
            "Telework",
        ),
        "board.group.office": (
            "出勤",
            "In the office",
        ),
        "board.group.leave": (
            "休暇",
            "On leave",
        ),
        "board.group.business_trip": (
            "出張",
            "Business trip",
        ),
        "board.group.no_hours": (
            "週休日（割振り0）",
            "No working hours (flex)",
        ),
        "board.group.none": (
            "未登録",
            "Nothing declared",
        ),
        "board.nobody": (
            "（なし）",
            "(nobody)",
        ),
        "board.no_section": (
            "所属の課室が名簿にないため、ボードを表示できません。",
            "Your section is not in the roster, so I cannot show a board.",
        ),
        "person.not_found": (
            "「{name}」さんは見つかりませんでした（ご自分の課室の職員のみ検索できます）。",
            'I could not find "{name}" (you can look up people of your own section).',
        ),
        "person.not_found.admin": (
            "「{name}」さんは見つかりませんでした（在職中の職員の氏名・よみがなで検索しています）。",
            'I could not find "{name}" (active staff, by name or reading).',
        ),
        "person.many.title": (
            "「{name}」に当てはまる方が{count}名います",
            '{count} people match "{name}"',
        ),
        "person.many.pick": (
            "所属・係・メールアドレスで確かめて、お調べする方を選んでください。",
            "Check the section, team and e-mail, and pick the person.",
        ),
        "person.candidate": (
            "{name}　{section}・{team}・{email}",
            "{name} · {section} · {team} · {email}",
        ),
        "person.pick": (
            "この方の予定：{name}",
            "Show {name}",
        ),
        "person.many.more": (
            "ほか{more}名。フルネームやよみがなで絞り込んでください。",
            "{more} more: narrow it down with the full name or reading.",
        ),
        "person.gone": (
            "この方の予定は表示できません（在職していないか、閲覧できる範囲にいません）。",
            "That person's schedule cannot be shown (no longer active, or outside what you may see).",
        ),
        "person.title": (
            "{name}さんの予定（{date}）",
            "{name} on {date}",
        ),
        "person.nothing": (
            "登録された予定はありません。",
            "Nothing declared.",
        ),
        "schedule.title": (
            "今後2週間のあなたの予定",
            "Your next two weeks",
        ),
        "schedule.nothing": (
            "今後2週間の予定は登録されていません。",
            "Nothing declared for the next two weeks.",
        ),
        "stats.title": (
            "{section}の実施状況（{period}）",
            "{section}: telework in {period}",
        ),
        "stats.body": (
            "職員 {headcount}人のうち {people}人がテレワークを実施（{rate}）、延べ {days}人日",
            "{people} of {headcount} staff teleworked ({rate}), {days} person-days in all",
        ),
        "stats.denied": (
            "この情報は、課室の職員・課室長・事務局のみ閲覧できます。",
            "Only the section's staff, its chief and the secretariat can see this.",
        ),
    }
)
