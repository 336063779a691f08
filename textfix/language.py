"""Is a text English enough to score? Spin evidence means nothing in another language.

The test is the share of a text's words that are among the commonest English words (function
words, mostly): about 40-50% in English news, 30% in a technical abstract, under 10% in French,
German or Spanish prose, and none in a text in another script. Words are the lower-cased text's
whitespace-separated words (so "the," and "“the" count as "the"), and counting stops after the
first SAMPLE of them, so the test costs the same on a long text as on a short one and needs no
tokenization. A text mostly in another script (Cyrillic, Chinese, Arabic, ...) is not English
however short.
"""
from __future__ import annotations

import re

COMMON_ENGLISH = frozenset(
    "the of and to a in is that for it as was with be by on not he i this are or his from at which but "
    "have an they you were had her she there been one all we their has would when if will more no so "
    "who its can said what about up out them into than could only other some these then two also do "
    "after our over did first new may any most such just how where those because while both between "
    "being should through during many over before under however against without within among us "
    "my your him me our very well how much even because each does".split()
)
# The forms a common word takes among whitespace-separated words: bare, or with the punctuation
# that most often touches it, so that membership stays one set lookup per word.
_FORMS = frozenset(
    {w for w in COMMON_ENGLISH}
    | {w + p for w in COMMON_ENGLISH for p in (",", ".", ";", ":", "?", "!", ")", '"', "”", "’")}
    | {q + w for w in COMMON_ENGLISH for q in ("(", '"', "“", "‘")}
)
SAMPLE = 1000  # words looked at
MIN_WORDS = 20  # fewer words than this: too short to tell (a line of markup), so English unless in another script
# English prose measures 0.28 at the least (technical abstracts), Portuguese 0.09 at the most
MIN_SHARE = 0.18
# Runs of characters outside the Latin script, its punctuation and spaces: letters of other scripts
_OTHER_SCRIPT = re.compile(r"[^\x00-\u024f\u2000-\u206f\s]+")


class Tally:
    """Counts over the first SAMPLE words of a text, fed window by window."""

    __slots__ = ("words", "common", "characters", "other_script")

    def __init__(self) -> None:
        self.words = self.common = self.characters = self.other_script = 0

    def add(self, words: list[str]) -> None:
        """Count a window's lower-cased whitespace-separated words (str.split of the window)."""
        room = SAMPLE - self.words
        if room <= 0:
            return
        sample = words[:room]
        self.words += len(sample)
        self.common += sum(map(_FORMS.__contains__, sample))
        joined = "".join(sample)
        self.characters += len(joined)
        if not joined.isascii():
            self.other_script += sum(map(len, _OTHER_SCRIPT.findall(joined)))

    @property
    def english(self) -> bool:
        """Mostly Latin script, and (when there is enough to tell) English function words."""
        if self.other_script * 2 > self.characters:
            return False
        return self.words < MIN_WORDS or self.common >= MIN_SHARE * self.words
