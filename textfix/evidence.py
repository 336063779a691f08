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
from .tokens import Token

# Fingerprints per this many words count at full weight; longer spans dilute them.
DENSITY_WORDS = 2000
# The score's half-way point: this many (density-adjusted) fingerprints score 0.5.
HALF_SCORE_FINGERPRINTS = 2.0


class Decision(NamedTuple):
    """A candidate match with the entry that fires and why."""

    candidate: Candidate
    entry: Entry
    reason: str


def spin_score(fingerprints: int, words: int) -> float:
    """A score in [0, 1) that grows with the density of unambiguous fingerprints."""
    effective = fingerprints / max(1.0, words / DENSITY_WORDS)
    return effective / (effective + HALF_SCORE_FINGERPRINTS)


def neighbours(text: str, tokens: list[Token], cand: Candidate, lo: int, hi: int) -> dict[str, Neighbour | None]:
    """The tokens around a match (words, numbers or single punctuation marks), within one line
    and within text[lo:hi]."""
    left = _walk(text, tokens, cand.first - 1, tokens[cand.first].start, lo, -1)
    right = _walk(text, tokens, cand.last + 1, tokens[cand.last].end, hi, +1)
    first = tokens[cand.first]
    return {
        "prev": left[0] if left else None,
        "prev2": left[1] if len(left) > 1 else None,
        "next": right[0] if right else None,
        "next2": right[1] if len(right) > 1 else None,
        "self": Neighbour(text[first.start:first.end], True),
    }


def _walk(text: str, tokens: list[Token], index: int, pos: int, bound: int, step: int) -> list[Neighbour]:
    found: list[Neighbour] = []
    while len(found) < 2:
        if step < 0:
            edge = tokens[index].end if index >= 0 else bound
            gap = reversed(text[edge:pos])
        else:
            edge = tokens[index].start if index < len(tokens) else bound
            gap = iter(text[pos:edge])
        for char in gap:
            if char in "\n\r":
                return found
            if not char.isspace():
                found.append(Neighbour(char, False))
                if len(found) == 2:
                    return found
        if not 0 <= index < len(tokens):
            return found
        token = tokens[index]
        found.append(Neighbour(text[token.start:token.end], True))
        pos = token.start if step < 0 else token.end
        index += step
    return found


def choose(
    text: str,
    tokens: list[Token],
    candidates: list[Candidate],
    gate_open: bool,
    lo: int,
    hi: int,
) -> list[Decision]:
    """Pick non-overlapping licensed matches, left to right, longest first at each token.

    With the gate closed only unambiguous and keep entries can fire; the unambiguous ones
    chosen then are the window's fingerprints.
    """
    decisions: list[Decision] = []
    cursor = 0
    for cand in candidates:
        if cand.first < cursor:
            continue
        context = None
        for entry in cand.entries:
            if entry.cls == "evidence" or cand.fuzzy:
                if not gate_open:
                    continue
            if entry.rule is None:
                licence = "unambiguous fingerprint" if entry.cls == "unambiguous" else "keep"
            else:
                context = context or neighbours(text, tokens, cand, lo, hi)
                held = entry.rule.holds(context)
                if held is None:
                    continue
                licence = "document evidence" if held == "*" else f"context {held}"
                if entry.cls == "unambiguous":
                    licence = f"unambiguous fingerprint, {licence}"
                elif held != "*":
                    licence = f"document evidence, {licence}"
            if cand.fuzzy:
                licence = f"spelling variant of {entry.spun!r}, {licence}"
            decisions.append(Decision(cand, entry, licence))
            cursor = cand.last + 1
            break
    return decisions


def is_fingerprint(decision: Decision) -> bool:
    return decision.entry.cls == "unambiguous" and not decision.candidate.fuzzy
