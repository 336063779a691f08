"""textfix in pipelines: JSON lines, worker processes, the batch API and Unicode repair."""
from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import textfix
from textfix.batch import RepairBatch, explain_batch, fix_batch
from textfix.diff import word_diff

from conftest import CORPUS

COMMAND = [sys.executable, "-m", "textfix"]
SEEDS = sorted((CORPUS / "seeds").glob("*.txt"))


def run(*args: str, stdin: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*COMMAND, *args], input=stdin, capture_output=True, cwd=cwd, timeout=300)


def _corpus_jsonl() -> bytes:
    """The corpus articles, a paragraph per record, with fields of every JSON type around them."""
    lines = []
    for path in SEEDS:
        for i, paragraph in enumerate(path.read_text(encoding="utf-8").split("\n")):
            record = {"id": f"{path.stem}/{i}", "doc": path.stem, "text": paragraph, "n": i * 1.5, "ok": i % 2 == 0,
                      "none": None, "tags": ["a", {"b": [1, 2]}], "unicode": "caf\u00e9 \u201cq\u201d"}
            lines.append(json.dumps(record, ensure_ascii=i % 2 == 0).encode() + b"\n")
    return b"".join(lines)


@pytest.fixture(scope="module")
def corpus_jsonl() -> bytes:
    return _corpus_jsonl()


def test_jsonl_repairs_the_field_and_keeps_everything_else(corpus_jsonl):
    result = run("--jsonl", stdin=corpus_jsonl)
    assert result.returncode == 0, result.stderr
    given, got = corpus_jsonl.splitlines(keepends=True), result.stdout.splitlines(keepends=True)
    assert len(given) == len(got)
    repaired = 0
    for before, after in zip(given, got):
        old, new = json.loads(before), json.loads(after)
        assert list(old) == list(new)  # the same keys, in the same order
        assert {k: v for k, v in old.items() if k != "text"} == {k: v for k, v in new.items() if k != "text"}
        assert new["text"] == textfix.fix_text(old["text"])
        if new["text"] == old["text"]:
            assert after == before  # untouched records byte-identical
        else:
            repaired += 1
    assert repaired >= 20  # paragraphs of the two spun articles, each judged on its own evidence


def test_jsonl_group_by_makes_a_document_of_consecutive_records(corpus_jsonl):
    grouped = run("--jsonl", "--group-by", "doc", stdin=corpus_jsonl)
    assert grouped.returncode == 0
    texts = [json.loads(line)["text"] for line in grouped.stdout.splitlines()]
    for path in SEEDS:
        paragraphs = [json.loads(l)["text"] for l, r in zip(corpus_jsonl.splitlines(), texts)
                      if json.loads(l)["doc"] == path.stem]
        restored = [r for l, r in zip(corpus_jsonl.splitlines(), texts) if json.loads(l)["doc"] == path.stem]
        assert "\n".join(restored) == textfix.fix_text("\n\n".join(paragraphs)).replace("\n\n", "\n")
    single = [json.loads(line)["text"] for line in run("--jsonl", stdin=corpus_jsonl).stdout.splitlines()]
    assert texts != single  # a lone paragraph lacks the document's evidence: grouping repairs more


def test_jsonl_explain_field_and_file(tmp_path: Path):
    record = b'{"text": "The chilly struggle ended."}\n'
    out = run("--jsonl", "--explain-field", "edits", "--explain", str(tmp_path / "e.jsonl"), stdin=record)
    (line,) = out.stdout.splitlines()
    edits = json.loads(line)["edits"]
    assert [(e["before"], e["after"]) for e in edits] == [("chilly struggle", "cold war")]
    (explained,) = (tmp_path / "e.jsonl").read_text().splitlines()
    assert json.loads(explained)["line"] == 1 and json.loads(explained)["before"] == "chilly struggle"


def test_jsonl_field_option_and_records_without_the_field():
    data = b'{"body": "The chilly struggle."}\n{"text": "The chilly struggle."}\n[1, 2]\n"str"\n{"body": 5}\n\n'
    result = run("--jsonl", "--field", "body", stdin=data)
    lines = result.stdout.splitlines(keepends=True)
    assert lines[0] == b'{"body": "The cold war."}\n'
    assert b"".join(lines[1:]) == data.split(b"\n", 1)[1]


def test_malformed_line_stops_after_the_lines_before_it():
    data = b'{"text": "The chilly struggle."}\n{"text": broken\n{"text": "after"}\n'
    result = run("--jsonl", stdin=data)
    assert result.returncode == 2
    assert result.stdout == b'{"text": "The cold war."}\n'
    assert b"line 2: malformed JSON" in result.stderr and b"Traceback" not in result.stderr
    skipped = run("--jsonl", "--skip-bad", stdin=data)
    assert skipped.returncode == 0
    assert skipped.stdout == b'{"text": "The cold war."}\n{"text": broken\n{"text": "after"}\n'
    assert skipped.stderr.count(b"malformed") == 1


