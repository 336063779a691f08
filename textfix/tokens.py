"""Tokenization with exact code-point offsets into the original string, and case patterns.

Offsets always refer to the text as given: normalisation (lower case, apostrophes, hyphens)
happens on each token's copy, never on the text, so a length-changing case map such as
"İ".lower() cannot shift an offset.
"""
from __future__ import annotations

import re
from itertools import accumulate

import regex

# A word or number with inner apostrophes and hyphens ("don't", "Russia's", "full-scale",
# "1000's") and numbers with digit-group separators or a decimal point ("12,000", "3.5");
# one capturing group, so that split() alternates gaps and tokens. The regex
# module's \w follows Unicode, so a word in decomposed form (NFD "café") stays one token,
# where the stdlib's would split it at the accent and let a key match half a word. The stdlib
# splits faster, so it takes every window without combining marks. The quantifiers are
# possessive: a greedy match here never needs to give characters back, and saying so makes
# the split ~15% faster.
_TOKEN = r"(\w++(?:(?:['-]|(?<=\d)[.,](?=\d))\w++)*+)"
TOKEN_SPLITTER = regex.compile(_TOKEN)
_FAST_SPLITTER = re.compile(_TOKEN)
_COMBINING_MARK = regex.compile(r"\p{M}")
_APOSTROPHES_AND_HYPHENS = (("’", "'"), ("‘", "'"), ("‐", "-"), ("‑", "-"))


def _plain(text: str) -> str:
    for fancy, plain in _APOSTROPHES_AND_HYPHENS:
        if fancy in text:
            text = text.replace(fancy, plain)
    return text


def normalise(word: str) -> str:
    """The form lexicon keys are matched on: lower case, plain apostrophes and hyphens."""
    return _plain(word).lower()


class TokenStream:
    """The words and numbers of text[lo:hi]: normalised forms, and offsets into text.

    Built with one split() of the window, so no per-token object is made: parts alternates
    gaps and tokens (parts[2i] is the gap before token i, with the same spaces and line breaks
    as the text's). Offsets come from running sums of the parts' lengths, made on first use
    (a window where no key matches never needs them): token i spans
    text[lo + bounds[2i]:lo + bounds[2i + 1]], and bounds[2i - 1] (0 for the first) to
    bounds[2i] is the gap before it.
    """

    __slots__ = ("text", "lo", "hi", "norms", "parts", "bounds", "_vocabulary", "_joined")

    def __init__(self, text: str, lo: int = 0, hi: int | None = None) -> None:
        hi = len(text) if hi is None else hi
        window = text[lo:hi]
        low = normalise(window)
        splitter = TOKEN_SPLITTER if _COMBINING_MARK.search(low) else _FAST_SPLITTER
        if len(low) == len(window):
            parts = splitter.split(low)
            norms = parts[1::2]
        else:  # a case map changed length ("İ"): split the text itself, normalise token by token
            parts = splitter.split(window)
            norms = [normalise(t) for t in parts[1::2]]
        self.text, self.lo, self.hi, self.norms, self.parts = text, lo, hi, norms, parts
        self._vocabulary: set[str] | None = None
        self._joined: str | None = None

    def __getattr__(self, name: str) -> list[int]:
        """Called only while the `bounds` slot is unset: compute it once."""
        if name != "bounds":
            raise AttributeError(name)
        self.bounds = list(accumulate(map(len, self.parts)))
        return self.bounds

    def vocabulary(self) -> set[str]:
        """The distinct tokens, made once."""
        if self._vocabulary is None:
            self._vocabulary = set(self.norms)
        return self._vocabulary

    def contains_phrase(self, phrase: str) -> bool:
        """Whether the window holds a phrase (normalised tokens joined by single spaces),
        whatever the punctuation and spacing between its words."""
        if self._joined is None:
            self._joined = " " + " ".join(self.norms) + " "
        return f" {phrase} " in self._joined

    def __len__(self) -> int:
        return len(self.norms)

    def start(self, index: int) -> int:
        return self.lo + self.bounds[2 * index]

    def end(self, index: int) -> int:
        return self.lo + self.bounds[2 * index + 1]

    def word(self, index: int) -> str:
        """The token as written in the text."""
        return self.text[self.start(index):self.end(index)]

    def gap_before(self, index: int) -> str:
        """The text between the previous token (or the window's start) and this one."""
        bounds, lo = self.bounds, self.lo
        return self.text[lo + (bounds[2 * index - 1] if index else 0):lo + bounds[2 * index]]


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """The normalised tokens of a lexicon phrase, split exactly as text is."""
    return tuple(TokenStream(phrase).norms)


# Words a name or headline keeps in lower case ("School of International Studies").
_MINOR_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())


def case_pattern(text: str) -> str:
    """'upper', 'title', 'name' (every long word capitalised) or 'lower' for a span of text."""
    if text.islower() and text[:1].islower():
        return "lower"
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
