"""How well detect() separates spun from clean text, on documents and on 100-word windows.

Sets (the score's model was fitted by tools/fit_detection.py on the development set and on the
Lee documents at even positions, so those are reported apart as "fitted"):

- corpus: the two spun and three clean articles of corpus/seeds;
- held-out: heldout/spun (16 news articles, 4 abstracts) against heldout/clean (7);
- Lee, unseen: the distinct Lee news documents at odd positions (146), clean;
- fitted: dev/spun against dev/clean and the Lee documents at even positions.

For each: ROC AUC (spun against clean documents of the set, and every clean document when a
set has none of its own), precision and recall at the default threshold, and the same for
100-word windows (consecutive runs of 100 whitespace-separated words, a tail under 50 words
dropped), each scored on its own. A reliability table bins the scores of every unfitted
document and window. Speed, in the same run (best of 3, CPU time): detect() against fix_text()
on the spun texts, and detect() against the tokenization floor (re.findall(r"\\w+")) on clean
text, both repeated to about 2 MB.

    python benchmarks/detection.py      # writes results/detection.json and docs/detection.png
"""
from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tools"))

import textfix  # noqa: E402
from fit_detection import lee_documents  # noqa: E402

THRESHOLD = textfix.Config().threshold
WINDOW_WORDS = 100
RUNS = 3
SPEED_BYTES = 2_000_000


def read(paths: list[Path]) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in paths]


def sets() -> dict[str, dict[str, list[str]]]:
    seeds = sorted((HERE / "corpus" / "seeds").glob("*.txt"))
    lee = lee_documents()
    return {
        "corpus": {"spun": read([p for p in seeds if p.name[:3] in ("001", "004")]),
                   "clean": read([p for p in seeds if p.name[:3] not in ("001", "004")])},
        "held-out": {"spun": read(sorted((HERE / "heldout" / "spun").glob("*.txt"))),
                     "clean": read(sorted((HERE / "heldout" / "clean").glob("*.txt")))},
        "Lee, unseen": {"spun": [], "clean": lee[1::2]},
        "fitted": {"spun": read(sorted((HERE / "dev" / "spun").glob("*.txt"))),
                   "clean": read(sorted((HERE / "dev" / "clean").glob("*.txt"))) + lee[0::2]},
    }


