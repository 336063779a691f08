"""A pass over the raw text that tells whether any unambiguous key can occur in it at all.

Most text a pipeline sees is clean, and clean text holds no fingerprint (an unambiguous key):
without one the evidence gate stays closed, nothing is repaired and the spin score is zero. So
one Aho-Corasick scan (ahocorasick_rs, in Rust) of the lower-cased text for every unambiguous
key, joined by single spaces, answers for a clean text before any tokenization.

The answer errs one way only: no hit means the full lookup would find no fingerprint either, a
hit only that it might (a capital the key requires, or a context that does not hold, is left to
the lookup of the hit's line: Fixer._without_fingerprints). Words of a key may stand apart by any run of
spaces and tabs on one line, so a text with other same-line whitespace than single spaces is
scanned again with those runs collapsed.
"""
from __future__ import annotations

from typing import Iterable

import ahocorasick_rs

from .memo import Memo

# Same-line whitespace other than one space: where the text's gaps differ from the keys' " ".
_ODD_SPACES = ("  ", "\t", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "\u1680",
               *map(chr, range(0x2000, 0x200B)), "\u2028", "\u2029", "\u202f", "\u205f", "\u3000")


def _collapsed(low: str, odd: list[tuple[int, int]]) -> str:
    """The text with each run of same-line whitespace that holds the odd spaces found at `odd`
    made one space."""
    pieces = []
    last = 0
    for start, end in sorted(odd):
        if end <= last:
            continue
        while start > last and low[start - 1].isspace() and low[start - 1] not in "\n\r":
            start -= 1
        start = max(start, last)
        while end < len(low) and low[end].isspace() and low[end] not in "\n\r":
            end += 1
        pieces += [low[last:start], " "]
        last = end
    pieces.append(low[last:])
    return "".join(pieces)


def _word_char(char: str) -> bool:
    """\\w, as the tokenizer reads it."""
    return char.isalnum() or char == "_"


def _starts_token(low: str, start: int) -> bool:
    """Whether a hit can begin a token: not after a word character, nor after a hyphen or an
    apostrophe that joins it to one ("re-evaluate", "o'brien")."""
    if not start:
        return True
    before = low[start - 1]
    if _word_char(before):
        return False
    return not (before in "-'" and start > 1 and _word_char(low[start - 2]))


def _ends_token(low: str, end: int) -> bool:
    """Whether a hit can end a token: not before a word character, nor before a hyphen that joins
    it to one ("college-educated"). An apostrophe may start a possessive, which keys match."""
    if end >= len(low):
        return True
    after = low[end]
    if _word_char(after):
        return False
    return not (after == "-" and end + 1 < len(low) and _word_char(low[end + 1]))


class Prescreen:
    """The unambiguous keys of one lexicon, compiled into one automaton."""

    def __init__(self, keys: Iterable[str]) -> None:
        patterns = [*keys, *_ODD_SPACES]
        self._odd_from = len(patterns) - len(_ODD_SPACES)  # pattern indices from here on are odd spaces
        self._automaton = ahocorasick_rs.AhoCorasick(patterns, implementation=ahocorasick_rs.Implementation.ContiguousNFA)

    def may_match(self, low: str) -> bool:
        """False when no unambiguous key can match anywhere in a text, given normalised
        (tokens.normalise: lower case, plain apostrophes and hyphens)."""
        return self.hits(low) != []

    def hits(self, low: str) -> list[tuple[int, int]] | None:
        """(start, end) in a normalised text of every unambiguous key standing as whole tokens;
        None when keys may stand where no offset into the text can say (in a text with odd
        spaces, where a key's words may stand apart by them, or with lone surrogates)."""
        scanned = self._scan(low)
        if scanned is None:
            return None
        spans, odd = scanned
        if not odd:
            return spans
        if spans:
            return None
        again = self._scan(_collapsed(low, odd))
        return [] if again is not None and not again[0] else None

    def _scan(self, low: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]] | None:
        """The keys standing as whole tokens, and the odd spaces; None for text the automaton
        cannot read."""
        odd_from = self._odd_from
        try:
            found = self._automaton.find_matches_as_indexes(low, overlapping=True)
        except UnicodeEncodeError:  # lone surrogates (undecodable input kept by surrogateescape)
            return None
        spans, odd = [], []
        for index, start, end in found:
            if index >= odd_from:
                odd.append((start, end))
            elif _starts_token(low, start) and _ends_token(low, end):
                spans.append((start, end))
        return spans, odd


_built: Memo[str, Prescreen] = Memo()


def prescreen_for(version: str, keys: Iterable[str]) -> Prescreen:
    """The compiled prescreen of a lexicon version, built on first use in each process (the
    automaton cannot be pickled into the lexicon cache; it builds in about 20 ms)."""
    return _built.get(version, lambda: Prescreen(keys))
