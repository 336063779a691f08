"""How fast textfix is, relative to the simplest tools that could do a lexicon's job.

GUIDE.md section 6: these machines are shared and noisy, so absolute times mean little; what
matters is the ratio to peers measured in the same process, on the same documents and the same
spun -> original pairs (every lexicon entry that is not `keep`; the first original of a spun form
listed several times):

- flashtext: KeywordProcessor(case_sensitive=True), replace_keywords per document;
- regex alternation: one stdlib `re` pattern of the escaped keys, longest first, in \\b(?:...)\\b;
- the floor: re.compile(r"\\w+").findall per document, the least any token-level pass pays.

The five corpus seeds are repeated to at least --mb megabytes (10**6 bytes of UTF-8) and each
document is processed separately; every contender gets the best of 3 runs (CPU time), and the ratios are
of throughputs (fix_text's MB/s over the peer's: above 1, fix_text is faster). Clean prose is
timed apart, fix_text against the floor alone, on the distinct Lee news documents repeated to
the same size. Scaling (in input size and lexicon size) and peak memory are measured as
scaling.py says. Start-up is the median
of 7 runs of the CLI on a short spun input that it repairs, since pipelines start a filter once
per file. Prints a table and writes results/speed.json (--json PATH to change).

    python benchmarks/speed.py [--mb N] [--lexicon PATH ...] [--json PATH]

flashtext is an optional benchmark dependency (pip install 'textfix[bench]').
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))  # measure this checkout's textfix, installed or not

import textfix  # noqa: E402
from scaling import input_scaling, lexicon_scaling, peak_memory_mb  # noqa: E402

SEEDS = HERE / "corpus" / "seeds"
LEE = HERE / "corpus" / "clean" / "lee_background.txt"  # clean news prose, one document a line
STARTUP_INPUT = SEEDS / "001_ff8509c2529f36e7.txt"  # a spun article; its first two lines are the input
DEFAULT_JSON = HERE / "results" / "speed.json"
RUNS = 3
STARTUP_RUNS = 7


def read(path: Path) -> str:
    """A corpus file exactly as stored (no newline translation): the bytes timed are the bytes counted."""
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def lexicon_pairs(config: textfix.Config) -> dict[str, str]:
    """The spun -> original pairs the peers get: what textfix's lexicon would restore."""
    pairs: dict[str, str] = {}
    for entry in textfix.Fixer(config).lexicon.entries:
        if entry.cls != "keep":
            pairs.setdefault(entry.spun, entry.original)
    return pairs


def contenders(config: textfix.Config, pairs: dict[str, str]) -> dict[str, Callable[[str], object]]:
    """Each contender as a function of one document, built (lexicons compiled) before any timing."""
    from flashtext import KeywordProcessor

    keywords = KeywordProcessor(case_sensitive=True)
    for spun, original in pairs.items():
        keywords.add_keyword(spun, original)
    keys = sorted(pairs, key=len, reverse=True)
    alternation = re.compile(r"\b(?:" + "|".join(map(re.escape, keys)) + r")\b")
    words = re.compile(r"\w+")
    return {
        "fix_text": lambda document: textfix.fix_text(document, config),
        "flashtext": keywords.replace_keywords,
        "regex": lambda document: alternation.sub(lambda m: pairs[m.group(0)], document),
        "floor": words.findall,
    }


def throughput(functions: dict[str, Callable[[str], object]], documents: list[str]) -> dict[str, float]:
    """Best-of-RUNS CPU seconds for each function over all documents. Runs interleave so drift
    hits all alike, and CPU time of this process, not wall time, so that other work on a shared
    machine does not count against whichever contender it happens to overlap."""
    best = dict.fromkeys(functions, math.inf)
    for _ in range(RUNS):
        for name, function in functions.items():
            start = time.process_time()
            for document in documents:
                function(document)
            best[name] = min(best[name], time.process_time() - start)
    return best


def best_seconds(function: Callable[[str], object], documents: list[str]) -> float:
    """Best-of-RUNS CPU seconds of one function over all documents."""
    return throughput({"f": function}, documents)["f"]