def windows(text: str) -> list[str]:
    words = text.split()
    return [" ".join(words[i:i + WINDOW_WORDS]) for i in range(0, len(words), WINDOW_WORDS)
            if len(words[i:i + WINDOW_WORDS]) >= WINDOW_WORDS // 2]


def auc(spun: list[float], clean: list[float]) -> float | None:
    """The chance that a spun text scores above a clean one (ties count half)."""
    if not spun or not clean:
        return None
    wins = sum((s > c) + 0.5 * (s == c) for s in spun for c in clean)
    return wins / (len(spun) * len(clean))


def scores(texts: list[str]) -> list[float]:
    out = []
    for text in texts:
        report = textfix.detect(text)
        out.append(report.score if report.score is not None else 0.0)
    return out


def rates(spun: list[float], clean: list[float]) -> dict[str, object]:
    flagged_spun = sum(s >= THRESHOLD for s in spun)
    flagged_clean = sum(c >= THRESHOLD for c in clean)
    flagged = flagged_spun + flagged_clean
    return {"spun": len(spun), "clean": len(clean), "recall": flagged_spun / len(spun) if spun else None,
            "false_positive_rate": flagged_clean / len(clean) if clean else None,
            "clean_flagged": flagged_clean, "precision": flagged_spun / flagged if flagged else None,
            "auc": auc(spun, clean)}


def reliability(pairs: list[tuple[float, bool]]) -> list[dict[str, object]]:
    edges = [0.0, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1.0001]
    table = []
    for lo, hi in zip(edges, edges[1:]):
        inside = [spun for score, spun in pairs if lo <= score < hi]
        table.append({"from": lo, "to": min(hi, 1.0), "texts": len(inside), "spun": sum(inside),
                      "observed": sum(inside) / len(inside) if inside else None})
    return table


def best_time(function, texts: list[str]) -> float:
    best = float("inf")
    for _ in range(RUNS):
        start = time.process_time()
        for text in texts:
            function(text)
        best = min(best, time.process_time() - start)
    return best


def repeated(texts: list[str]) -> list[str]:
    out, size = [], 0
    while size < SPEED_BYTES:
        for text in texts:
            out.append(text)
            size += len(text.encode("utf-8"))
    return out


def speed(data: dict[str, dict[str, list[str]]]) -> dict[str, float]:
    spun = repeated([t for s in data.values() for t in s["spun"]])
    clean = repeated([t for s in data.values() for t in s["clean"]])
    words = re.compile(r"\w+").findall
    textfix.detect(spun[0])  # compile the lexicons first
    detect_spun, fix_spun = best_time(textfix.detect, spun), best_time(textfix.fix_text, spun)
    detect_clean, floor_clean = best_time(textfix.detect, clean), best_time(words, clean)
    return {"detect_over_fix_on_spun": fix_spun / detect_spun, "detect_over_floor_on_clean": floor_clean / detect_clean,
            "megabytes_spun": sum(map(len, spun)) / 1e6, "megabytes_clean": sum(map(len, clean)) / 1e6}


def figure(results: dict[str, dict[str, object]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2))
    for ax, level in zip(axes, ("documents", "windows")):
        spun = [s for name, r in results.items() if name != "fitted" for s in r[level]["spun_scores"]]
        clean = [s for name, r in results.items() if name != "fitted" for s in r[level]["clean_scores"]]
        bins = [i / 20 for i in range(21)]
        ax.hist(clean, bins=bins, color="#4c72b0", alpha=0.8, label=f"clean ({len(clean)})", log=True)
        ax.hist(spun, bins=bins, color="#dd5555", alpha=0.7, label=f"spun ({len(spun)})", log=True)
        ax.axvline(THRESHOLD, color="black", linestyle="--", linewidth=1, label=f"threshold {THRESHOLD}")
        ax.set_xlabel("detect() score")
        ax.set_ylabel("texts (log scale)")
        title = "documents" if level == "documents" else f"{WINDOW_WORDS}-word windows"
        ax.set_title(f"{title}: corpus, held-out, unseen Lee")
        ax.legend(loc="upper center")
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    data = sets()
    results: dict[str, dict[str, object]] = {}
    pooled: list[tuple[float, bool]] = []
    for name, texts in data.items():
        entry: dict[str, object] = {}
        for level, split in (("documents", lambda t: [t]), ("windows", windows)):
            spun = scores([w for t in texts["spun"] for w in split(t)])
            clean = scores([w for t in texts["clean"] for w in split(t)])
            entry[level] = {**rates(spun, clean), "spun_scores": spun, "clean_scores": clean}
            if name != "fitted":
                pooled += [(s, True) for s in spun] + [(c, False) for c in clean]
        results[name] = entry
    all_clean = [c for name, r in results.items() if name != "fitted" for c in r["documents"]["clean_scores"]]
    held = results["held-out"]["documents"]
    held["auc_against_every_unfitted_clean"] = auc(held["spun_scores"], all_clean)
    every_clean = [c for r in results.values() for c in r["documents"]["clean_scores"]]
    summary = {
        "threshold": THRESHOLD,
        "clean_documents": len(every_clean),
        "clean_documents_flagged": sum(c >= THRESHOLD for c in every_clean),
        "reliability": reliability(pooled),
        "speed": speed({k: v for k, v in data.items() if k != "Lee, unseen"}),
    }
    for name, entry in results.items():
        for level in ("documents", "windows"):
            r = entry[level]
            fmt = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
            print(f"{name:12} {level:9} spun {r['spun']:4}  clean {r['clean']:4}  AUC {fmt(r['auc'])}  "
                  f"recall {fmt(r['recall'])}  FPR {fmt(r['false_positive_rate'])} ({r['clean_flagged']})  "
                  f"precision {fmt(r['precision'])}")
    print(f"\nheld-out documents against every unfitted clean document: AUC {held['auc_against_every_unfitted_clean']:.3f}")
    print(f"clean documents flagged at {THRESHOLD}: {summary['clean_documents_flagged']} of {summary['clean_documents']}")
    print("\nreliability (unfitted documents and windows):")
    for row in summary["reliability"]:
        observed = "-" if row["observed"] is None else f"{row['observed']:.2f}"
        print(f"  [{row['from']:.2f}, {row['to']:.2f})  texts {row['texts']:4}  spun {row['spun']:4}  observed {observed}")
    s = summary["speed"]
    print(f"\nspeed: detect/fix_text on spun text {s['detect_over_fix_on_spun']:.2f}x; "
          f"detect/floor on clean text {s['detect_over_floor_on_clean']:.2f}x")
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "detection.json").write_text(json.dumps({"summary": summary, "sets": results}, indent=1) + "\n")
    figure(results, HERE.parent / "docs" / "detection.png")


if __name__ == "__main__":
    main()
