"""Invariants with the packaged lexicons: arbitrary Unicode, prose built from the lexicons'
own words, clean prose built from words outside them, and spin-then-restore."""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from hypothesis import given, settings, strategies as st

import textfix
from textfix import Config, apply_edits, fix_and_explain
from textfix.lexicon import Entry
from textfix.tokens import normalise

FORCED = Config(assume_spun=True)  # the document gate forced open: every entry may fire
CONFIGS = st.sampled_from([Config(), FORCED])


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    return tuple(textfix.Fixer().lexicon.entries)


@lru_cache(maxsize=1)
def key_words() -> frozenset[str]:
    """Every word of every spun side."""
    return frozenset(word for e in entries() for word in e.tokens)


@lru_cache(maxsize=1)
def lexicon_words() -> list[str]:
    """Words of spun and original sides: prose full of hits and near-hits."""
    words = {word for e in entries() for side in (e.spun, e.original) for word in side.split()}
    return sorted(words)


@lru_cache(maxsize=1)
def outside_words() -> list[str]:
    """Common English words that are in no spun side at all."""
    from wordfreq import top_n_list

    keys = key_words()
    return [w for w in top_n_list("en", 6000) if w.isalpha() and normalise(w) not in keys and w not in ("a", "an")]


@lru_cache(maxsize=1)
def round_trips() -> list[Entry]:
    """Unambiguous entries without context whose spun side has one original."""
    originals: dict[str, set[str]] = defaultdict(set)
    for e in entries():
        originals[" ".join(e.tokens)].add(e.original if e.cls != "keep" else "=")
    return [e for e in entries()
            if e.cls == "unambiguous" and e.rule is None and e.family == "news" and e.spun.islower()
            and len(originals[" ".join(e.tokens)]) == 1 and e.spun[0].isalpha() and e.spun[-1].isalpha()]


def prose(words: st.SearchStrategy[str], size: int = 40) -> st.SearchStrategy[str]:
    separators = st.sampled_from([" ", " ", " ", ", ", ". ", "\n", " “", "” "])
    return st.lists(st.tuples(words, separators), max_size=size).map(lambda parts: "".join(w + s for w, s in parts))


any_unicode = st.text(st.characters(blacklist_categories=()), max_size=400)  # surrogates and NUL included
lexicon_prose = st.deferred(lambda: prose(st.sampled_from(lexicon_words())))
clean_prose = st.deferred(lambda: prose(st.sampled_from(outside_words()), 60))


@settings(max_examples=300, deadline=None)
@given(any_unicode | lexicon_prose, CONFIGS)
def test_never_raises_and_edits_replay(text, config):
    out = fix_and_explain(text, config)
    assert apply_edits(text, out.edits) == out.text == textfix.fix_text(text, config)
    report = textfix.detect(text, config)
    assert (report.score is None and not report.english) or 0.0 <= report.score <= 1.0  # rounded to 4 places: 1.0 is reachable
    assert all(text[s.start:s.end] == s.phrase for s in report.spans)


@settings(max_examples=300, deadline=None)
@given(lexicon_prose, CONFIGS)
def test_fixing_is_idempotent(text, config):
    once = textfix.fix_text(text, config)
    assert textfix.fix_text(once, config) == once


@settings(max_examples=200, deadline=None)
@given(clean_prose)
def test_clean_prose_is_unchanged_even_with_the_gate_forced_open(text):
    assert textfix.fix_text(text, FORCED) == text


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_spin_then_restore_returns_the_original(data):
    chosen = data.draw(st.lists(st.sampled_from(round_trips()), min_size=1, max_size=6))
    gaps = data.draw(st.lists(st.sampled_from(outside_words()), min_size=len(chosen) + 1, max_size=len(chosen) + 1))
    spun, original = [gaps[0]], [gaps[0]]
    for entry, gap in zip(chosen, gaps[1:]):
        spun += [entry.spun, gap]
        original += [entry.original, gap]
    assert textfix.fix_text(" ".join(spun)) == " ".join(original)


def test_the_round_trip_property_covers_many_entries():
    assert len(round_trips()) > 1000
