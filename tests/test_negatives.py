"""Real prose that uses the ambiguous words literally comes back byte-identical: on its own,
and embedded in a spun article, where the document gate is open."""
from __future__ import annotations

import pytest

import textfix

from conftest import DATA, inside_spun_article


def negative_sentences() -> list[str]:
    lines = (DATA / "negative_sentences.tsv").read_text(encoding="utf-8").splitlines()
    return [line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")]


SENTENCES = negative_sentences()


def test_the_negative_set_is_large_enough():
    assert len(SENTENCES) >= 50


@pytest.mark.parametrize("sentence", SENTENCES)
def test_unchanged_on_its_own(sentence):
    assert textfix.fix_and_explain(sentence).edits == []


@pytest.mark.parametrize("sentence", SENTENCES)
def test_unchanged_inside_a_spun_article(sentence, spun_lines):
    lines, out = inside_spun_article(sentence, spun_lines)
    assert out[4] == sentence
    assert out[:4] != lines[:4]  # the article around it was repaired: the gate was open
