"""Does `textfix trace` find the source a spun text came from, and how fast?

Spun texts with known originals that no lexicon entry was written from: the eighteen hand-spun
news articles of heldout/ (spun/ against gold/, which are their originals) and two Lee news
documents spun by hand (trace/, whose originals are among the candidates). Candidates: the 293
distinct clean news documents of corpus/clean/lee_background.txt (the file repeats seven), the
held-out and development clean documents, and all eighteen originals (so every other original
is a distractor too): 323 in all.

For each spun text: the rank of its original, the ratio of its score to the runner-up's, and
the time of one trace() call (median of 5, after one warm-up call that compiles the lexicons).
The same is timed with 3,000 candidates (the set repeated) to show how the prefilter scales.

    python benchmarks/tracing.py    # writes results/trace.json
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from textfix.tracing import trace  # noqa: E402

REPEATS = 5


def _lee() -> dict[str, str]:
    """The Lee documents by line number, each text once (the file repeats seven of them)."""
    lee = (HERE / "corpus" / "clean" / "lee_background.txt").read_text(encoding="utf-8").splitlines()
    first: dict[str, str] = {}
    for number, text in enumerate(lee, start=1):
        if text.strip() and text not in first:
            first[text] = f"lee_background:{number}"
    return {name: text for text, name in first.items()}


def candidates() -> list[tuple[str, str]]:
    out = list(_lee().items())
    for directory in (HERE / "heldout" / "clean", HERE / "dev" / "clean", HERE / "heldout" / "gold"):
        out += [(f"{directory.parent.name}/{directory.name}/{p.name}", p.read_text(encoding="utf-8"))
                for p in sorted(directory.glob("*.txt")) if directory.name == "clean" or p.name.startswith("news")]
    return out


def spun_texts() -> list[tuple[str, str]]:
    """(name of the true source among the candidates, spun text)."""
    texts = [(f"heldout/gold/{p.name}", p.read_text(encoding="utf-8"))
             for p in sorted((HERE / "heldout" / "spun").glob("news*.txt"))]
    lee = (HERE / "corpus" / "clean" / "lee_background.txt").read_text(encoding="utf-8").splitlines()
    name_of = {text: name for name, text in _lee().items()}
    for path in sorted((HERE / "trace").glob("lee_background_*.spun.txt")):
        line = int(path.name.split(".")[0].rpartition("_")[2])
        texts.append((name_of[lee[line - 1]], path.read_text(encoding="utf-8")))
    return texts


def rank(spun: str, pool: list[tuple[str, str]], source: str) -> dict[str, object]:
    result = trace(spun, pool)
    names = [s.name for s in result.ranking]
    place = names.index(source) + 1
    top, runner = result.ranking[0], result.ranking[1]
    return {"rank": place, "score": top.score, "runner_up": runner.name, "runner_up_score": runner.score,
            "ratio": top.score / runner.score if runner.score else None}  # None: the runner-up scored 0


def timed(spun: str, pool: list[tuple[str, str]]) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        trace(spun, pool)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    pool = candidates()
    big = pool * (3000 // len(pool) + 1)
    big = big[:3000]
    texts = spun_texts()
    trace(texts[0][1], pool[:5])  # compile the lexicons once
    rows = {}
    for source, spun in texts:
        row = rank(spun, pool, source)
        row["seconds"] = timed(spun, pool)
        rows[source] = row
        print(f"{source:36} rank {row['rank']}  score {row['score']:.3f}  runner-up {row['runner_up_score']:.3f} "
              f"({row['runner_up']})  ratio {row['ratio'] or float('inf'):.0f}  {row['seconds'] * 1000:.0f} ms")
    big_seconds = [timed(spun, big) for _, spun in texts[:3]]
    summary = {
        "candidates": len(pool),
        "spun_texts": len(texts),
        "ranked_first": sum(r["rank"] == 1 for r in rows.values()),
        "min_ratio_to_runner_up": min(r["ratio"] for r in rows.values() if r["ratio"] is not None),
        "median_seconds": statistics.median(r["seconds"] for r in rows.values()),
        "max_seconds": max(r["seconds"] for r in rows.values()),
        "seconds_3000_candidates": statistics.median(big_seconds),
    }
    print(f"\n{summary['ranked_first']}/{summary['spun_texts']} originals ranked first among {summary['candidates']} "
          f"candidates; lowest score ratio to the runner-up {summary['min_ratio_to_runner_up']:.0f}; "
          f"one trace: median {summary['median_seconds'] * 1000:.0f} ms, slowest {summary['max_seconds'] * 1000:.0f} ms; "
          f"with 3,000 candidates {summary['seconds_3000_candidates'] * 1000:.0f} ms (median of {REPEATS})")
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "trace.json").write_text(json.dumps({"summary": summary, "texts": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
