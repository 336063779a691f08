"""`textfix trace`: the true source ranks first, well clear of the rest; the command's output."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from textfix.tracing import trace

from conftest import CORPUS, ROOT
from test_cli import run

sys.path.insert(0, str(ROOT / "benchmarks"))
from tracing import candidates, spun_texts  # noqa: E402  (benchmarks/tracing.py)


@pytest.fixture(scope="module")
def pool() -> list[tuple[str, str]]:
    return candidates()


def test_the_pool_is_large_enough(pool: list[tuple[str, str]]):
    assert len(pool) >= 300 and len(spun_texts()) >= 10


@pytest.mark.parametrize("source, spun", spun_texts(), ids=lambda v: Path(v).stem if "/" in v else "")
def test_a_hand_spun_text_traces_to_its_original(pool: list[tuple[str, str]], source: str, spun: str):
    """Hand-spun held-out articles and Lee documents (no lexicon entry was written from them) among 323 candidates."""
    ranking = trace(spun, pool).ranking
    assert ranking[0].name == source
    assert ranking[0].score >= 2 * ranking[1].score
    assert ranking[0].score > 0.5 and ranking[0].restored is not None


def test_same_topic_articles_do_not_confuse_it():
    """The corpus's spun articles against their gold restorations and three articles on the same story."""
    pool = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((CORPUS / "seeds").glob("00[023]_*.txt"))]
    pool += [(f"gold/{p.name}", p.read_text(encoding="utf-8")) for p in sorted((CORPUS / "gold").glob("*.txt"))]
    for spun_path in sorted((CORPUS / "seeds").glob("00[14]_*.txt")):
        result = trace(spun_path.read_text(encoding="utf-8"), pool)
        assert result.ranking[0].name == f"gold/{spun_path.name}"
        assert result.ranking[0].score >= 2 * result.ranking[1].score
        marked = [m for _, _, m in result.marked_pairs()]
        assert len(marked) > 20 and any("[-mentioned-]{+said+}" in m for m in marked)


def test_degenerate_input_gives_a_ranking_not_an_error():
    assert trace("", ["a text", ""]).ranking[0].score == 0.0
    assert trace("Short.", []).ranking == []
    same = "Officials said the bridge would reopen on Monday after repairs costing 4 million pounds."
    result = trace(same, {"other": "Rain is forecast for the weekend across the north.", "same": same})
    assert result.ranking[0].name == "same" and result.ranking[1].score < result.ranking[0].score / 2


def test_command_prints_scores_and_the_marked_pairs(tmp_path: Path):
    (source, spun), = spun_texts()[:1]
    spun_file = tmp_path / "spun.txt"
    spun_file.write_text(spun, encoding="utf-8")
    gold_dir = ROOT / "benchmarks" / "heldout" / "gold"
    lee = ROOT / "benchmarks" / "corpus" / "clean"
    result = run("trace", str(spun_file), str(gold_dir), str(lee / "lee_background.txt"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert lines[0].split() == ["score", "immut.", "restored", "candidate"]
    assert lines[1].endswith(str(gold_dir / Path(source).name))
    assert "[-" in result.stdout.decode() and "+}" in result.stdout.decode()
    as_json = run("trace", str(spun_file), str(gold_dir), "--json", "--top", "3")
    data = json.loads(as_json.stdout)
    assert len(data["ranking"]) == 3 and data["ranking"][0]["name"].endswith(Path(source).name)
    assert data["pairs"] and {"spun", "source", "marked"} <= set(data["pairs"][0])


def test_candidates_from_json_lines(tmp_path: Path):
    (source, spun), = spun_texts()[1:2]
    records = tmp_path / "candidates.jsonl"
    records.write_text("".join(json.dumps({"id": name, "body": text}) + "\n" for name, text in candidates()))
    (tmp_path / "spun.txt").write_text(spun, encoding="utf-8")
    result = run("trace", str(tmp_path / "spun.txt"), "--candidates-jsonl", str(records), "--field", "body",
                 "--id-field", "id", "--no-pairs")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines()[1].endswith(source)
    assert "Best:" not in result.stdout.decode()


def test_command_errors_are_one_line_and_exit_2(tmp_path: Path):
    (tmp_path / "spun.txt").write_text("text")
    assert run("trace", str(tmp_path / "spun.txt")).returncode == 2
    missing = run("trace", str(tmp_path / "spun.txt"), str(tmp_path / "nope"))
    assert missing.returncode == 2 and missing.stderr.count(b"\n") == 1
    (tmp_path / "bad.jsonl").write_text("{}\n")
    bad = run("trace", str(tmp_path / "spun.txt"), "--candidates-jsonl", str(tmp_path / "bad.jsonl"))
    assert bad.returncode == 2 and b"line 1" in bad.stderr and b"Traceback" not in bad.stderr
