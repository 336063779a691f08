"""Evidence: which candidate matches are licensed to fire.

Two kinds of evidence decide (GUIDE.md section 1). Document evidence: unambiguous
fingerprints are rare in natural prose, so their density gives a spin score, and only a
document whose score reaches the threshold opens the gate for ambiguous entries. Local
evidence: each ambiguous entry's context rule, checked on the tokens around the match.
"""
from __future__ import annotations

from typing import NamedTuple

from .lexicon import Entry
from .lookup import Candidate
from .rules import Neighbour
from .tokens import TokenStream

# Fingerprints per this many words count at full weight; longer spans dilute them.
DENSITY_WORDS = 2000
# The score's half-way point: this many (density-adjusted) fingerprints score 0.5.
HALF_SCORE_FINGERPRINTS = 2.0
# Strong document evidence, which `**` entries need: this many (density-adjusted) fingerprints,
# a score of 0.6. A clean text almost never shows one fingerprint in a window's neighbourhood.
STRONG_FINGERPRINTS = 3.0

# Or, with the gate open, this many distinct phrases of the window licensed by their context:
# the detection model's clean rate is 0.04 such phrases per 100 words, the spun rate 1.8.
STRONG_CONTEXT = 3

# How far the document evidence around a window goes: the gate's levels.
CLOSED, OPEN, STRONG = 0, 1, 2


_new_tuple = tuple.__new__  # a NamedTuple from a full tuple of fields, without its Python-level __new__


class Decision(NamedTuple):
    """A candidate match with the entry that fires and why: `held` is the context alternative
    that licensed it as written, "*" for document evidence alone, "" for an entry without
    context. licence() puts it in words, only for the callers that report it."""

    candidate: Candidate
    entry: Entry
    held: str


def spin_score(fingerprints: int, words: int) -> float:
    """A score in [0, 1) that grows with the density of unambiguous fingerprints."""
    effective = fingerprints / max(1.0, words / DENSITY_WORDS)
    return effective / (effective + HALF_SCORE_FINGERPRINTS)


_STRONG_SCORE = STRONG_FINGERPRINTS / (STRONG_FINGERPRINTS + HALF_SCORE_FINGERPRINTS)


def gate_level(fingerprints: int, words: int, threshold: float) -> int:
    """CLOSED below the threshold; STRONG from the threshold and STRONG_FINGERPRINTS up; else OPEN."""
    score = spin_score(fingerprints, words)
    if score < threshold:
        return CLOSED
    return STRONG if score >= _STRONG_SCORE else OPEN


class _View(NamedTuple):
    """A window's token arrays, fetched once per choose() rather than once per neighbour."""

    text: str
    norms: list[str]
    parts: list[str]
    bounds: list[int]
    lo: int


def _word_beside(view: _View, index: int, gap: int) -> str | None:
    """The normalised word at `index` when only spaces (no line break, no punctuation) separate
    it from the match, the gap being parts[2 * gap]; None otherwise."""
    norms = view.norms
    if index < 0 or index >= len(norms):
        return None
    between = view.parts[2 * gap]
    if between != " " and not (between.isspace() and "\n" not in between and "\r" not in between):
        return None
    return norms[index]


