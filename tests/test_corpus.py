"""The development corpus: both spun articles repaired, the clean ones untouched.

The bars are the foundation's: repair >= 0.75 on each spun article at pooled edit precision
>= 0.95, clean articles byte-identical, every spun article scoring above every clean one.
"""
from __future__ import annotations

import sys

import pytest

import textfix

from conftest import CORPUS, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from scoring import repair  # noqa: E402  (benchmarks/scoring.py reproduces ../shared/eval/score.py)

SPUN = sorted(p.name for p in (CORPUS / "gold").glob("*.txt"))
CLEAN = sorted(p.name for p in (CORPUS / "seeds").glob("*.txt") if p.name not in SPUN)


def read(kind: str, name: str) -> str:
    return (CORPUS / kind / name).read_text(encoding="utf-8")


def test_the_corpus_is_there():
    assert len(SPUN) == 2 and len(CLEAN) == 3


@pytest.mark.parametrize("name", SPUN)
def test_spun_articles_are_repaired(name):
    spun, gold = read("seeds", name), read("gold", name)
    scores = repair(spun, gold, textfix.fix_text(spun))
    assert scores["repair"] >= 0.75, scores


def test_pooled_edit_precision():
    right = edits = 0
    for name in SPUN:
        spun = read("seeds", name)
        scores = repair(spun, read("gold", name), textfix.fix_text(spun))
        right, edits = right + scores["right"], edits + scores["edits"]
    assert edits and right / edits >= 0.95


@pytest.mark.parametrize("name", CLEAN)
def test_clean_articles_come_back_byte_identical(name):
    text = read("seeds", name)
    out = textfix.fix_and_explain(text)
    assert out.edits == [] and out.text == text


def test_every_spun_article_scores_above_every_clean_one():
    spun = [textfix.detect(read("seeds", n)) for n in SPUN]
    clean = [textfix.detect(read("seeds", n)) for n in CLEAN]
    assert min(r.score for r in spun) > max(r.score for r in clean)
    assert all(r.is_spun for r in spun) and not any(r.is_spun for r in clean)


@pytest.mark.parametrize("name", SPUN + CLEAN)
def test_edits_replay_on_the_corpus(name):
    text = read("seeds", name)
    out = textfix.fix_and_explain(text)
    assert textfix.apply_edits(text, out.edits) == out.text == textfix.fix_text(text)
