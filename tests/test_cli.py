"""The installed `textfix` command, run as a subprocess with exact expected bytes."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA

SCRIPT = Path(sys.executable).parent / "textfix"
COMMAND = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "textfix"]
MINI = ["--lexicon", str(DATA / "mini.tsv")]
SPUN = "Kim ended the chilly struggle this 12 months, mentioned Andrei Lankov at Kookmin College.\n".encode()
FIXED = "Kim ended the cold war this year, said Andrei Lankov at Kookmin University.\n".encode()


def run(*args: str, stdin: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *args], input=stdin, capture_output=True, cwd=cwd, env=os.environ, timeout=120)


def test_stdin_to_stdout():
    result = run(*MINI, stdin=SPUN)
    assert (result.returncode, result.stdout, result.stderr) == (0, FIXED, b"")


def test_files_are_concatenated_in_order(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes(SPUN)
    (tmp_path / "b.txt").write_bytes(b"plain text\n")
    result = run(*MINI, "a.txt", "b.txt", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, FIXED + b"plain text\n")


def test_python_dash_m_works_too():
    result = subprocess.run([sys.executable, "-m", "textfix", *MINI], input=SPUN, capture_output=True, timeout=120)
    assert result.stdout == FIXED


def test_invalid_utf8_passes_through_with_one_warning():
    data = b"caf\xe9 \xff\xfe chilly struggle \x00 end\r\n" * 3
    result = run(*MINI, stdin=data)
    assert result.returncode == 0
    assert result.stdout == data.replace(b"chilly struggle", b"cold war")
    assert result.stderr.decode().count("not valid UTF-8") == 1


def test_empty_input_gives_empty_output():
    result = run(*MINI, stdin=b"")
    assert (result.returncode, result.stdout, result.stderr) == (0, b"", b"")


def test_missing_file_is_one_line_and_exit_2(tmp_path: Path):
    result = run(*MINI, "nope.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == b"textfix: cannot read 'nope.txt': No such file or directory\n"


def test_a_directory_is_refused(tmp_path: Path):
    result = run(*MINI, str(tmp_path))
    assert result.returncode == 2 and b"is a directory" in result.stderr and b"Traceback" not in result.stderr


def test_malformed_lexicon_is_one_line_and_exit_2(tmp_path: Path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("# textfix-lexicon 1\n# family: x\nchilly\tcold\tmaybe\n", encoding="utf-8")
    result = run("--lexicon", str(bad), stdin=SPUN)
    assert result.returncode == 2
    assert result.stderr.decode() == f"textfix: {bad}:3: unknown class 'maybe' (use unambiguous, evidence, keep)\n"


def test_explain_writes_json_lines(tmp_path: Path):
    out = tmp_path / "edits.jsonl"
    result = run(*MINI, "--explain", str(out), stdin=SPUN)
    assert result.stdout == FIXED
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    text = SPUN.decode()
    assert [r["before"] for r in records] == ["chilly struggle", "this 12 months", "mentioned", "College"]
    for r in records:
        assert text[r["start"]:r["end"]] == r["before"]
        assert r["document"] == "-" and len(r["lexicon"]) == 16 and r["rule"] and r["evidence"]


def test_explain_to_stderr():
    result = run(*MINI, "--explain", "-", stdin=SPUN)
    assert result.stdout == FIXED and len(result.stderr.splitlines()) == 4


def test_detect_prints_one_line_per_document(tmp_path: Path):
    (tmp_path / "spun.txt").write_bytes(SPUN)
    (tmp_path / "clean.txt").write_bytes(b"A chilly morning.\n")
    result = run(*MINI, "--detect", "spun.txt", "clean.txt", cwd=tmp_path)
    lines = [line.split("\t") for line in result.stdout.decode().splitlines()]
    assert [(l[1], l[4]) for l in lines] == [("spun", "spun.txt"), ("clean", "clean.txt")]
    assert float(lines[0][0]) >= 0.5 > float(lines[1][0])


def test_version():
    import textfix

    result = run("--version")
    assert result.stdout.decode().strip() == f"textfix {textfix.__version__}"


def test_usage_error_exits_2():
    result = run("--no-such-option")
    assert result.returncode == 2 and b"usage:" in result.stderr


@pytest.mark.parametrize("option", ["--explain", "-o"])
def test_an_output_never_overwrites_an_input(tmp_path: Path, option: str):
    article = tmp_path / "article.txt"
    article.write_bytes(SPUN)
    named = run(*MINI, option, str(article), str(article))
    with open(article, "rb") as handle:  # standard input read from the same file
        redirected = subprocess.run([*COMMAND, *MINI, option, str(article)], stdin=handle,
                                    capture_output=True, env=os.environ, timeout=120)
    for result in (named, redirected):
        assert result.returncode == 2 and b"refusing to write over" in result.stderr
    assert article.read_bytes() == SPUN
