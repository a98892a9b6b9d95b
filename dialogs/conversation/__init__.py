"""Multi-turn exchanges, channel-neutral and pure: what a conversation keeps between two
messages and how an answer is merged into it.

- ``clarify``: a declaration the understanding could not read whole (「テレワーク申請したい」
  → 「いつですか？」 → 「明日」): the partial interpretation, the questions asked so far
  (at most :data:`MAX_QUESTIONS`), and the merge of each answer until it can be read back.
- ``adjust``: a read-back card awaiting an answer: 「はい」 confirms it, 「いいえ」 drops it,
  「やっぱり午後だけ」 changes what it says.

The bot keeps these as JSON documents in its own database (``storage.conversations``), per
person and conversation, for a few minutes; ``bot.core.router`` hands each new message to
the feature whose exchange is open.
"""

from dialogs.conversation.adjust import adjust, says_also
from dialogs.conversation.clarify import MAX_QUESTIONS, Clarification, Step

__all__ = ["MAX_QUESTIONS", "Clarification", "Step", "adjust", "says_also"]
