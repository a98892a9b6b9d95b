"""Approvals (事前申請・承認): the chief's list, approve and reject, the requests sent."""

from bot.features.approvals import texts as _texts  # noqa: F401  (registers the sentences)