def test_jsonl_keeps_crlf_invalid_utf8_and_a_last_line_without_newline():
    data = b'{"text": "The chilly struggle."}\r\n{"text": "caf\xe9 \xff ok"}\r\n{"text": "x"}'
    result = run("--jsonl", stdin=data)
    assert result.returncode == 0
    assert result.stdout == b'{"text": "The cold war."}\r\n{"text": "caf\xe9 \xff ok"}\r\n{"text": "x"}'
    assert result.stderr.count(b"not valid UTF-8") == 1


def test_jobs_keep_order_and_output(corpus_jsonl, tmp_path: Path):
    many = corpus_jsonl * 4
    one = run("--jsonl", "--jobs", "1", stdin=many)
    two = run("--jsonl", "--jobs", "2", stdin=many)
    assert two.returncode == 0 and two.stdout == one.stdout
    for i, path in enumerate(SEEDS):
        (tmp_path / f"{i}.txt").write_bytes(path.read_bytes())
    files = [str(tmp_path / f"{i}.txt") for i in range(len(SEEDS))]
    assert run("--jobs", "2", *files).stdout == run(*files).stdout


def test_output_file_and_refusal_to_overwrite_an_input(tmp_path: Path):
    source = tmp_path / "in.txt"
    source.write_bytes(b"The chilly struggle.\n")
    refused = run(str(source), "-o", str(source))
    assert refused.returncode == 2 and b"refusing" in refused.stderr
    assert source.read_bytes() == b"The chilly struggle.\n"
    done = run(str(source), "-o", str(tmp_path / "out.txt"))
    assert done.returncode == 0 and done.stdout == b""
    assert (tmp_path / "out.txt").read_bytes() == b"The cold war.\n"


def test_diff_marks_each_repair():
    result = run("--diff", stdin=b"The chilly struggle ended.\n")
    assert result.stdout == b"The [-chilly struggle-]{+cold war+} ended.\n"
    coloured = run("--diff", "--color", "always", stdin=b"The chilly struggle ended.\n")
    assert b"\x1b[31m[-chilly struggle-]" in coloured.stdout


def test_word_diff_of_several_edits_matches_the_edits():
    text = "Kim ended the chilly struggle this 12 months. Home windows 11 came out."
    result = textfix.fix_and_explain(text)
    diff = word_diff(result.text, result.edits)
    assert diff.count("[-") == len(result.edits)
    old = diff
    for edit in result.edits:
        old = old.replace(f"[-{edit.before}-]{{+{edit.after}+}}", edit.before, 1)
    assert old == text


def test_usage_errors():
    assert run("--diff", "--jsonl").returncode == 2
    assert run("--group-by", "doc").returncode == 2
    assert run("--jobs", "-1").returncode == 2
    assert run("--check", "--detect").returncode == 2
    assert run("--check", "--diff").returncode == 2
    assert run("--detect", "--jsonl", "--explain-field", "e").returncode == 2


def test_fix_batch_matches_one_by_one_and_keeps_order():
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] * 3 + ["", "The chilly struggle."]
    expected = [textfix.fix_text(t) for t in texts]
    assert fix_batch(texts) == expected
    assert fix_batch(texts, jobs=2) == expected
    assert [e.text for e in explain_batch(texts, jobs=2)] == expected
    with pytest.raises(ValueError):
        fix_batch(texts, jobs=0)


def test_fixer_pickles_without_its_lexicon_and_works_after():
    fixer = textfix.Fixer(assume_spun=True)
    fixer.fix("warm the lexicon up")
    clone = pickle.loads(pickle.dumps(fixer))
    assert len(pickle.dumps(fixer)) < 1000
    assert clone.config == fixer.config and clone.fix("navy ties") == fixer.fix("navy ties")


def test_repair_batch_callable_repairs_one_column():
    batch = {"text": ["The chilly struggle.", None, "plain"], "id": [1, 2, 3]}
    out = RepairBatch(edits="edits")(batch)
    assert out["text"] == ["The cold war.", None, "plain"] and out["id"] == [1, 2, 3]
    assert json.loads(out["edits"][0])[0]["after"] == "cold war" and out["edits"][1:] == ["[]", "[]"]


