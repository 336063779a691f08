"""Repair rate, edit precision and clean damage, as the benchmarks compute them.

This module reproduces ../shared/eval/score.py exactly (the project's definition of the quality
measures, GUIDE.md section 5): the same functions, with type hints added and nothing else changed,
so that the benchmarks run in a clone without ../shared. quality.py checks that both give
identical numbers whenever ../shared/eval/score.py is present. See score.py's docstring for the
rules: tokens are whitespace-separated words with their punctuation attached.
"""
from __future__ import annotations

from difflib import SequenceMatcher

from rapidfuzz.distance import Levenshtein

Span = tuple[int, int, tuple[str, ...]]


def changed_spans(a: list[str], b: list[str]) -> list[Span]:
    """(i1, i2, new tokens) for each span of token list a that b changes."""
    sm = SequenceMatcher(a=a, b=b, autojunk=False)
    return [(i1, i2, tuple(b[j1:j2])) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]


def _contains(seq: list[str], sub: tuple[str, ...]) -> bool:
    n = len(sub)
    return n == 0 or any(tuple(seq[k:k + n]) == tuple(sub) for k in range(len(seq) - n + 1))


def edit_is_right(edit: Span, gold_spans: list[Span]) -> bool:
    i1, i2, new = edit
    hit = [g for g in gold_spans if (g[0] < i2 and i1 < g[1]) or (g[0] == g[1] and i1 <= g[0] <= i2)
           or (i1 == i2 and g[0] <= i1 <= g[1])]
    if not hit:
        return False
    lo, hi = min(g[0] for g in hit), max(g[1] for g in hit)
    if i1 < lo or i2 > hi:
        return False
    gold_new = [t for g in sorted(hit) for t in g[2]]
    return _contains(gold_new, new)


def repair(spun: str, gold: str, out: str) -> dict[str, int | float]:
    s, g, o = spun.split(), gold.split(), out.split()
    damage = Levenshtein.distance(s, g)
    left = Levenshtein.distance(o, g)
    gold_spans = changed_spans(s, g)
    edits = changed_spans(s, o)
    right = sum(edit_is_right(e, gold_spans) for e in edits)
    return dict(words=len(s), damage=damage, left=left, repair=1 - left / damage if damage else 1.0,
                edits=len(edits), right=right, precision=right / len(edits) if edits else 1.0)


def clean(inp: str, out: str) -> dict[str, int | float]:
    a, b = inp.split(), out.split()
    changed = Levenshtein.distance(a, b)
    return dict(words=len(a), changed=changed, per10k=changed * 1e4 / max(1, len(a)))