def _side(view: _View, index: int, step: int, reach: int) -> list[Neighbour]:
    """Up to `reach` (1 or 2) tokens beside token `index` (words, numbers or single punctuation
    marks), within one line and within the window, going left (step -1) or right (+1).

    Neighbours are made as plain (text, is_word, norm) tuples, Neighbour's shape: rules read
    them by position, and a tuple costs a fraction of a NamedTuple to make."""
    text, norms, parts, bounds, lo = view
    count = len(norms)
    # The usual case first: words separated by single spaces, no punctuation to look through.
    near = index + step
    if 0 <= near < count and parts[2 * index + (2 if step > 0 else 0)] == " ":
        word = (text[lo + bounds[2 * near]:lo + bounds[2 * near + 1]], True, norms[near])
        if reach == 1:
            return [word]
        far = near + step
        if 0 <= far < count and parts[2 * near + (2 if step > 0 else 0)] == " ":
            return [word, (text[lo + bounds[2 * far]:lo + bounds[2 * far + 1]], True, norms[far])]
    found: list[Neighbour] = []
    while True:
        gap = 2 * index if step < 0 else 2 * index + 2  # parts[gap] is the gap on that side
        if parts[gap] != " ":  # the split parts have the text's spaces: only odd gaps need the text
            chars = text[lo + (bounds[gap - 1] if gap else 0):lo + bounds[gap]]
            for char in (reversed(chars) if step < 0 else chars):
                if char == "\n" or char == "\r":
                    return found
                if not char.isspace():
                    found.append((char, False, char))
                    if len(found) == reach:
                        return found
        index += step
        if index < 0 or index >= count:
            return found
        found.append((text[lo + bounds[2 * index]:lo + bounds[2 * index + 1]], True, norms[index]))
        if len(found) == reach:
            return found


def choose(
    tokens: TokenStream,
    candidates: list[Candidate],
    gate: int,
    licensed: dict[int, tuple[Entry, str] | None] | None = None,
) -> list[Decision]:
    """Pick non-overlapping licensed matches, left to right, longest first at each token.

    With the gate CLOSED only unambiguous and keep entries can fire; the unambiguous ones
    chosen then are the window's fingerprints. `**` entries fire only where it is STRONG. `licensed` keeps each candidate's verdict by
    id: a window's second pass, with the gate open, reuses what the first found for the
    matches that need no document evidence, whose verdict the gate does not change.
    """
    licensed = {} if licensed is None else licensed
    decisions: list[Decision] = []
    cursor = 0
    kept = _kept_tokens(candidates)
    view: _View | None = None
    for cand in candidates:
        if cand.first < cursor:
            continue
        if kept and not cand.keep and not kept.isdisjoint(range(cand.first, cand.last + 1)) \
                and not _holds_its_keeps(cand, candidates):
            continue  # a keep phrase overlaps it, wherever either starts
        key = id(cand)
        if key in licensed:
            verdict = licensed[key]
        else:
            if view is None:
                view = _View(tokens.text, tokens.norms, tokens.parts, tokens.bounds, tokens.lo)
            verdict = licensed[key] = _licence(tokens, view, cand, gate)
        if verdict is not None:
            decisions.append(_new_tuple(Decision, (cand, *verdict)))
            cursor = cand.last + 1
    return decisions


def _licence(tokens: TokenStream, view: _View, cand: Candidate, gate: int) -> tuple[Entry, str] | None:
    """The first of a match's entries that may fire here, with the alternative that held; None
    when none may."""
    before = after = itself = None  # the tokens around the match, found when a rule first needs them
    reached_left = reached_right = 0  # how far they go
    for entry in cand.entries:
        if gate == CLOSED and (entry.cls == "evidence" or cand.fuzzy):
            continue
        rule = entry.rule
        if rule is None:
            return entry, ""
        if rule.strong and gate != STRONG:
            continue
        if not rule.alternatives:
            return entry, rule.source  # document evidence alone: no need to look around the match
        if rule.next_words is not None and _word_beside(view, cand.last + 1, cand.last + 1) not in rule.next_words:
            continue
        if rule.prev_words is not None and _word_beside(view, cand.first - 1, cand.first) not in rule.prev_words:
            continue
        if rule.itself and itself is None:
            itself = (tokens.word(cand.first), True, tokens.norms[cand.first])
        if rule.left > reached_left:
            before, reached_left = _side(view, cand.first, -1, rule.left), rule.left
        if rule.right > reached_right:
            after, reached_right = _side(view, cand.last, +1, rule.right), rule.right
        held = rule.test()(before, after, itself, tokens.contains_phrase)
        if held is not None:
            return entry, f"** & {held}" if rule.strong else held
    return None


