"""The lookup core: longest-match phrase lookup over the token stream, then a fuzzy fallback.

The exact pass walks the lexicon trie from every token whose normalised form starts a key and
reports every key that ends along the way, so later stages can prefer the longest licensed
one. The fuzzy pass looks only at tokens the exact pass could not place that are not English
words, and batches them through RapidFuzz's cdist.
"""
from __future__ import annotations

from itertools import compress, count, islice
from typing import NamedTuple

from .compiled import SURE, TERMINAL, CompiledLexicon, StartIndex, Terminal
from .lexicon import Entry
from .tokens import TokenStream
from .vocabulary import Vocabulary


class Candidate(NamedTuple):
    """A span of tokens that some lexicon entries match."""

    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    start: int  # code-point offsets of the matched text
    end: int
    entries: tuple[Entry, ...]
    fuzzy: bool = False
    keep: bool = False


# Builds a Candidate from a tuple of all its fields without the Python-level __new__ that
# NamedTuple adds: the exact pass makes hundreds per spun page.
_new_tuple = tuple.__new__


def _joined(gap: str) -> bool:
    """Words of a phrase must be separated by spaces only, on one line."""
    return gap == " " or (gap != "" and gap.isspace() and "\n" not in gap and "\r" not in gap)


def _capitals_hold(tokens: TokenStream, first: int, entry: Entry) -> bool:
    for offset, positions in enumerate(entry.capitals):
        if positions:
            word = tokens.word(first + offset)
            for i in positions:
                if i >= len(word) or not word[i].isupper():
                    return False
    return True


def _candidate(tokens: TokenStream, first: int, last: int, start: int, end: int, terminal: Terminal) -> Candidate | None:
    entries = terminal.entries
    if terminal.capitals:
        entries = tuple(e for e in entries if not e.capitals or _capitals_hold(tokens, first, e))
        if not entries:
            return None
    return _new_tuple(Candidate, (first, last, start, end, entries, False, terminal.keep))


def start_positions(tokens: TokenStream, starts: StartIndex, flag: int = SURE) -> list[int]:
    """Where a key of one trie (SURE or EVIDENCE) can match: a one-word key, or the first two
    words of a longer one.

    Each test runs over the whole window in C (map and compress over set lookups), so common
    words that merely begin some long key ("the", "in") cost no Python-level step; only the
    possessive forms ("Kookmin College's") are looked at one by one."""
    norms = tokens.norms
    vocabulary = tokens.vocabulary()
    singles, bigrams = (starts.sure_singles, starts.sure_bigrams) if flag == SURE else \
        (starts.evidence_singles, starts.evidence_bigrams)
    found = set(compress(count(), map(bigrams.__contains__, zip(norms, islice(norms, 1, None)))))
    if not vocabulary.isdisjoint(singles):
        found.update(compress(count(), map(singles.__contains__, norms)))
    possessives = vocabulary.intersection(starts.possessives)
    for i in compress(count(), map(possessives.__contains__, norms)) if possessives else ():
        base = norms[i][:-2]
        if starts.singles.get(base, 0) & flag:
            found.add(i)
        if i and starts.bigrams.get((norms[i - 1], base), 0) & flag:
            found.add(i - 1)
    return sorted(found)


def exact_candidates(tokens: TokenStream, trie: dict, positions: list[int]) -> list[Candidate]:
    """Every key of the trie matching at each start position, longest first within a position."""
    if not positions:
        return []
    norms, parts, lo = tokens.norms, tokens.parts, tokens.lo
    bounds = None  # offsets are summed up only once a key matches: most walks in clean text end early
    found: list[Candidate] = []
    count = len(norms)
    for first in positions:
        node = trie.get(norms[first])
        if node is None:
            cand = _possessive(tokens, first, first, trie)
            if cand:
                found.append(cand)
            continue
        mark = len(found)  # each longer match found from here goes in before the shorter ones
        last = first
        while True:
            terminal = node.get(TERMINAL)
            if terminal:
                if bounds is None:
                    bounds = tokens.bounds
                start = lo + bounds[2 * first]
                if terminal.capitals:
                    cand = _candidate(tokens, first, last, start, lo + bounds[2 * last + 1], terminal)
                    if cand:
                        found.insert(mark, cand)
                else:  # most keys are lower case: no capitals to check, no call
                    found.insert(mark, _new_tuple(Candidate, (first, last, start, lo + bounds[2 * last + 1],
                                                              terminal.entries, False, terminal.keep)))
            following = last + 1
            if following >= count:
                break
            child = node.get(norms[following])  # a dict probe is cheaper than the gap check
            if child is None:
                if norms[following][-2:] == "'s" and _joined(parts[2 * following]):
                    cand = _possessive(tokens, first, following, node)
                    if cand:
                        found.insert(mark, cand)
                break
            gap = parts[2 * following]
            if gap != " " and not _joined(gap):
                break
            node, last = child, following
    return found


def _possessive(tokens: TokenStream, first: int, last: int, node: dict) -> Candidate | None:
    """A key may end in a possessive word ("College's"): the match stops before the 's."""
    child = node.get(tokens.norms[last][:-2])
    terminal = child.get(TERMINAL) if child else None
    return _candidate(tokens, first, last, tokens.start(first), tokens.end(last) - 2, terminal) if terminal else None


def fuzzy_candidates(
    tokens: TokenStream,
    exact: list[Candidate],
    lexicon: CompiledLexicon,
    vocabulary: Vocabulary,
) -> list[Candidate]:
    """Misspelt or variant spun forms: lower-case tokens that are not English words, that no
    exact match covers, and that lie within a small edit distance of exactly one single-word key."""
    norms = tokens.norms
    # each distinct word once, so the per-token checks below see only the rare unknown words
    strangers = vocabulary.strangers(tokens.vocabulary())
    if not strangers or not lexicon.fuzzy_keys:
        return []
    # most strangers are names, written with a capital: only the rest need the exact matches' span
    written_plain = [i for i in compress(count(), map(strangers.__contains__, norms)) if tokens.word(i) == norms[i]]
    if not written_plain:
        return []
    placed = {i for c in exact for i in range(c.first, c.last + 1)}
    unknown: dict[str, list[int]] = {}
    for index in written_plain:
        if index not in placed:
            unknown.setdefault(norms[index], []).append(index)
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
