"""The compiled-lexicon cache: what it stores loads back equal to what was built, with equal
immutable parts stored once."""
from __future__ import annotations

import pickle

import textfix
from textfix.cache import shared
from textfix.compiled import _build, _entries, _sources, _version
from textfix.lexicon import Entry
from textfix.rules import Rule


def test_equal_immutable_parts_become_one_object():
    first, second = "news" + str(len("ab")), "news" + str(len("cd"))
    assert first is not second
    value = shared({"a": (first, 0.5, frozenset({first})), "b": (second, 0.5, frozenset({second}))})
    assert value["a"][0] is value["b"][0]
    assert value["a"] is value["b"]  # equal tuples of shared parts are shared too


def test_values_that_compare_equal_but_differ_stay_apart():
    value = shared([(1,), (1.0,), (True,), (0.0,), (-0.0,), 1, 1.0, True])
    assert [type(t[0]) for t in value[:3]] == [int, float, bool]
    assert str(value[4][0]) == "-0.0"
    assert [type(v) for v in value[5:]] == [int, float, bool]


def test_an_object_reached_twice_stays_one_object():
    entry = Entry("chilly struggle", "cold war", "unambiguous", None, "news", "x.tsv:1", ("chilly", "struggle"), ())
    value = shared({"all": (entry,), "trie": {"chilly": {"struggle": {"": (entry,)}}}})
    assert value["all"][0] is value["trie"]["chilly"]["struggle"][""][0]


def test_the_stored_lexicon_loads_back_equal_to_the_one_built():
    config = textfix.Config()
    sources = _sources(config)
    built = _build(_entries(config, sources), _version(config, sources))
    stored = shared(built)
    loaded = pickle.loads(pickle.dumps(stored, protocol=pickle.HIGHEST_PROTOCOL))
    assert loaded == built
    ruled = next(entry for entry in loaded.entries if entry.rule is not None)
    assert type(ruled) is Entry and type(ruled.rule) is Rule  # NamedTuples come back as themselves
    assert len(pickle.dumps(stored)) < len(pickle.dumps(built))
