"""The records textfix returns: edits, explained repairs and spin reports."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Edit(NamedTuple):
    """One replacement, with offsets into the input text in code points.

    rule:       the lexicon entry that fired, as file:line (or "a/an agreement");
    confidence: how sure the decision is, in [0, 1];
    evidence:   why it was licensed, in words.
    """

    start: int
    end: int
    before: str
    after: str
    rule: str
    confidence: float
    evidence: str = ""


class Explained(NamedTuple):
    """The repaired text and the edits that made it from the input."""

    text: str
    edits: list[Edit]


@dataclass(frozen=True)
class Span:
    """A piece of evidence that a text is spun: where it is and what it is."""

    start: int
    end: int
    phrase: str
    original: str
    family: str
    kind: str  # "unambiguous" or "context"


@dataclass(frozen=True)
class SpinReport:
    """How strongly a text shows spin: a risk score with the evidence behind it.

    score:        in [0, 1]: the probability that the text is spun under the fitted model
                  (calibration.py); None when the text is not English (detection abstains:
                  see `english`);
    is_spun:      score >= the config's threshold (False when abstaining);
    spans:        the fingerprints and the context-licensed matches, in text order;
    words:        whitespace-separated words in the text;
    fingerprints: unambiguous fingerprints found;
    context:      distinct phrases of ambiguous entries whose context holds (counted as if the
                  text were known to be spun: evidence, not repairs);
    english:      False when the text is not English (textfix.language), and so not scored.
    """

    score: float | None
    is_spun: bool
    spans: tuple[Span, ...] = ()
    words: int = 0
    fingerprints: int = 0
    family_counts: dict[str, int] = field(default_factory=dict)
    context: int = 0
    english: bool = True

    @property
    def density(self) -> float:
        """Fingerprints per 1,000 words."""
        return 1000.0 * self.fingerprints / self.words if self.words else 0.0
