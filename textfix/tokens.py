"""Tokenization with exact code-point offsets into the original string, and case patterns.

Offsets always refer to the text as given: normalisation (lower case, apostrophes, hyphens)
happens on each token's copy, never on the text, so a length-changing case map such as
"İ".lower() cannot shift an offset.
"""
from __future__ import annotations

from typing import NamedTuple

import regex

# A number ("12", "12,000", "1000's", "75th", "1990s") or a word with inner apostrophes and
# hyphens ("don't", "Russia’s", "full-scale"). The regex module's \w follows Unicode, so a
# word in decomposed form (NFD "café") stays one token; the stdlib's would split it at the
# accent and let a key match half a word.
WORD_PATTERN = regex.compile(
    r"\d+(?:[.,]\d+)*(?:['’](?:s\b)|st\b|nd\b|rd\b|th\b|s\b)?(?![\w'’])"
    r"|\w+(?:[-‐‑'’]\w+)*"
)

# Words a name or headline keeps in lower case ("School of International Studies").
_MINOR_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())

_NORMALISE = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-"})


class Token(NamedTuple):
    """A word or number: its offsets in the original text and its normalised form."""

    start: int
    end: int
    norm: str


def normalise(word: str) -> str:
    """The form lexicon keys are matched on: lower case, plain apostrophes and hyphens."""
    return word.translate(_NORMALISE).lower()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Every word and number of text[start:end], with offsets into text."""
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), normalise(m.group())) for m in WORD_PATTERN.finditer(text, start, end)]


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """The normalised tokens of a lexicon phrase, split exactly as text is."""
    return tuple(normalise(m.group()) for m in WORD_PATTERN.finditer(phrase))


def case_pattern(text: str) -> str:
    """'upper', 'title', 'name' (every long word capitalised) or 'lower' for a span of text."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "lower"
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "upper"
    if not letters[0].isupper():
        return "lower"
    words = [w for w in text.split() if len(w) > 3]
    if len(words) > 1 and all(w[0].isupper() for w in words):
        return "name"
    return "title"


def apply_case(original: str, pattern: str) -> str:
    """Re-apply a source span's case pattern to the restored text."""
    if pattern == "upper":
        return original.upper()
    if pattern == "lower" or not original:
        return original
    if pattern == "name":
        words = original.split(" ")
        return " ".join(
            w[:1].upper() + w[1:] if i == 0 or w not in _MINOR_WORDS else w for i, w in enumerate(words)
        )
    return original[:1].upper() + original[1:]
