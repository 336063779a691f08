"""The lookup core: longest-match phrase lookup over the token stream, then a fuzzy fallback.

The exact pass walks the lexicon trie from every token whose normalised form starts a key and
reports every key that ends along the way, so later stages can prefer the longest licensed
one. The fuzzy pass looks only at tokens the exact pass could not place that are not English
words, and batches them through RapidFuzz's cdist.
"""
from __future__ import annotations

from typing import NamedTuple

from .compiled import TERMINAL, CompiledLexicon
from .lexicon import Entry
from .tokens import TokenStream


class Candidate(NamedTuple):
    """A span of tokens that some lexicon entries match."""

    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    start: int  # code-point offsets of the matched text
    end: int
    entries: tuple[Entry, ...]
    fuzzy: bool = False


def _joined(gap: str) -> bool:
    """Words of a phrase must be separated by spaces only, on one line."""
    return gap == " " or (gap != "" and gap.isspace() and "\n" not in gap and "\r" not in gap)


def _capitals_hold(tokens: TokenStream, first: int, entry: Entry) -> bool:
    for offset, positions in enumerate(entry.capitals):
        if positions:
            word = tokens.word(first + offset)
            if any(i >= len(word) or not word[i].isupper() for i in positions):
                return False
    return True


def _candidate(tokens: TokenStream, first: int, last: int, end: int, entries: tuple[Entry, ...]) -> Candidate | None:
    fitting = entries
    if any(e.capitals for e in entries):
        fitting = tuple(e for e in entries if not e.capitals or _capitals_hold(tokens, first, e))
    return Candidate(first, last, tokens.start(first), end, fitting) if fitting else None


def exact_candidates(tokens: TokenStream, lexicon: CompiledLexicon) -> list[Candidate]:
    """Every key matching at every token, longest first within a start position."""
    trie = lexicon.trie
    norms = tokens.norms
    found: list[Candidate] = []
    count = len(norms)
    present = set(norms)
    starts = present.intersection(trie)
    starts.update(n for n in present if n.endswith("'s") and n[:-2] in trie)
    for first in [i for i, norm in enumerate(norms) if norm in starts]:
        norm = norms[first]
        node = trie.get(norm)
        if node is None:
            _possessive(tokens, first, first, trie, found)
            continue
        here: list[Candidate] = []
        last = first
        while True:
            entries = node.get(TERMINAL)
            if entries:
                cand = _candidate(tokens, first, last, tokens.end(last), entries)
                if cand:
                    here.append(cand)
            if len(node) == (1 if entries else 0):
                break  # no longer key runs through here
            last += 1
            if last >= count or not _joined(tokens.gap_before(last)):
                break
            child = node.get(norms[last])
            if child is None:
                if norms[last].endswith("'s"):
                    _possessive(tokens, first, last, node, here)
                break
            node = child
        here.reverse()
        found += here
    return found


def _possessive(tokens: TokenStream, first: int, last: int, node: dict, out: list[Candidate]) -> None:
    """A key may end in a possessive word ("College's"): the match stops before the 's."""
    child = node.get(tokens.norms[last][:-2])
    entries = child.get(TERMINAL) if child else None
    if entries:
        cand = _candidate(tokens, first, last, tokens.end(last) - 2, entries)
        if cand:
            out.append(cand)


def fuzzy_candidates(
    tokens: TokenStream,
    placed: set[int],
    lexicon: CompiledLexicon,
    vocabulary: frozenset[str],
) -> list[Candidate]:
    """Misspelt or variant spun forms: lower-case tokens that are not English words and lie
    within a small edit distance of exactly one single-word key."""
    from .vocabulary import FUZZY_MIN_LENGTH

    norms = tokens.norms
    # set arithmetic first, so the per-token checks below see only the rare unknown words
    strangers = {n for n in set(norms).difference(vocabulary) if len(n) >= FUZZY_MIN_LENGTH and n.isalpha()}
    if not strangers or not lexicon.fuzzy_keys:
        return []
    unknown: dict[str, list[int]] = {}
    for index, norm in enumerate(norms):
        if norm in strangers and index not in placed and tokens.word(index) == norm:
            unknown.setdefault(norm, []).append(index)
    if not unknown:
        return []
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    words = list(unknown)
    distances = process.cdist(words, lexicon.fuzzy_keys, scorer=Levenshtein.distance, score_cutoff=2, workers=1)
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
            found.append(Candidate(index, index, tokens.start(index), tokens.end(index), entries, fuzzy=True))
    return found
