"""Coverage-guided fuzzing of textfix with atheris (libFuzzer for Python).

    python fuzz/fuzz_textfix.py TARGET [libFuzzer options] [CORPUS_DIR ...]

TARGET is one of:
  fix      fix_and_explain on arbitrary text, gate normal or forced open: it must not raise,
           its edits must replay to its text, and a second repair must change nothing;
  detect   detect() on arbitrary text: it must not raise, the score lies in [0, 1] (or is None,
           for text that is not English, with nothing flagged) and every span quotes the text;
  lexicon  the lexicon parser on arbitrary bytes: a file is either read or rejected with a
           LexiconError naming file and line, never another exception.

A failing input is written where -artifact_prefix says (default: the working directory) and
the run exits non-zero; replay it with `python fuzz/fuzz_textfix.py TARGET CRASH_FILE`. Every
crash found is kept in fuzz/regressions/TARGET/ and replayed by tests/test_fuzz.py.
"""
from __future__ import annotations

import os
import sys
import tempfile

import atheris

with atheris.instrument_imports():
    import textfix
    from textfix.lexicon import LexiconError, read_lexicon

_FORCED = textfix.Config(assume_spun=True)
_NORMAL = textfix.Config()


def _text(data: bytes) -> tuple[str, textfix.Config]:
    provider = atheris.FuzzedDataProvider(data)
    config = _FORCED if provider.ConsumeBool() else _NORMAL
    return provider.ConsumeUnicode(provider.remaining_bytes()), config


def fix(data: bytes) -> None:
    text, config = _text(data)
    out = textfix.fix_and_explain(text, config)
    if textfix.apply_edits(text, out.edits) != out.text:
        raise AssertionError("the edits do not replay to the repaired text")
    if textfix.fix_text(out.text, config) != out.text:
        raise AssertionError("a second repair changed the text")


def detect(data: bytes) -> None:
    text, config = _text(data)
    report = textfix.detect(text, config)
    if report.score is None:
        if report.english or report.is_spun or report.spans:
            raise AssertionError(f"an abstaining report must say it is not English and flag nothing: {report}")
    elif not 0.0 <= report.score <= 1.0:
        raise AssertionError(f"score {report.score} out of range")
    for span in report.spans:
        if text[span.start:span.end] != span.phrase:
            raise AssertionError(f"span {span} does not quote the text")


_LEXICON_FILE = os.path.join(tempfile.mkdtemp(prefix="textfix-fuzz-"), "fuzzed.tsv")


def lexicon(data: bytes) -> None:
    with open(_LEXICON_FILE, "wb") as handle:
        handle.write(data)
    try:
        read_lexicon(_LEXICON_FILE, "fuzzed.tsv")
    except LexiconError as error:
        if not str(error).startswith("fuzzed.tsv:"):
            raise AssertionError(f"a lexicon error that names no line: {error}") from None


TARGETS = {"fix": fix, "detect": detect, "lexicon": lexicon}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(TARGETS)}}} [libFuzzer options] [CORPUS_DIR ...]")
    target = TARGETS[sys.argv.pop(1)]
    textfix.Fixer().lexicon  # compile before fuzzing, so the first inputs are not slow
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
