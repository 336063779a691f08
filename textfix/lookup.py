"""The lookup core: longest-match phrase lookup over the token stream, then a fuzzy fallback.

The exact pass walks the lexicon trie from every token and reports every key that ends
along the way, so later stages can prefer the longest licensed one. The fuzzy pass looks only
at tokens the exact pass could not place that are not English words, and batches them through
RapidFuzz's cdist.
"""
from __future__ import annotations

from typing import NamedTuple

from .compiled import TERMINAL, CompiledLexicon
from .lexicon import Entry
from .tokens import Token


class Candidate(NamedTuple):
    """A span of tokens that some lexicon entries match."""

    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    start: int  # code-point offsets of the matched text
    end: int
    entries: tuple[Entry, ...]
    fuzzy: bool = False


def _joined(text: str, left: Token, right: Token) -> bool:
    """Words of a phrase must be separated by spaces only, on one line."""
    gap = text[left.end:right.start]
    return gap == " " or (gap != "" and gap.isspace() and "\n" not in gap and "\r" not in gap)


def _capitals_hold(text: str, tokens: list[Token], first: int, entry: Entry) -> bool:
    for offset, positions in enumerate(entry.capitals):
        if positions:
            token = tokens[first + offset]
            word = text[token.start:token.end]
            if any(i >= len(word) or not word[i].isupper() for i in positions):
                return False
    return True


def _candidate(text: str, tokens: list[Token], first: int, last: int, end: int, entries: tuple[Entry, ...]) -> Candidate | None:
    fitting = tuple(e for e in entries if not any(e.capitals) or _capitals_hold(text, tokens, first, e))
    return Candidate(first, last, tokens[first].start, end, fitting) if fitting else None


def exact_candidates(text: str, tokens: list[Token], lexicon: CompiledLexicon) -> list[Candidate]:
    """Every key matching at every token, longest first within a start position."""
    trie = lexicon.trie
    found: list[Candidate] = []
    count = len(tokens)
    for first, token in enumerate(tokens):
        node = trie.get(token.norm)
        if node is None:
            if token.norm.endswith("'s"):
                _possessive(text, tokens, first, first, trie, found)
            continue
        here: list[Candidate] = []
        last = first
        while True:
            entries = node.get(TERMINAL)
            if entries:
                cand = _candidate(text, tokens, first, last, tokens[last].end, entries)
                if cand:
                    here.append(cand)
            last += 1
            if last >= count or not _joined(text, tokens[last - 1], tokens[last]):
                break
            child = node.get(tokens[last].norm)
            if child is None:
                if tokens[last].norm.endswith("'s"):
                    _possessive(text, tokens, first, last, node, here)
                break
            node = child
        here.reverse()
        found += here
    return found


def _possessive(text: str, tokens: list[Token], first: int, last: int, node: dict, out: list[Candidate]) -> None:
    """A key may end in a possessive word ("College's"): the match stops before the 's."""
    child = node.get(tokens[last].norm[:-2])
    entries = child.get(TERMINAL) if child else None
    if entries:
        cand = _candidate(text, tokens, first, last, tokens[last].end - 2, entries)
        if cand:
            out.append(cand)


def fuzzy_candidates(
    text: str,
    tokens: list[Token],
    placed: set[int],
    lexicon: CompiledLexicon,
    vocabulary: frozenset[str],
) -> list[Candidate]:
    """Misspelt or variant spun forms: lower-case tokens that are not English words and lie
    within a small edit distance of exactly one single-word key."""
    from .vocabulary import FUZZY_MIN_LENGTH

    unknown: dict[str, list[int]] = {}
    for index, token in enumerate(tokens):
        norm = token.norm
        if (
            index not in placed
            and len(norm) >= FUZZY_MIN_LENGTH
            and norm.isalpha()
            and norm not in vocabulary
            and text[token.start:token.end] == norm
        ):
            unknown.setdefault(norm, []).append(index)
    if not unknown or not lexicon.fuzzy_keys:
        return []
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    words = list(unknown)
    distances = process.cdist(
        words, lexicon.fuzzy_keys, scorer=Levenshtein.distance, score_cutoff=2, workers=1
    )
    found: list[Candidate] = []
    for row, word in enumerate(words):
        allowed = 1 if len(word) < 9 else 2
        best = int(distances[row].min())
        if best > allowed:
            continue
        nearest = (distances[row] == best).nonzero()[0]
        if len(nearest) != 1:
            continue  # an ambiguous variant: leave the token alone
        entries = lexicon.fuzzy_entries[lexicon.fuzzy_keys[nearest[0]]]
        for index in unknown[word]:
            token = tokens[index]
            found.append(Candidate(index, index, token.start, token.end, entries, fuzzy=True))
    return found
