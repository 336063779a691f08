"""Is a text English enough to score? Spin evidence means nothing in another language.

The test is the share of a text's words that are among the commonest English words (function
words, mostly): about 40-50% in English news, 30% in a technical abstract, under 8% in French,
German or Spanish prose, and none in a text in another script. Counting stops after the first
SAMPLE words, so the test costs the same on a long text as on a short one. A text mostly in
another script (Cyrillic, Chinese, Arabic, ...) is not English however short.
"""
from __future__ import annotations

COMMON_ENGLISH = frozenset(
    "the of and to a in is that for it as was with be by on not he i this are or his from at which but "
    "have an they you were had her she there been one all we their has would when if will more no so "
    "who its can said what about up out them into than could only other some these then two also do "
    "after our over did first new may any most such just how where those because while both between "
    "being should through during many over before under however against without within among us "
    "my your him me our very well how much even because each does".split()
)
SAMPLE = 1000  # words looked at
MIN_WORDS = 20  # fewer words in Latin script than this: too short to tell (a line of markup), so English
# English prose measures 0.30 at the least (technical abstracts), Portuguese 0.09 at the most
MIN_SHARE = 0.18


class Tally:
    """Counts over the first SAMPLE words of a text, fed window by window."""

    __slots__ = ("words", "latin", "common")

    def __init__(self) -> None:
        self.words = self.latin = self.common = 0

    def add(self, norms: list[str]) -> None:
        room = SAMPLE - self.words
        if room <= 0:
            return
        for word in norms[:room]:
            first = word[0]
            if first.isdigit():
                continue
            self.words += 1
            if first < "\u0250":  # Basic Latin to Latin Extended-B
                self.latin += 1
                self.common += word in COMMON_ENGLISH

    @property
    def english(self) -> bool:
        """Mostly Latin script, and (when there is enough to tell) English function words."""
        if self.latin * 2 < self.words:
            return False
        return self.latin < MIN_WORDS or self.common >= MIN_SHARE * self.latin
