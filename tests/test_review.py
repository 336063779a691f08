"""The review report's content, without a browser: what the page is given to show."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

import textfix
from textfix.review import EditView, classify, pages, report_data

from conftest import CORPUS

SEEDS = sorted((CORPUS / "seeds").glob("*.txt"))
SPUN = {"001", "004"}


def _data(page: str) -> list[dict]:
    (blob,) = re.findall(r'<script type="application/json" id="report-data">(.*?)</script>', page, re.S)
    return json.loads(blob)


def _text_of(record: dict, side: str = "before") -> str:
    key = "spun" if side == "before" else "original"
    return "".join(s if isinstance(s, str) else record["edits"][s][key] for page in record["pages"] for s in page)


@pytest.fixture(scope="module")
def corpus_records() -> list[dict]:
    return report_data({p.name: p.read_text(encoding="utf-8") for p in SEEDS})


def test_spun_articles_head_the_summary(corpus_records):
    assert {r["name"][:3] for r in corpus_records[:2]} == SPUN
    assert all(r["spun"] for r in corpus_records[:2]) and not any(r["spun"] for r in corpus_records[2:])
    scores = [r["score"] for r in corpus_records]
    assert scores == sorted(scores, reverse=True)


def test_every_edit_is_marked_exactly_once_and_clean_articles_have_none(corpus_records):
    for record in corpus_records:
        text = (CORPUS / "seeds" / record["name"]).read_text(encoding="utf-8")
        explained = textfix.fix_and_explain(text)
        assert [(e["start"], e["end"], e["spun"], e["original"], e["rule"]) for e in record["edits"]] == [
            (e.start, e.end, e.before, e.after, e.rule) for e in explained.edits]
        marked = [s for page in record["pages"] for s in page if isinstance(s, int)]
        assert marked == list(range(len(explained.edits)))
        assert _text_of(record, "before") == text
        assert _text_of(record, "after") == explained.text
        if record["name"][:3] not in SPUN:
            assert record["edits"] == [] and record["repairs"] == {}
    assert sum(r["repairs"].get("news", 0) for r in corpus_records) > 200


def test_untrusted_text_cannot_end_the_data_or_become_markup():
    hostile = '</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)> {{title}} \u2028 &amp;'
    page = textfix.report({"<b>name</b>": hostile, "x": "a lone \udc80 byte"}, title="<i>t</i>")
    assert "<script>alert" not in page and "<img" not in page and "<b>name" not in page
    assert "<title>&lt;i&gt;t&lt;/i&gt;</title>" in page
    records = {r["name"]: r for r in _data(page)}
    assert _text_of(records["<b>name</b>"]) == hostile
    assert _text_of(records["x"]) == "a lone \udc80 byte"
    page.encode("utf-8")  # no lone surrogate reaches the file
    assert page.count("<script") == 2  # the data and the page's own code


def test_page_is_self_contained():
    page = textfix.report(["The chilly struggle ended."])
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page


def test_documents_are_named_or_numbered():
    names = [r["name"] for r in report_data(["one", ("named", "two")])]
    assert sorted(names) == ["document 1", "named"]
    with pytest.raises(TypeError):
        report_data("a single string")
    with pytest.raises(TypeError):
        report_data({"x": b"bytes"})


def _view(start: int, end: int, text: str) -> EditView:
    return EditView(start, end, text[start:end], "X", "r", "", 1.0, "news", "unambiguous")


@given(st.text(alphabet="ab \n😀", max_size=300), st.lists(st.integers(0, 300), max_size=20), st.integers(1, 40))
def test_pages_keep_the_text_and_never_cut_an_edit(text, cuts, size):
    points = sorted({min(c, len(text)) for c in cuts})
    edits = [_view(a, b, text) for a, b in zip(points[::2], points[1::2]) if b > a]
    result = pages(text, edits, size)
    assert "".join(s if isinstance(s, str) else edits[s].spun for p in result for s in p) == text
    assert [s for p in result for s in p if isinstance(s, int)] == list(range(len(edits)))
    for page in result:
        assert sum(len(s) if isinstance(s, str) else 0 for s in page) <= size


def test_long_documents_are_paged_at_line_breaks():
    text = "".join(f"Paragraph {i} of the chilly struggle.\n" for i in range(3000))
    (record,) = report_data({"long": text}, assume_spun=True)
    assert len(record["pages"]) > 5
    assert all(isinstance(p[-1], int) or p[-1].endswith("\n") for p in record["pages"][:-1])
    assert _text_of(record) == text


def test_edits_are_classified_by_family_and_certainty():
    fixer = textfix.Fixer()
    entries = {e.source: e for e in fixer.lexicon.entries}
    sure = next(e for e in fixer.lexicon.entries if e.cls == "unambiguous" and e.family == "news")
    ruled = next(e for e in fixer.lexicon.entries if e.cls == "evidence" and e.family == "academic")
    assert classify(sure.source, entries) == ("news", "unambiguous")
    assert classify(ruled.source, entries) == ("academic", "context")
    assert classify(f"{sure.source} then {ruled.source}", entries) == ("news", "context")
    assert classify("a/an agreement", entries) == ("agreement", "context")


def _run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "textfix", "report", *args], input=stdin, capture_output=True)


def test_command_writes_the_page(tmp_path: Path):
    out = tmp_path / "report.html"
    done = _run(*map(str, SEEDS), "-o", str(out))
    assert done.returncode == 0, done.stderr
    records = _data(out.read_text(encoding="utf-8"))
    assert [r["name"] for r in records][:2] == [str(p) for p in SEEDS if p.name[:3] in SPUN]
    piped = _run("-", stdin="The chilly struggle ended.\n".encode())
    assert piped.returncode == 0 and _data(piped.stdout.decode())[0]["name"] == "<stdin>"


def test_command_refuses_to_overwrite_an_input_and_reports_missing_files(tmp_path: Path):
    source = tmp_path / "a.txt"
    source.write_text("The chilly struggle ended.\n", encoding="utf-8")
    done = _run(str(source), "-o", str(source))
    assert done.returncode == 2 and b"refusing" in done.stderr
    assert source.read_text(encoding="utf-8") == "The chilly struggle ended.\n"
    done = _run(str(tmp_path / "missing.txt"), "-o", str(tmp_path / "r.html"))
    assert done.returncode == 2 and b"missing.txt" in done.stderr and b"Traceback" not in done.stderr
    assert not (tmp_path / "r.html").exists()
