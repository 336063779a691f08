"""`textfix learn`: sentence and word alignment, the editor's-change filters, merging, output."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import textfix
from textfix.align import align, sentences
from textfix.learning import Learned, learn
from textfix.lint import lint

from conftest import ROOT
from test_cli import run

sys.path.insert(0, str(ROOT / "benchmarks"))
from learning import corpus_pairs, corpus_substitutions, lexicons_without, measure  # noqa: E402


@pytest.fixture(scope="module")
def trimmed_config(tmp_path_factory: pytest.TempPathFactory) -> textfix.Config:
    """The packaged lexicons without the corpus's gold substitutions."""
    paths = lexicons_without(corpus_substitutions(), tmp_path_factory.mktemp("lexicons"))
    return textfix.Config(builtin=False, lexicons=tuple(map(str, paths)))


@pytest.mark.parametrize("stem", ["001", "004"])
def test_recovers_the_gold_substitutions_without_the_corpus_entries(trimmed_config: textfix.Config, stem: str):
    (name, spun, gold), = [p for p in corpus_pairs() if p[0].startswith(stem)]
    result = measure(learn([(spun, gold)], trimmed_config), spun, gold)
    assert result["one_word_substitutions"] > 50
    assert result["recovery"] >= 0.90, result["missed"]
    assert result["precision"] >= 0.90, result["not_in_gold"]
    # the trimmed lexicons really lack them, so nothing above came from the lexicons
    assert result["gold_pairs_still_packaged"] == 0


def _found(result: Learned) -> dict[tuple[str, str], int]:
    return {(c.spun, c.original): c.count for c in result.candidates}


def test_an_editor_s_changes_are_set_aside_and_the_spinner_s_number_spins_kept():
    original = ("Lankov said the talks would start on 5 May. The two countries signed the deal last year. "
                "The university said it would close in the seventy-fifth year of its history.")
    spun = ("Petrov mentioned the talks would start on 6 May. The 2 international locations signed the deal final "
            "12 months. The college mentioned it will close in the 75th 12 months of its history.")
    result = learn([(spun, original)], builtin=False)
    found = _found(result)
    assert found[("mentioned", "said")] == 2
    assert ("2 international locations", "two countries") in found
    assert ("final 12 months", "last year") in found
    assert ("75th 12 months", "seventy-fifth year") in found
    assert not any("petrov" in s.lower() or s in {"6", "5"} for s, _ in found)
    assert result.skipped["changed name"] == 1 and result.skipped["changed number"] == 1


def test_a_misspelling_the_editor_fixed_is_not_a_substitution_but_a_near_synonym_is():
    original = "The goverment will act. Troops moved around the area."
    spun = "The government will act. Troops moved round the area."
    found = _found(learn([(spun, original)], builtin=False))
    assert ("round", "around") in found
    assert not any(o == "goverment" for _, o in found)


def test_dropped_inserted_and_merged_sentences_are_aligned_around():
    original = ("The minister said the plan would cost more. Critics were unhappy with it. "
                "A vote is due next week. It is expected to pass. Officials declined to comment.")
    spun = ("Critics have been sad with it. A vote is due subsequent week and it is anticipated to go. "
            "An unrelated sentence the scraper added about something else entirely. Officers declined to remark.")
    pairs = align(spun, original)
    spun_texts = [" ".join(s.text for s in p.spun) for p in pairs]
    assert spun_texts[0] == "Critics have been sad with it."
    assert any(len(p.original) == 2 for p in pairs)  # the merged sentence
    assert not any("unrelated" in t for t in spun_texts)
    found = _found(learn([(spun, original)], builtin=False))
    assert ("officers", "officials") in found and ("subsequent", "next") in found


def test_counts_merge_over_pairs_and_contexts_are_kept():
    pair = ("Kim ended the chilly struggle, mentioned Lankov.", "Kim ended the cold war, said Lankov.")
    other = ("The chilly struggle lasted decades, mentioned Smith.", "The cold war lasted decades, said Smith.")
    result = learn([pair, other, pair], builtin=False)
    by_key = {(c.spun, c.original): c for c in result.candidates}
    assert by_key[("chilly struggle", "cold war")].count == 3
    assert by_key[("chilly struggle", "cold war")].suggested_class == "unambiguous"
    said = by_key[("mentioned", "said")]
    assert said.count == 3 and said.suggested_context == "next:NAME"
    assert "[mentioned]" in said.contexts[0]
    (once,) = [c for c in learn([pair], builtin=False).candidates if c.spun == "mentioned"]
    assert 0 < once.confidence < said.confidence < 1  # more sightings, more confidence


def test_the_packaged_column_says_what_the_lexicons_hold():
    result = learn([("Kim ended the chilly struggle.", "Kim ended the cold war.")])
    (phrase,) = [c for c in result.candidates if c.spun == "chilly struggle"]
    assert phrase.packaged == "same" and phrase.packaged_source.endswith(".tsv")
    (word,) = [c for c in result.candidates if c.spun == "struggle"]
    assert word.packaged in ("same",) or word.packaged.startswith("other:")


