"""Short replies inside a conversation: yes (「はい」"OK"), no (「いいえ」"no") and "stop"
(「やめる」「中止」"never mind"). Read before the free-text parser, which does not know them.

Only a whole message counts (「はい」, 「はい、お願いします」, "ok!"): a longer one that starts
with "yes" says something else too, and the parser reads it. A bare 「キャンセル」 is not here:
it names no day and stays the parser's ``cancel`` (the conversation treats it as "stop").
"""

from __future__ import annotations

import unicodedata

from dialogs.understanding.compiled import regex
from dialogs.understanding.interpretation import Intent

_AFFIRM = frozenset(
    {
        "はい", "はーい", "はいはい", "うん", "ええ", "おk", "おけ", "おっけー", "オッケー",
        "お願いします", "おねがいします", "お願い", "お願いしまーす",
        "はいお願いします", "はいそれで", "それで", "それでお願いします", "それでいいです",
        "それでいい", "いいです", "いいよ", "大丈夫です", "大丈夫", "問題ないです", "問題なし",
        "了解", "了解です", "りょ", "承知しました", "確定", "確定します", "確定で", "登録",
        "登録して", "登録します", "登録お願いします", "登録してください", "はい登録",
        "ok", "okay", "k", "kk", "yes", "y", "yep", "yeah", "yup", "sure", "confirm",
        "yes please", "ok please", "please do", "go ahead", "sounds good", "correct", "right",
        "that's right", "looks good", "👍", "okです", "ok です", "おkです", "オッケーです",
        "それでok", "それでオッケー", "いいですよ",
        "いいね", "おねがい", "頼みます", "たのみます", "了解しました", "はい大丈夫です",
        "はいそうです", "そうです", "その通り", "その通りです", "合ってます", "あってます",
        "合っています", "はいok", "はいお願い", "はい登録して", "はい登録します", "登録で",
        "go", "do it", "save", "save it", "please", "yes, please", "yeah please", "ok thanks",
        "okay thanks", "perfect", "great", "fine", "yes that's right", "sure thing",
    }
)  # fmt: skip
_NEGATE = frozenset(
    {
        "いいえ", "いえ", "いや", "いやいや", "ううん", "違います", "ちがいます", "違う", "ちがう",
        "違いますね", "だめ", "ダメ", "不要", "いらない", "いりません", "しない", "しません",
        "登録しない", "登録しません", "no", "n", "nope", "nah", "no thanks", "no thank you",
        "wrong", "not that", "don't", "do not", "違うよ", "ちがうよ", "いや違う", "いいえ違います",
        "いえ違います", "登録しなくていい", "登録しなくていいです", "not now", "no need",
    }
)  # fmt: skip
_ABORT = frozenset(
    {
        "やめる", "やめます", "やめて", "やめた", "やめとく", "やめておきます", "やっぱりやめる",
        "やっぱりやめます", "やっぱりいい", "やっぱりいいです", "中止", "中止します", "中止して",
        "中断", "取りやめ", "取りやめます", "もういい", "もういいです", "なんでもない",
        "何でもない", "なんでもないです", "何でもないです", "キャンセルします", "キャンセルして",
        "never mind", "nevermind", "nvm", "forget it", "stop", "abort", "quit", "cancel that",
        "forget that", "stop it",
    }
)  # fmt: skip
_EDGES = " .,!?。、！？…~ー-"
_INNER = regex(r"[\s、,。.!！]+")


def _key(written: str) -> str:
    folded = unicodedata.normalize("NFKC", written).lower().strip(_EDGES + "\u3000")
    return _INNER.sub("", folded) if not folded.isascii() else " ".join(folded.split())


_KEYS = {
    **{_key(w): Intent.AFFIRM for w in _AFFIRM},
    **{_key(w): Intent.NEGATE for w in _NEGATE},
    **{_key(w): Intent.ABORT for w in _ABORT},
}


_GREETINGS = frozenset(
    {"よろしく", "よろしくです", "よろしくお願いします", "よろしくお願いいたします", "よろしくね"}
)
_GREETING_KEYS = frozenset(_key(w) for w in _GREETINGS)


def affirms_in_context(written: str) -> bool:
    """「よろしくお願いします」: a greeting on its own, a yes right after a question."""
    return len(written) <= 40 and _key(written) in _GREETING_KEYS


def short_reply(written: str) -> Intent | None:
    """AFFIRM, NEGATE or ABORT when the whole message is such a reply, else None."""
    if len(written) > 40:
        return None
    return _KEYS.get(_key(written))