def startup(command: list[str], text: str, env: dict[str, str]) -> float:
    """Median wall time of the CLI repairing `text` from stdin, after one untimed warm-up run."""
    data = text.encode("utf-8")
    out = subprocess.run(command, input=data, capture_output=True, check=True, env=env).stdout
    if out == data:
        sys.exit(f"speed.py: {' '.join(command)} left its start-up input unchanged, so it does not "
                 f"measure a run that repairs; the lexicon does not cover {STARTUP_INPUT.name}'s first lines")
    times = []
    for _ in range(STARTUP_RUNS):
        start = time.perf_counter()
        subprocess.run(command, input=data, capture_output=True, check=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(config: textfix.Config, megabytes: float, lexicons: list[str], scale_mb: tuple[float, float]) -> dict[str, Any]:
    """Every figure speed.json holds; start-up first, so that an input it cannot repair fails fast."""
    seeds = [read(path) for path in sorted(SEEDS.glob("*.txt"))]
    pairs = lexicon_pairs(config)
    if not pairs:
        sys.exit("speed.py: the lexicon has no spun -> original pairs, so there is nothing to compare")

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    # An installed package has its bytecode compiled; in a checkout the warm-up run writes it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    text = "".join(read(STARTUP_INPUT).splitlines(keepends=True)[:2])
    lexicon_args = [arg for path in lexicons for arg in ("--lexicon", path)]
    commands = {"python -m textfix": [sys.executable, "-m", "textfix", *lexicon_args]}
    script = Path(sys.executable).parent / ("textfix.exe" if os.name == "nt" else "textfix")
    if script.is_file():
        commands["textfix"] = [str(script), *lexicon_args]
    startup_seconds = {name: startup(command, text, env) for name, command in commands.items()}

    size = sum(len(s.encode("utf-8")) for s in seeds)
    copies = max(1, math.ceil(megabytes * 1e6 / size))
    documents, total = seeds * copies, copies * size / 1e6
    functions = contenders(config, pairs)
    for seed in seeds:  # compile and cache the lexicon and load the vocabulary before timing
        functions["fix_text"](seed)
    seconds = throughput(functions, documents)
    mbps = {name: total / t for name, t in seconds.items()}
    lee = list(dict.fromkeys(line for line in read(LEE).splitlines() if line.strip()))
    clean = lee * max(1, math.ceil(megabytes * 1e6 / sum(len(d.encode("utf-8")) for d in lee)))
    clean_seconds = throughput({name: functions[name] for name in ("fix_text", "floor")}, clean)
    by_input = input_scaling(seeds, scale_mb, best_seconds)
    by_lexicon = lexicon_scaling(documents, best_seconds)
    return {
        "textfix_version": textfix.__version__,
        "lexicon_version": textfix.lexicon_version(config),
        "pairs": len(pairs),
        "documents": len(documents),
        "megabytes": total,
        "runs": RUNS,
        "seconds": seconds,
        "mb_per_second": mbps,
        "ratios": {f"fix_text/{peer}": mbps["fix_text"] / mbps[peer] for peer in ("flashtext", "regex", "floor")},
        "clean": {"documents": len(clean), "megabytes": sum(len(d.encode("utf-8")) for d in clean) / 1e6,
                  "seconds": clean_seconds, "fix_text/floor": clean_seconds["floor"] / clean_seconds["fix_text"]},
        "scaling": {
            "input_mb_per_second": by_input, "input_ratio": max(by_input.values()) / min(by_input.values()),
            "lexicon_entries_mb_per_second": by_lexicon,
            "lexicon_ratio": max(by_lexicon.values()) / min(by_lexicon.values()),
        },
        "peak_memory_mb": peak_memory_mb(SEEDS, env),
        "startup": {"input_bytes": len(text.encode("utf-8")), "runs": STARTUP_RUNS, "median_seconds": startup_seconds},
    }


def report(results: dict[str, Any]) -> str:
    """The figures as a plain-text table."""
    lines = [f"textfix {results['textfix_version']}, lexicon {results['lexicon_version']} "
             f"({results['pairs']} pairs); {results['documents']} documents, {results['megabytes']:.2f} MB, "
             f"best of {results['runs']}", "", f"{'':12} {'MB/s':>8} {'seconds':>8}"]
    for name, rate in results["mb_per_second"].items():
        lines.append(f"{name:12} {rate:8.2f} {results['seconds'][name]:8.3f}")
    lines += ["", "throughput ratios (above 1: fix_text is faster)"]
    lines += [f"  {name:20} {ratio:6.3f}" for name, ratio in results["ratios"].items()]
    clean = results["clean"]
    lines += [f"  {'clean prose, fix_text/floor':28} {clean['fix_text/floor']:6.3f}  "
              f"({clean['documents']} Lee documents, {clean['megabytes']:.2f} MB)"]
    scaling = results["scaling"]
    lines += ["", "fix_text MB/s by input size (MB): " + ", ".join(f"{k}: {v:.2f}" for k, v in scaling["input_mb_per_second"].items())
              + f"  (fastest/slowest {scaling['input_ratio']:.3f})"]
    lines += ["fix_text MB/s by lexicon entries: " + ", ".join(f"{k}: {v:.2f}" for k, v in scaling["lexicon_entries_mb_per_second"].items())
              + f"  (fastest/slowest {scaling['lexicon_ratio']:.3f})"]
    lines += [f"peak memory, every lexicon loaded and used: {results['peak_memory_mb']:.1f} MB"]
    start = results["startup"]
    lines += ["", f"CLI start-up, median of {start['runs']} on {start['input_bytes']} bytes of spun text it repairs"]
    lines += [f"  {name:20} {seconds:6.3f} s" for name, seconds in start["median_seconds"].items()]
    return "\n".join(lines)


def write_json(results: dict[str, Any], path: Path) -> None:
    """Write atomically, so an interrupted run never leaves a truncated results file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=8.0, help="megabytes of documents to time (default %(default)s)")
    parser.add_argument("--scale-mb", type=float, nargs=2, default=(1.0, 64.0), metavar=("SMALL", "LARGE"),
                        help="the input sizes, in MB, whose throughputs are compared (default 1 64)")
    parser.add_argument("--lexicon", metavar="PATH", action="append", default=[],
                        help="add a lexicon file to the packaged ones (repeatable), as the CLI's --lexicon")
    parser.add_argument("--json", metavar="PATH", type=Path, default=DEFAULT_JSON,
                        help=f"where to write the figures (default {DEFAULT_JSON.relative_to(REPO)})")
    args = parser.parse_args()
    try:
        import flashtext  # noqa: F401
    except ImportError:
        print("speed.py needs flashtext, an optional benchmark dependency: pip install flashtext "
              "(or pip install 'textfix[bench]')", file=sys.stderr)
        sys.exit(2)
    config = textfix.Config(lexicons=tuple(args.lexicon))
    # textfix caches its compiled lexicon under ~/.cache; a private cache leaves nothing behind.
    # The CLI's untimed warm-up run fills it, as any first run would.
    with tempfile.TemporaryDirectory(prefix="textfix-bench-") as cache:
        os.environ["TEXTFIX_CACHE_DIR"] = cache
        results = measure(config, args.mb, args.lexicon, tuple(args.scale_mb))
    print(report(results))
    write_json(results, args.json)
    print(f"\nwritten to {args.json}")


if __name__ == "__main__":
    main()