def test_the_written_lexicon_is_valid_and_repairs_what_it_learned(tmp_path: Path):
    (_, spun, gold), (_, spun2, gold2) = corpus_pairs()
    learned = tmp_path / "learned.tsv"
    learned.write_text(learn([(spun, gold), (spun2, gold2)]).lexicon(), encoding="utf-8")
    assert [str(p) for p in lint([learned]) if p.severity == "error"] == []
    fixed = textfix.fix_text("The chilly struggle ended, she mentioned.", builtin=False, lexicons=(str(learned),),
                             assume_spun=True)
    assert fixed == "The cold war ended, she said."


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_a_text_against_itself_teaches_nothing(text: str):
    assert learn([(text, text)], builtin=False).candidates == []


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200))
def test_any_two_texts_align_without_error(a: str, b: str):
    result = learn([(a, b)], builtin=False)
    for c in result.candidates:
        assert c.count >= 1 and 0 <= c.confidence <= 1
    assert all(s.text == s.text.strip() and s.text for s in sentences(a))


def test_command_on_files_directories_and_json_lines(tmp_path: Path):
    seeds, gold = ROOT / "benchmarks" / "corpus" / "seeds", ROOT / "benchmarks" / "corpus" / "gold"
    by_dirs = run("learn", str(seeds), str(gold))
    assert by_dirs.returncode == 0, by_dirs.stderr
    assert by_dirs.stdout.startswith(b"# textfix-lexicon 1\n") and b"\nmentioned\tsaid\t" in by_dirs.stdout
    assert b"from 2 pair(s)" in by_dirs.stderr
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("".join(json.dumps({"spun": s, "original": g}) + "\n" for _, s, g in corpus_pairs()))
    out = tmp_path / "learned.jsonl"
    by_jsonl = run("learn", "--pairs", str(pairs), "--format", "jsonl", "-o", str(out), "--min-count", "3")
    assert by_jsonl.returncode == 0, by_jsonl.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records and all(r["count"] >= 3 for r in records)
    assert {"spun", "original", "count", "confidence", "contexts", "packaged", "class", "context"} <= set(records[0])
    (one,) = sorted(seeds.glob("001_*"))
    single = run("learn", str(one), str(gold / one.name), "--new-only")
    assert single.returncode == 0 and b"packaged: yes" not in single.stdout


def test_command_errors_are_one_line_and_exit_2(tmp_path: Path):
    assert run("learn").returncode == 2
    missing = run("learn", str(tmp_path / "nope"), str(tmp_path / "nope2"))
    assert missing.returncode == 2 and missing.stderr.count(b"\n") == 1 and b"no such file" in missing.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"spun": "a", "original": "b"}\nnot json\n')
    malformed = run("learn", "--pairs", str(bad))
    assert malformed.returncode == 2 and b"line 2" in malformed.stderr and b"Traceback" not in malformed.stderr
    (tmp_path / "f").write_text("x")
    mixed = run("learn", str(tmp_path / "f"), str(tmp_path))
    assert mixed.returncode == 2 and b"both be files or both directories" in mixed.stderr


def test_invalid_utf8_input_is_learned_from_without_error(tmp_path: Path):
    (tmp_path / "s").write_bytes(b"He mentioned the \xff plan.\n")
    (tmp_path / "o").write_bytes(b"He said the \xff plan.\n")
    result = run("learn", str(tmp_path / "s"), str(tmp_path / "o"))
    assert result.returncode == 0 and b"mentioned\tsaid" in result.stdout


def test_a_subcommand_wins_over_a_file_of_its_name(tmp_path: Path):
    (tmp_path / "learn").write_text("the chilly struggle\n")
    as_subcommand = run("learn", cwd=tmp_path)
    assert as_subcommand.returncode == 2 and b"give SPUN and ORIGINAL" in as_subcommand.stderr
    as_file = run("./learn", "--assume-spun", cwd=tmp_path)
    assert as_file.returncode == 0 and as_file.stdout == b"the cold war\n"


def test_an_original_no_context_separates_is_written_commented_out(tmp_path: Path):
    support = ("They sent help to Kyiv.", "They sent support to Kyiv.")
    aid = ("They sent help to Kyiv.", "They sent aid to Kyiv.")
    result = learn([support, support, aid], builtin=False)
    by_original = {c.original: c for c in result.candidates if c.spun == "help"}
    assert by_original["support"].suggested_class == "evidence"
    assert by_original["aid"].suggested_class == "unresolved"
    text = result.lexicon()
    assert "\nhelp\tsupport\tevidence\tnext:to\n" in text and "# unresolved" in text and "\nhelp\taid" not in text
    path = tmp_path / "learned.tsv"
    path.write_text(text, encoding="utf-8")
    assert lint([path]) == []
