"""Tortured phrases the academic lexicon does not list, composed from the words it does.

Paper mills torture a technical term word by word ("counterfeit consciousness" for "artificial
intelligence"), and a new term is tortured with the same word swaps as the listed ones:
"intermittent neural organization" is "recurrent neural network" by the swaps the list shows
for "intermittent" and "organization". The academic entries of equal length give a word map
(tortured word -> original words) and their originals give the technical terms a composition
may produce. A run of words is restored only when the swaps turn it into such a term, and at
least one swapped word is a *torture word*: one the list shows swapped more often than it
shows it in a term, so that an ordinary technical word ("power", "source") never counts.
Composed matches are evidence entries, and are looked for only in a window whose own
fingerprints include a listed tortured phrase: news prose that happens to be spun gets none
("nuclear capabilities" is not a tortured "kernel functions").
"""
from __future__ import annotations

from collections import Counter, defaultdict
from itertools import compress, count
from typing import Iterable, NamedTuple

from .lexicon import Entry
from .memo import Memo
from .rules import parse_rule
from .tokens import TokenStream, phrase_tokens

SOURCE = "academic composition"  # the `rule` an edit from a composed match reports
MAX_TERM_WORDS = 5
MIN_SWAP_SIGHTINGS = 2
_DOCUMENT_EVIDENCE = parse_rule("*")


class Composition(NamedTuple):
    swaps: dict[str, frozenset[str]]  # tortured word -> the words it stands for
    torture_words: frozenset[str]
    firsts: frozenset[str]  # the words a composed phrase may start with
    by_pair: dict[tuple[str, str], tuple[tuple[str, ...], ...]]  # its first two words -> terms, longest first


_NOT_PLURAL_ENDINGS = ("ss", "is", "us", "ics", "ous")


def _is_plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(_NOT_PLURAL_ENDINGS)


_built: Memo[str, Composition] = Memo()


def composition_for(entries: Iterable[Entry], version: str) -> Composition:
    """The composition of a compiled lexicon, built on first use in a process: only windows
    of spun papers need it, so a run over news or clean text never pays for it."""
    return _built.get(version, lambda: build(entries))


def _number_variants(term: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The term, and the term with its last word in the other grammatical number (regular
    plurals only: "networks" <-> "network"; "analysis", "dynamics" have none)."""
    last = term[-1]
    if len(last) < 4 or not last.isalpha() or (last.endswith("s") and not _is_plural(last)):
        return [term]
    other = last[:-1] if _is_plural(last) else last + "s"
    return [term, term[:-1] + (other,)]


def build(entries: Iterable[Entry]) -> Composition:
    swaps: dict[str, Counter] = defaultdict(Counter)
    in_terms: Counter = Counter()
    terms: Counter = Counter()  # technical term -> entries restoring to it: the common term wins a tie
    for entry in entries:
        if entry.family != "academic" or entry.cls == "keep":
            continue
        original = phrase_tokens(entry.original)
        if 2 <= len(original) <= MAX_TERM_WORDS:
            terms.update(_number_variants(original))  # Counter.update counts each variant once
            in_terms.update(original)
        if len(original) == len(entry.tokens):
            for tortured, word in zip(entry.tokens, original):
                if tortured != word:
                    swaps[tortured][word] += 1
    # A swap the list shows once may be a curator's one-off; two sightings make it the mills' habit.
    swaps = {w: Counter({o: n for o, n in c.items() if n >= MIN_SWAP_SIGHTINGS}) for w, c in swaps.items()}
    swaps = {w: c for w, c in swaps.items() if c}
    torture_words = frozenset(w for w in swaps if not in_terms[w])
    stands_for: dict[str, set[str]] = defaultdict(set)
    for tortured, words in swaps.items():
        for word in words:
            stands_for[word].add(tortured)
    by_pair: dict[tuple[str, str], list[tuple[str, ...]]] = defaultdict(list)
    for term in terms:
        second = term[1]
        seconds = {second} | stands_for[second]
        if _is_plural(second):  # a regular plural of a known swap ("organizations" -> "networks")
            seconds |= {w + "s" for w in stands_for[second[:-1]] if _is_plural(w + "s")}
        for first in {term[0]} | stands_for[term[0]]:
            for word in seconds:
                by_pair[first, word].append(term)
    return Composition({w: frozenset(c) for w, c in swaps.items()}, torture_words, frozenset(w for w, _ in by_pair),
                       {pair: tuple(sorted(t, key=lambda term: (-len(term), -terms[term], term)))
                        for pair, t in by_pair.items()})


def _matches(words: list[str], start: int, term: tuple[str, ...], composition: Composition) -> bool:
    """Whether words[start:] begin with a torture of term (not the term itself)."""
    tortured = False
    for offset, wanted in enumerate(term):
        word = words[start + offset]
        if word == wanted:
            continue
        if wanted not in composition.swaps.get(word, ()):
            if not (_is_plural(word) and _is_plural(wanted) and wanted[:-1] in composition.swaps.get(word[:-1], ())):
                return False
            word = word[:-1]  # a regular plural of a known swap ("organizations" -> "networks")
        tortured = tortured or word in composition.torture_words
    return tortured


def composed_candidates(tokens: TokenStream, composition: Composition, listed: Iterable = ()) -> list:
    """Candidates (lookup.Candidate) for the composed tortured phrases of a window, longest first.
    `listed` are the window's lexicon matches: a phrase the lexicon lists whose context did not
    hold (often a variant with its acronym, "molecule swarm enhancement (PSO)") restores the
    listed original, and is not composed at all where a listed rule forbids a context."""
    from .lookup import Candidate, _joined

    listed_at = {(c.first, c.last): c.entries for c in listed}

    norms, parts = tokens.norms, tokens.parts
    if tokens.vocabulary().isdisjoint(composition.torture_words):
        return []
    found = []
    total = len(norms)
    by_pair = composition.by_pair
    for start in compress(count(), map(composition.firsts.__contains__, norms)):
        if start + 1 == total:
            break
        for term in by_pair.get((norms[start], norms[start + 1]), ()):
            end = start + len(term)
            if end <= total and _matches(norms, start, term, composition) \
                    and all(_joined(parts[2 * i]) for i in range(start + 1, end)):
                spun = tuple(norms[start:end])
                original = _listed_original(listed_at.get((start, end - 1), ()), _agreeing(term, spun))
                if original is not None:
                    entry = Entry(" ".join(spun), original, "evidence", _DOCUMENT_EVIDENCE, "academic", SOURCE, spun, ())
                    found.append(Candidate(start, end - 1, tokens.start(start), tokens.end(end - 1), (entry,)))
                break  # terms are tried longest first
    return found


def _listed_original(entries: tuple[Entry, ...], composed: str) -> str | None:
    """What a composed phrase restores to: the original of an academic entry listing the same
    phrase if there is one, none where such an entry's rule has a negated condition."""
    listed = [e for e in entries if e.family == "academic" and e.cls != "keep"]
    if not listed:
        return composed
    if any(cond.negated for e in listed if e.rule for alternative in e.rule.alternatives for cond in alternative):
        return None
    return listed[0].original


def _agreeing(term: tuple[str, ...], spun: tuple[str, ...]) -> str:
    """The term with its last word in the number of the spun phrase's last word."""
    variants = _number_variants(term)
    plural = _is_plural(spun[-1])
    for variant in variants:
        if _is_plural(variant[-1]) == plural:
            return " ".join(variant)
    return " ".join(term)