def test_unicode_repair_is_reported_as_edits_of_the_input():
    text = "The cafÃ© &amp; the chilly struggle ended. â€œQuotedâ€\x9d \udcff kept\r\n"
    plain = textfix.fix_and_explain(text)
    assert "cafÃ©" in plain.text  # off by default
    fixed = textfix.fix_and_explain(text, unicode_fix=True)
    assert fixed.text == "The café & the cold war ended. “Quoted” \udcff kept\r\n"
    assert textfix.apply_edits(text, fixed.edits) == fixed.text
    assert {e.rule for e in fixed.edits} == {"unicode (ftfy)", "news.tsv:483"} or any(
        "unicode" in e.rule for e in fixed.edits)
    assert all(text[e.start:e.end] == e.before for e in fixed.edits)
    clean = "“Curly quotes”, ﬁne width ＡＢ and a tab\t stay.\n"
    assert textfix.fix_text(clean, unicode_fix=True).startswith("“Curly quotes”")


def test_unicode_option_on_the_command_line():
    data = "The cafÃ© &amp; the chilly struggle.\n".encode()
    assert run("--unicode", stdin=data).stdout == "The café & the cold war.\n".encode()
    assert run(stdin=data).stdout == "The cafÃ© &amp; the cold war.\n".encode()


def test_a_100_mb_json_line_and_nul_bytes(tmp_path: Path):
    big = tmp_path / "big.jsonl"
    big.write_bytes(b'{"text": "' + b"a" * (100 << 20) + b' the chilly struggle", "id": 1}\n')
    result = subprocess.run([*COMMAND, "--jsonl", str(big)], capture_output=True, timeout=300)
    assert result.returncode == 0
    assert result.stdout.endswith(b' the cold war", "id": 1}\n') and len(result.stdout) > 100 << 20
    data = b'{"text": "nul \\u0000 the chilly struggle"}\n'
    assert run("--jsonl", stdin=data).stdout == b'{"text": "nul \\u0000 the cold war"}\n'
    assert run(stdin=b"a\x00b the chilly struggle\x00\n").stdout == b"a\x00b the cold war\x00\n"


def test_unicode_option_leaves_clean_prose_byte_identical():
    """Real clean prose (the clean corpus articles, the held-out and development clean texts and
    the 300 Lee documents, typographic quotes and dashes included) is unchanged with --unicode."""
    root = CORPUS.parent
    paths = [*sorted((CORPUS / "seeds").glob("00[023]_*.txt")), *sorted((root / "heldout" / "clean").glob("*.txt")),
             *sorted((root / "dev" / "clean").glob("*.txt"))]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    texts += (CORPUS / "clean" / "lee_background.txt").read_text(encoding="utf-8").splitlines()
    assert len(texts) > 300
    assert [t for t in texts if textfix.fix_and_explain(t, unicode_fix=True).edits] == []


def test_detect_with_jsonl_reports_each_document_by_its_first_line(corpus_jsonl, tmp_path: Path):
    whole = b"".join(json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}).encode() + b"\n" for p in SEEDS)
    data = whole + b'{"id": "no text"}\n\n'
    (tmp_path / "docs.jsonl").write_bytes(data)
    result = run("--detect", "--jsonl", "docs.jsonl", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = [line.split("\t") for line in result.stdout.decode().splitlines()]
    expected = [textfix.detect(p.read_text(encoding="utf-8")) for p in SEEDS]
    assert [l[4] for l in lines] == [f"docs.jsonl:{n}" for n in range(1, len(SEEDS) + 1)]
    assert [(float(l[0]), l[1]) for l in lines] == [(r.score, "spun" if r.is_spun else "clean") for r in expected]
    assert run("--detect", "--jsonl", "--jobs", "2", "docs.jsonl", cwd=tmp_path).stdout == result.stdout
    # paragraphs grouped into their articles score as the articles do
    grouped = run("--detect", "--jsonl", "--group-by", "doc", stdin=corpus_jsonl)
    verdicts = [line.split("\t")[1] for line in grouped.stdout.decode().splitlines()]
    assert verdicts == ["spun" if r.is_spun else "clean" for r in expected]


def test_check_exits_1_when_any_document_is_spun_and_prints_nothing(corpus_jsonl, tmp_path: Path):
    clean = [str(p) for p in SEEDS if not p.name.startswith(("001", "004"))]
    assert len(clean) == 3
    quiet = run("--check", *clean)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, b"", b"")
    found = run("--check", *clean, str(SEEDS[1]))
    assert (found.returncode, found.stdout, found.stderr) == (1, b"", b"")
    assert run("--check", stdin=SEEDS[4].read_bytes()).returncode == 1
    assert run("--check", stdin=b"").returncode == 0
    assert run("--check", "--jsonl", stdin=corpus_jsonl).returncode == 1
    clean_records = b"".join(line for line in corpus_jsonl.splitlines(keepends=True)
                             if b'"doc": "001' not in line and b'"doc": "004' not in line)
    assert run("--check", "--jsonl", "--group-by", "doc", stdin=clean_records).returncode == 0
    missing = run("--check", clean[0], str(tmp_path / "missing.txt"))
    assert missing.returncode == 2 and missing.stdout == b""
