"""Declaring: what people type, the buttons of the read-back, form and cancel cards, and the
meanings of free text this feature answers."""

from __future__ import annotations

from bot.core.router import NoPayload, Words, on_answer, on_intents, route
from bot.features.declare.answers import clarified, read_back_answered
from bot.features.declare.declare import (
    CLARIFY,
    READ_BACK,
    cancel,
    cancel_confirm,
    cancel_keep,
    confirm,
    declare,
    dismiss,
    form,
    form_submit,
)
from bot.features.declare.payloads import Confirm, EntryIds, FormSubmit, OpenForm, Pattern, Weekdays
from bot.features.declare.recurring import (
    cancel_recurring,
    declare_recurring,
    recurring_cancel_confirm,
    recurring_confirm,
)
from dialogs.understanding import Intent

FORM = Words(
    words={"ja": ("予定登録", "登録フォーム", "フォーム"), "en": ("declare", "form")},
    title={"ja": "予定登録", "en": "declare"},
    description={
        "ja": "フォームでテレワーク・出勤・休暇・出張を登録します",
        "en": "Declare telework, office, leave or a trip with a form",
    },
    example={"ja": "予定登録（または「明日テレワーク」）", "en": 'declare (or "WFH tomorrow")'},
)

ROUTES = (
    route("declare_form", form, OpenForm, words=FORM),
    route("declare_form_submit", form_submit, FormSubmit),
    route("declare_confirm", confirm, Confirm),
    route("declare_dismiss", dismiss, NoPayload),
    route("cancel_confirm", cancel_confirm, EntryIds),
    route("cancel_keep", cancel_keep, NoPayload),
    route("recurring_confirm", recurring_confirm, Pattern),
    route("recurring_cancel_confirm", recurring_cancel_confirm, Weekdays),
)

INTENTS = (
    on_intents(
        (Intent.DECLARE, Intent.CHANGE, Intent.REQUEST_APPROVAL), declare, with_questions=True
    ),
    on_intents((Intent.DECLARE_RECURRING,), declare_recurring, with_questions=True),
    on_intents((Intent.CANCEL,), cancel, with_questions=True),
    on_intents((Intent.CANCEL_RECURRING,), cancel_recurring, with_questions=True),
)

ANSWERS = (
    on_answer(CLARIFY, clarified),
    on_answer(READ_BACK, read_back_answered),
)
