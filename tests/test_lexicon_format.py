"""Each malformed-line class gets its exact message, naming file and line."""
from pathlib import Path

import pytest

import textfix
from textfix.compiled import builtin_lexicon_paths
from textfix.lexicon import HEADER, LexiconError, parse_lexicon, read_lexicon

GOOD = f"{HEADER}\n# family: news\nchilly struggle\tcold war\tunambiguous\n"


def test_a_good_lexicon_parses_with_metadata():
    meta, entries = parse_lexicon(GOOD, "x.tsv")
    assert meta == {"family": "news"}
    (entry,) = entries
    assert (entry.spun, entry.original, entry.cls, entry.source) == ("chilly struggle", "cold war", "unambiguous", "x.tsv:3")


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "x.tsv:1: missing header line '# textfix-lexicon 1'"),
        ("# textfix-lexicon 9\n# family: news\n", "x.tsv:1: unsupported format '# textfix-lexicon 9' (this textfix reads '# textfix-lexicon 1')"),
        (f"{HEADER}\nchilly\tcold\tunambiguous\n", "x.tsv:2: header has no '# family: NAME' line"),
        (GOOD + "chilly struggle\tcold war\n", "x.tsv:4: expected 3 or 4 tab-separated columns (spun, original, class, context), found 2"),
        (GOOD + "a\tb\tunambiguous\tx\ty\n", "x.tsv:4: expected 3 or 4 tab-separated columns (spun, original, class, context), found 5"),
        (GOOD + " \tcold war\tunambiguous\n", "x.tsv:4: empty spun phrase"),
        (GOOD + "chilly\t\tunambiguous\n", "x.tsv:4: empty original for 'chilly'"),
        (GOOD + "chilly\tcold\tsometimes\n", "x.tsv:4: unknown class 'sometimes' (use unambiguous, evidence, keep)"),
        (GOOD + "chilly\tchilly\tunambiguous\n", "x.tsv:4: 'chilly' restores to itself (a no-op entry)"),
        (GOOD + "navy\tmilitary\tevidence\n", "x.tsv:4: evidence entry 'navy' needs a context rule (* for document evidence alone)"),
        (GOOD + "navy\tmilitary\tevidence\tnext:NOUN\n", "x.tsv:4: unknown class 'NOUN' in 'next:NOUN' (use CAP, NAME, LOWER, NUM, PUNCT, COMMA, STOP, QUOTE, DASH, START, END, DET, PRON, POSS, PREP)"),
        (GOOD + "navy\tmilitary\tevidence\tsideways:the\n", "x.tsv:4: unknown position 'sideways' in 'sideways:the' (use prev, prev2, next, next2, self, doc)"),
        (GOOD + "navy\tmilitary\tevidence\tnext:\n", "x.tsv:4: condition 'next:' is not POSITION:VALUE"),
        (GOOD + "navy\tmilitary\tevidence\tprev:the &\n", "x.tsv:4: empty condition in 'prev:the &'"),
        (GOOD + "navy\tmilitary\tevidence\tprev:the/\n", "x.tsv:4: empty word in 'prev:the/'"),
        (GOOD + "Boston College\t=\tkeep\tprev:the\n", "x.tsv:4: a keep entry takes no context (it always holds)"),
        (GOOD + "Boston College\tBoston University\tkeep\n", "x.tsv:4: a keep entry has '=' as its original, not 'Boston University'"),
        (GOOD + "U.S. navy\tUS military\tunambiguous\n", "x.tsv:4: spun phrase 'U.S. navy' must be words and numbers separated by spaces"),
    ],
)
def test_malformed_lines_are_reported_with_file_and_line(text, message):
    with pytest.raises(LexiconError) as caught:
        parse_lexicon(text, "x.tsv")
    assert str(caught.value) == message


def test_bad_encoding_names_the_line(tmp_path: Path):
    path = tmp_path / "bad.tsv"
    path.write_bytes(GOOD.encode() + b"caf\xe9\tcafe\tunambiguous\n")
    with pytest.raises(LexiconError) as caught:
        read_lexicon(path)
    assert str(caught.value) == f"{path}:4: not valid UTF-8 (byte {len(GOOD.encode()) + 3})"


def test_a_missing_lexicon_is_a_lexicon_error(tmp_path: Path):
    with pytest.raises(LexiconError, match="cannot read lexicon"):
        textfix.fix_text("x", lexicons=(str(tmp_path / "nope.tsv"),))


def test_user_lexicons_add_to_the_packaged_ones(tmp_path: Path):
    path = tmp_path / "mine.tsv"
    path.write_text(f"{HEADER}\n# family: mine\nfrosty battle\tcold war\tunambiguous\n", encoding="utf-8")
    assert textfix.fix_text("the frosty battle", lexicons=(str(path),)) == "the cold war"
    assert textfix.fix_text("the frosty battle") == "the frosty battle"


@pytest.mark.parametrize("path", builtin_lexicon_paths(), ids=lambda p: p.name)
def test_packaged_lexicons_parse(path: Path):
    meta, entries = read_lexicon(path)
    assert meta["family"] and entries
