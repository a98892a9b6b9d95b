"""在宅勤務等手当: the person's own status card, their place category, chiefs' orders."""

from bot.features.allowance import texts as _texts  # noqa: F401  (registers the sentences)
