"""The command in a pipeline: worker processes, and memory on a large input.

- jobs: the corpus articles as JSON lines (a record per article, ids and other fields around
  the text), repeated to at least 20 MB; `textfix --jsonl --jobs 1` and `--jobs 2` each run 3
  times, best wall-clock time; the goal is a speed-up of at least 1.6 with identical output.
- memory: 1 GB of plain text (the corpus articles repeated) and 1 GB of JSON lines, each
  piped through `textfix` (and `textfix --jsonl`) with the output discarded; peak RSS of the
  process (ru_maxrss of the child); the goal is under 300 MB.

    python benchmarks/pipeline.py [--mb 20] [--gb 1] [--json PATH] [--skip-memory]

Writes results/pipeline.json. Inputs are written to a temporary directory and removed.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_JSON = HERE / "results" / "pipeline.json"
COMMAND = [sys.executable, "-m", "textfix"]
RUNS = 3


def articles() -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((HERE / "corpus" / "seeds").glob("*.txt"))]


def write_jsonl(path: Path, size: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        written, n = 0, 0
        while written < size:
            for stem, text in articles():
                line = json.dumps({"id": n, "source": stem, "text": text, "lang": "en"}, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                n += 1


def write_text(path: Path, size: int) -> None:
    block = "\n".join(text for _, text in articles()) + "\n"
    with path.open("w", encoding="utf-8") as out:
        written = 0
        while written < size:
            out.write(block)
            written += len(block.encode("utf-8"))


def run(args: list[str], source: Path, sink) -> float:
    env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
    with source.open("rb") as stdin:
        start = time.perf_counter()
        subprocess.run([*COMMAND, *args], stdin=stdin, stdout=sink, check=True, env=env)
        return time.perf_counter() - start


def jobs(tmp: Path, mb: int) -> dict:
    source = tmp / "jobs.jsonl"
    write_jsonl(source, mb << 20)
    times, digests = {}, {}
    for n in (1, 2):
        best = float("inf")
        for _ in range(RUNS):
            out = tmp / f"out{n}.jsonl"
            with out.open("wb") as sink:
                best = min(best, run(["--jsonl", "--jobs", str(n)], source, sink))
            digests[n] = hashlib.sha256(out.read_bytes()).hexdigest()
        times[n] = best
    return {"input_mb": round(source.stat().st_size / 2**20, 1), "jobs1_s": round(times[1], 2),
            "jobs2_s": round(times[2], 2), "speedup": round(times[1] / times[2], 2),
            "identical": digests[1] == digests[2], "cpus": len(os.sched_getaffinity(0))}


def peak_rss_mb(args: list[str], source: Path) -> tuple[float, float]:
    """(peak RSS in MB, seconds) of one run, measured in a fresh child that runs it."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "with open(sys.argv[1], 'rb') as f:\n"
        "    subprocess.run(sys.argv[2:], stdin=f, stdout=subprocess.DEVNULL, check=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, time.perf_counter() - start)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
    done = subprocess.run([sys.executable, "-c", probe, str(source), *COMMAND, *args], capture_output=True, text=True,
                          check=True, env=env)
    rss, seconds = done.stdout.split()
    return float(rss), float(seconds)


def memory(tmp: Path, gb: float) -> list[dict]:
    rows = []
    for kind, writer, args in (("plain text", write_text, []), ("JSON lines", write_jsonl, ["--jsonl"])):
        source = tmp / "big"
        writer(source, int(gb * 2**30))
        rss, seconds = peak_rss_mb(args, source)
        rows.append({"input": kind, "input_gb": round(source.stat().st_size / 2**30, 2), "peak_rss_mb": round(rss, 1),
                     "seconds": round(seconds, 1)})
        print(f"memory, {kind}: {rows[-1]['input_gb']} GB, peak RSS {rss:.1f} MB, {seconds:.0f} s", flush=True)
        source.unlink()
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=20)
    parser.add_argument("--gb", type=float, default=1.0)
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = {"jobs": jobs(Path(tmp), args.mb)}
        j = result["jobs"]
        print(f"jobs: {j['input_mb']} MB of JSON lines, --jobs 1 {j['jobs1_s']} s, --jobs 2 {j['jobs2_s']} s, "
              f"speed-up {j['speedup']}x, identical output: {j['identical']} ({j['cpus']} CPUs)", flush=True)
        if not args.skip_memory:
            result["memory"] = memory(Path(tmp), args.gb)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
