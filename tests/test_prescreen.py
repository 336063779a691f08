"""The prescreen only ever skips work: with it, repair gives exactly what the full engine gives
without it, and it never rules out a key that the full lookup would match."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textfix
from textfix.engine import Fixer
from textfix.prescreen import Prescreen
from textfix.tokens import normalise

from conftest import DATA, repository_texts


class FullEngine(Fixer):
    """The engine with the prescreen switched off: every text is tokenized and looked up, and
    every repaired window is looked up again."""

    def _without_fingerprints(self, text: str, ranges: object = None) -> bool:
        return False


def test_repair_is_identical_with_and_without_the_prescreen_on_real_text():
    texts = repository_texts()
    fast, full = Fixer(), FullEngine()
    skipped = [t for t in texts if fast._without_fingerprints(t)]
    assert len(skipped) > 250  # it does skip most clean documents
    assert all(fast.explain(t) == full.explain(t) for t in texts)


@pytest.mark.parametrize("text", [
    "The minister, as well as two advisers, resigned.",  # the key is "As well as" before a comma
    "Police will not identify the man.",  # "identify" is "name" only after his/her/their
])
def test_a_hit_whose_line_holds_no_fingerprint_is_skipped(text: str):
    assert Fixer()._without_fingerprints(text)


@pytest.mark.parametrize("text", [
    "As well as, the minister resigned.",
    "Police declined to give his identify before Monday.",
    "One line.\nAs well as, the minister resigned.\nAnother line.",
])
def test_a_line_that_holds_a_fingerprint_goes_to_the_full_lookup(text: str):
    assert not Fixer()._without_fingerprints(text)
    assert Fixer().explain(text) == FullEngine().explain(text)


def test_a_line_is_judged_with_the_spans_its_window_protects():
    text = "```\ncode\n```As well as, the minister resigned.\n"
    assert Fixer().explain(text) == FullEngine().explain(text)


SCREEN = Prescreen(["chilly struggle", "college", "this 12 months", "evaluate"])


@pytest.mark.parametrize("text", [
    "the chilly struggle", "The CHILLY STRUGGLE.", "the chilly\tstruggle", "the chilly  struggle",
    "the chilly\u00a0struggle", "Kookmin College's", "“College”", "this 12 months", "(evaluate)",
])
def test_a_key_standing_as_whole_tokens_is_found(text: str):
    assert SCREEN.may_match(normalise(text))


@pytest.mark.parametrize("text", [
    "the chilly\nstruggle", "chilly struggles", "collegiate", "re-evaluate", "college-educated", "this 12 monthsx",
    "", "a quiet morning",
])
def test_a_key_inside_a_longer_token_or_across_a_line_is_ruled_out(text: str):
    assert not SCREEN.may_match(normalise(text))


def test_undecodable_input_is_left_to_the_full_lookup():
    text = b"the chilly \xff struggle".decode("utf-8", errors="surrogateescape")
    assert SCREEN.may_match(normalise(text))
    assert textfix.fix_text(text) == FullEngine().fix(text)


PIECES = ["As", "well", "as", "his", "identify", "```", "chilly", "struggle", "Chilly", "STRUGGLE", "this", "12", "months", "College", "college's", "re-", "-",
          "mentioned", "Lankov", "the", "cold", "war", "'", "’", "“", ".", ",", "\n", " ", "  ", "\t", "\u00a0", "İ"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_screened_and_full_repair_agree_on_made_up_text(text: str):
    for config in (textfix.Config(lexicons=(str(DATA / "mini.tsv"),), builtin=False), textfix.Config()):
        assert Fixer(config).explain(text) == FullEngine(config).explain(text)
