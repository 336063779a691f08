"""Hostile input: nothing may cost super-linear time.

Each input is one string of 1 MB (10**6 bytes of UTF-8, --mb to change), given to fix_text as
one document; each is timed in CPU time, best of 3, and reported as a ratio to 1 MB of ordinary
prose (the corpus seeds repeated, as one document) timed in the same run. The goal is a ratio of
at most 3 for every input, with the document gate as usual and with it forced open
(assume_spun=True, every entry allowed to fire).

- one repeated character: "a" repeated, one token with no space or line break;
- no spaces: ordinary prose with every space and line break removed;
- nothing but lexicon hits: the spun sides of the lexicons' entries, one after another;
- deeply nested quotes: “ and ‘ opened, word by word, 100,000 levels deep, then closed;
- line breaks only, and one 1 MB line of words (no line break).

    python benchmarks/hostile.py [--mb N] [--json PATH]

Prints a table and writes results/hostile.json.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # measure this checkout's textfix, installed or not

import textfix  # noqa: E402

DEFAULT_JSON = HERE / "results" / "hostile.json"
BOUND = 3.0
RUNS = 3


def to_size(unit: str, size: int) -> str:
    """unit repeated and cut to `size` bytes of UTF-8 (on a character boundary)."""
    text = unit * (size // max(1, len(unit.encode("utf-8"))) + 1)
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def inputs(size: int) -> dict[str, str]:
    seeds = "\n".join(p.read_text(encoding="utf-8") for p in sorted((HERE / "corpus" / "seeds").glob("*.txt")))
    entries = textfix.Fixer().lexicon.entries
    hits = " ".join(e.spun for e in entries if e.cls != "keep") + " "
    depth = 100_000
    nested = "".join(f"{'“‘'[i % 2]}level{i} " for i in range(depth)) + "”’" * (depth // 2)
    return {
        "ordinary prose": to_size(seeds + "\n", size),
        "one repeated character": "a" * size,
        "no spaces": to_size("".join(seeds.split()), size),
        "nothing but lexicon hits": to_size(hits, size),
        "deeply nested quotes": to_size(nested, size),
        "line breaks only": "\n" * size,
        "one line of words": to_size(" ".join(seeds.split()) + " ", size),
    }


def cpu_seconds(function: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(RUNS):
        start = time.process_time()
        function(text)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of each input in MB (default 1)")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write the results")
    args = parser.parse_args()
    size = int(args.mb * 10**6)
    modes = {"gate as usual": textfix.Fixer(), "gate forced open": textfix.Fixer(assume_spun=True)}
    for fixer in modes.values():
        fixer.fix("warm up: load the lexicons and vocabulary before timing")
    texts = inputs(size)
    results: dict[str, dict[str, dict[str, float]]] = {}
    for mode, fixer in modes.items():
        seconds = {name: cpu_seconds(fixer.fix, text) for name, text in texts.items()}
        base = seconds["ordinary prose"]
        results[mode] = {name: {"seconds": round(s, 4), "ratio": round(s / base, 2)} for name, s in seconds.items()}
    print(f"{'input (' + format(args.mb, 'g') + ' MB, one document)':36} " + " ".join(f"{m:>22}" for m in modes))
    for name in texts:
        cells = [f"{results[m][name]['seconds']:8.3f} s {results[m][name]['ratio']:6.2f}x" for m in modes]
        print(f"{name:36} " + " ".join(f"{c:>22}" for c in cells))
    worst = max(r["ratio"] for mode in results.values() for r in mode.values())
    print(f"\nworst ratio to ordinary prose: {worst:.2f} (goal: at most {BOUND:g})")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    record = {"megabytes": args.mb, "bound": BOUND, "worst_ratio": worst, "modes": results}
    args.json.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.json}")


if __name__ == "__main__":
    main()