def licence(decision: Decision) -> str:
    """Why a decision was licensed, in words."""
    cand, entry, held = decision
    if not held:
        text = "unambiguous fingerprint" if entry.cls == "unambiguous" else "keep"
    elif held.startswith("**"):
        text = "strong document evidence" + (f", context {held[5:]}" if held != "**" else "")
    else:
        text = "document evidence" if held == "*" else f"context {held}"
        if entry.cls == "unambiguous":
            text = f"unambiguous fingerprint, {text}"
        elif held != "*":
            text = f"document evidence, {text}"
    return f"spelling variant of {entry.spun!r}, {text}" if cand.fuzzy else text


def _kept_tokens(candidates: list[Candidate]) -> set[int]:
    """Token indices covered by keep phrases (keep entries have no context: they always hold)."""
    return {i for c in candidates if c.keep for i in range(c.first, c.last + 1)}


def _holds_its_keeps(cand: Candidate, candidates: list[Candidate]) -> bool:
    """Whether every keep phrase that overlaps a match lies inside it, the match being longer:
    such an entry ("open hearth on" beside the keep "open hearth") was written for the longer
    phrase and wins."""
    first, last = cand.first, cand.last
    return all(first <= k.first and k.last <= last and (k.first, k.last) != (first, last)
               for k in candidates if k.keep and k.first <= last and first <= k.last)


# A `**` restoration needs, in its sentence or in a sentence next to it in the same paragraph,
# one restoration that is not `**`; or, in its own sentence, this many distinct `**` phrases
# (its own included).
CORROBORATING_STRONG = 2
_SENTENCE_ENDS = frozenset(".!?\n\r")
_PARAGRAPH_ENDS = frozenset("\n\r")


def corroborated(tokens: TokenStream, decisions: list[Decision]) -> list[Decision]:
    """The decisions, less the `**` ones that stand alone. A common word is restored only beside
    other signs of the spinner in its sentence or the sentences either side of it in its
    paragraph, so a paragraph of plain prose inside a spun article keeps its literal "chilly
    reception" and "faculty members". The spinner rarely spins every sentence in full: the
    sentence beside one whose spin is plain is spun too, whatever it shows on its own."""
    if not any(d.entry.strong for d in decisions):
        return decisions
    sentence, paragraph = _sentence_numbers(tokens)
    support: set[int] = set()  # sentences with a restoration that is not `**`
    strong: dict[int, set[tuple[str, ...]]] = {}  # sentence -> its distinct `**` phrases
    for d in decisions:
        if d.entry.cls != "keep":
            number = sentence[d.candidate.first]
            if d.entry.strong:
                strong.setdefault(number, set()).add(d.entry.tokens)
            else:
                support.add(number)
    paragraph_of = dict(zip(sentence, paragraph))

    def stands(d: Decision) -> bool:
        number = sentence[d.candidate.first]
        if number in support or len(strong[number]) >= CORROBORATING_STRONG:
            return True
        return any(n in support and paragraph_of[n] == paragraph_of[number] for n in (number - 1, number + 1))

    return [d for d in decisions if not d.entry.strong or stands(d)]


def _sentence_numbers(tokens: TokenStream) -> tuple[list[int], list[int]]:
    """For each token, the number of its sentence and of its paragraph in the window: a new
    sentence starts after a gap that holds a full stop, a question or exclamation mark, or a
    line break; a new paragraph after a line break."""
    sentences, paragraphs = [], []
    sentence = paragraph = 0
    for gap in tokens.parts[0:-1:2]:
        if not _SENTENCE_ENDS.isdisjoint(gap):
            sentence += 1
            if not _PARAGRAPH_ENDS.isdisjoint(gap):
                paragraph += 1
        sentences.append(sentence)
        paragraphs.append(paragraph)
    return sentences, paragraphs


def context_phrases(decisions: list[Decision]) -> int:
    """How many distinct phrases the decisions license by their context alone (not by document
    evidence, nor as fingerprints): the local evidence of spin."""
    return len({d.entry.tokens for d in decisions
                if d.entry.cls == "evidence" and d.held and d.held[0] != "*" and not d.candidate.fuzzy})


def is_fingerprint(decision: Decision) -> bool:
    return decision.entry.cls == "unambiguous" and not decision.candidate.fuzzy
