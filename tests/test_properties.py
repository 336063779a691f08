"""Invariants over arbitrary Unicode and over generated prose full of lexicon hits."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

import textfix
from textfix import Config, Edit, apply_edits, fix_and_explain
from textfix.repair import compose

from conftest import DATA

MINI = Config(builtin=False, lexicons=(str(DATA / "mini.tsv"),))
WORDS = [
    "chilly", "struggle", "Chilly", "STRUGGLE", "this", "12", "months", "mentioned", "Andrei", "Lankov",
    "Shen's", "College", "Boston", "Kookmin", "a", "an", "professional", "at", "despatched", "navy", "ties",
    "the", "war", "as", "above", "windows", "Home", "HOME", "WINDOWS", "”", "“", ",", ".", "’s", "\n",
    "http://x.y/navy", "`code`",
]
prose = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)
anything = st.text(max_size=300) | prose
configs = st.sampled_from([MINI, Config(builtin=False, lexicons=MINI.lexicons, assume_spun=True)])


@settings(max_examples=300, deadline=None)
@given(anything, configs)
def test_edits_replay_and_everything_outside_them_is_untouched(text, config):
    out = fix_and_explain(text, config)
    # apply_edits copies every character outside the edits and checks each edit's `before`
    assert apply_edits(text, out.edits) == out.text == textfix.fix_text(text, config)
    ends = [0] + [e.end for e in out.edits]
    for previous_end, edit in zip(ends, out.edits):
        assert previous_end <= edit.start and edit.before != edit.after


@settings(max_examples=300, deadline=None)
@given(prose, configs)
def test_fixing_is_idempotent(text, config):
    once = textfix.fix_text(text, config)
    assert textfix.fix_text(once, config) == once


def test_a_repair_that_completes_a_new_match_is_repaired_again():
    out = fix_and_explain("Run HOME HOME WINDOWS now", MINI)  # one pass gives "HOME WINDOWS", itself spun
    assert out.text == "Run WINDOWS now" == textfix.fix_text(out.text, MINI)
    [edit] = out.edits
    assert (edit.start, edit.end, edit.before) == (4, 21, "HOME HOME WINDOWS")
    assert edit.rule.count("mini.tsv:14") == 2 and " then " in edit.rule


@settings(max_examples=200, deadline=None)
@given(anything)
def test_detect_never_raises_and_scores_in_range(text):
    report = textfix.detect(text, MINI)
    if report.score is None:  # not English: detection abstains and flags nothing
        assert not report.english and not report.is_spun and report.spans == ()
    else:
        assert report.english and 0.0 <= report.score < 1.0
    for span in report.spans:
        assert text[span.start:span.end] == span.phrase


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["the", "war", "a", "cold", "said", "military", "ties", "morning", "\n", "."]), max_size=80).map(" ".join))
def test_clean_prose_is_unchanged(text):
    assert textfix.fix_text(text, MINI) == text


@st.composite
def edit_lists(draw, text: str) -> list[Edit]:
    """Disjoint edits of a text, in order, each replacing a range by something else."""
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=8))))
    edits = []
    for start, end in zip(cuts[::2], cuts[1::2]):
        after = draw(st.text("xyz ", max_size=4))
        if after != text[start:end]:
            edits.append(Edit(start, end, text[start:end], after, "r", 1.0))
    return edits


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_composed_edits_replay_both_passes(data):
    text = data.draw(st.text("ab c", max_size=30))
    first = data.draw(edit_lists(text))
    middle = apply_edits(text, first)
    second = data.draw(edit_lists(middle))
    composed = compose(text, first, second)
    assert apply_edits(text, composed) == apply_edits(middle, second)
    assert all(e.before != e.after for e in composed)
    # the same inside a longer text: first edits count from its start, second ones from `lo`
    before, after = data.draw(st.text("ab c", max_size=5)), data.draw(st.text("ab c", max_size=5))
    lo = len(before)
    shifted = [e._replace(start=e.start + lo, end=e.end + lo) for e in first]
    inside = compose(before + text + after, shifted, second, lo, lo + len(text))
    assert inside == [e._replace(start=e.start + lo, end=e.end + lo) for e in composed]
