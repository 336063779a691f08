"""The lexicon linter: the packaged lexicons pass, and each problem class is reported exactly."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from textfix.compiled import builtin_lexicon_dir
from textfix.lint import lint

HEAD = "# textfix-lexicon 1\n# family: t\n"


def problems(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "x.tsv"
    path.write_text(HEAD + body, encoding="utf-8")
    return [str(p).replace(str(path), "x.tsv") for p in lint([path])]


def test_the_packaged_lexicons_are_clean():
    assert [str(p) for p in lint([builtin_lexicon_dir()]) if p.severity == "error"] == []


def test_every_malformed_line_is_reported_not_just_the_first(tmp_path):
    assert problems(tmp_path, "a\tb\n\nc\td\tsometimes\ne\tf\tunambiguous\n") == [
        "x.tsv:3: expected 3 or 4 tab-separated columns (spun, original, class, context), found 2",
        "x.tsv:5: unknown class 'sometimes' (use unambiguous, evidence, keep)",
    ]


def test_a_bad_header_is_reported(tmp_path):
    path = tmp_path / "x.tsv"
    path.write_text("a\tb\tunambiguous\n", encoding="utf-8")
    assert [str(p) for p in lint([path])] == [f"{path}:1: missing header line '# textfix-lexicon 1'"]


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "offer\tprovide\tunambiguous\nprovide\toffer\tunambiguous\n",
            ["x.tsv:4: unconditional cycle: 'offer' -> 'provide' (x.tsv:3) and 'provide' -> 'offer'; give one side a context"],
        ),
        ("offer\tprovide\tunambiguous\nprovide\toffer\tevidence\tnext:a\n", []),
        (
            "navy\tmilitary\tunambiguous\nnavy\tnaval\tevidence\tnext:base\n",
            ["x.tsv:4: 'navy' -> 'naval' is never reached: x.tsv:3 turns it into 'military' first, and no context separates them"],
        ),
        ("navy\tmilitary\tevidence\tnext:ties\nnavy\tnaval\tevidence\t*\n", []),
        ("Navy\tMilitary\tunambiguous\nnavy\tnaval\tevidence\t*\n", []),
        ("Chilly\tchilly\tunambiguous\n", ["x.tsv:3: 'Chilly' -> 'chilly' only changes case (a no-op)"]),
        (
            "navy blue\t=\tkeep\nnavy blue\tmilitary blue\tunambiguous\n",
            ["x.tsv:4: 'navy blue' is also a keep phrase at x.tsv:3"],
        ),
        (
            "chilly\tcold\tunambiguous\ncold\tfrigid\tunambiguous\n",
            ["x.tsv:3: warning: 'chilly' -> 'cold' is itself spun (x.tsv:4 makes it 'frigid'): a second pass would change it again"],
        ),
    ],
)
def test_set_level_problems(tmp_path, body, expected):
    assert problems(tmp_path, body) == expected


def test_the_command_exits_1_on_errors_and_0_when_clean(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text(HEAD + "offer\tprovide\tunambiguous\nprovide\toffer\tunambiguous\n", encoding="utf-8")
    run = [sys.executable, "-m", "textfix", "lint"]
    result = subprocess.run([*run, str(bad)], capture_output=True, text=True)
    assert result.returncode == 1 and "unconditional cycle" in result.stdout
    assert result.stderr.strip() == "1 file(s), 1 error(s), 0 warning(s)"
    clean = subprocess.run([*run, str(builtin_lexicon_dir())], capture_output=True, text=True)
    assert clean.returncode == 0 and clean.stdout == ""
    missing = subprocess.run([*run, str(tmp_path / "nope")], capture_output=True, text=True)
    assert missing.returncode == 2 and "no such file" in missing.stderr
