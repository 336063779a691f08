"""How textfix's cost grows with its input, with its lexicon, and what memory it holds.

speed.py reports these beside its ratios to peers:

- linear in input: fix_text's throughput on the corpus repeated to a small and a large size;
- flat in lexicon size: fix_text's throughput with lexicons of 1,000, 10,000 and 100,000
  entries. Each holds the same 1,000 real entries (every n-th news entry of the packaged
  lexicons, so the spun articles still open the evidence gate) and synthetic entries made from
  the benchmark text's words: one in a hundred is a phrase of the text (an evidence entry whose
  context never holds, so it is looked up and matched and changes nothing), the others a word
  of the text followed by a word that never follows it there, nor in the text as the real
  entries repair it (looked up, never matched). Every lexicon must make the same edits as the
  real entries alone, or the figures would time different work: that is checked;
- memory: the peak resident set size of a fresh process that loads every packaged lexicon
  and repairs and scores every corpus document (so the vocabulary, the composition tables and
  the prescreen are built too).
"""
from __future__ import annotations

import itertools
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

import textfix

LEXICON_SIZES = (1_000, 10_000, 100_000)
REAL_ENTRIES = 1_000
MATCHED_EVERY = 100  # one synthetic entry in this many is a phrase of the text
_NEVER = "prev:qqqqzx"  # a context no text holds
_WORD = re.compile(r"[a-z]{3,}")

# Prints the peak RSS in KiB: VmHWM, the high-water mark of this program's own memory. (Linux's
# ru_maxrss would also count the parent's pages shared at fork, before the exec.)
_MEMORY_SCRIPT = """
import sys
from pathlib import Path
import textfix
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    text = path.read_text(encoding="utf-8")
    textfix.fix_and_explain(text)
    textfix.detect(text)
status = Path("/proc/self/status").read_text()
print(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
"""
# (The first run fills the caches, as any first run would: building the vocabulary from
# wordfreq's list takes far more memory than using it.)


def peak_memory_mb(seeds_dir: Path, env: dict[str, str]) -> float:
    """Peak RSS, in MB (10**6 bytes), of a fresh process with all lexicons loaded and used, its
    caches filled by a first run."""
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", _MEMORY_SCRIPT, str(seeds_dir)], capture_output=True,
                             check=True, env=env, text=True).stdout
    kilobytes = int(out.split()[-1])
    return kilobytes * 1024 / 1e6


def _real_lines(count: int) -> list[str]:
    """Every n-th non-keep entry of the packaged lexicons, as lexicon lines."""
    entries = [e for e in textfix.Fixer().lexicon.entries if e.cls != "keep" and e.family == "news"]
    step = max(1, len(entries) // count)
    return [_line(e.spun, e.original, e.cls, e.context) for e in entries[::step][:count]]


def _line(spun: str, original: str, cls: str, context: str) -> str:
    return "\t".join([spun, original, cls, context]) if context else "\t".join([spun, original, cls])


def _synthetic_lines(documents: list[str], repaired: list[str], count: int, taken: set[str]) -> list[str]:
    """`count` entries from the documents' words: phrases of the text (matched, never firing),
    one in MATCHED_EVERY, and word pairs that neither the text nor its repair by the real
    entries has (looked up, never matched: a pair that a restoration makes would fire)."""
    words = [w for d in dict.fromkeys(documents) for w in _WORD.findall(d.lower())]
    present = {" ".join(words[i:i + n]) for n in (2, 3) for i in range(len(words) - n + 1)}
    following: dict[str, set[str]] = {}
    for text in (*dict.fromkeys(documents), *repaired):
        # any run of non-letters may stand between two words that a key matches across
        text_words = _WORD.findall(text.lower())
        for a, b in zip(text_words, text_words[1:]):
            following.setdefault(a, set()).add(b)
    vocabulary = sorted(set(words))
    lines: list[str] = []
    matched = iter(sorted(present - taken))
    pairs = ((a, b) for a, b in itertools.product(vocabulary, repeat=2) if a != b and b not in following.get(a, ()))
    while len(lines) < count:
        phrase = next(matched, None)
        if phrase is not None and len(lines) % MATCHED_EVERY == 0:
            lines.append(_line(phrase, phrase.upper(), "evidence", _NEVER))
            continue
        a, b = next(pairs)
        lines.append(_line(f"{a} {b}", f"{b} {a}", "unambiguous", ""))
    return lines


def _config(lines: list[str], path: Path) -> textfix.Config:
    path.write_text("# textfix-lexicon 1\n# family: news\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return textfix.Config(builtin=False, lexicons=(str(path),))


def lexicon_configs(documents: list[str], directory: Path) -> dict[int, textfix.Config]:
    """A config with a lexicon of each size, written under `directory`."""
    real = _real_lines(REAL_ENTRIES)
    real_only = textfix.Fixer(_config(real, directory / "lexicon-real.tsv"))
    repaired = [real_only.fix(d) for d in dict.fromkeys(documents)]
    taken = {line.split("\t")[0].lower() for line in real}
    synthetic = _synthetic_lines(documents, repaired, max(LEXICON_SIZES) - len(real), taken)
    return {size: _config(real + synthetic[:size - len(real)], directory / f"lexicon-{size}.tsv")
            for size in LEXICON_SIZES}


def _changes(fixer: textfix.Fixer, documents: list[str]) -> list[list[tuple[int, int, str, str]]]:
    """What a fixer changes in each document, without the rule names (which name its file)."""
    return [[(e.start, e.end, e.before, e.after) for e in fixer.explain(d).edits] for d in documents]


def input_scaling(seeds: list[str], sizes: tuple[float, float],
                  best_seconds: Callable[[Callable[[str], object], list[str]], float]) -> dict[str, float]:
    """fix_text's throughput (MB/s) on the seeds repeated to each size in MB."""
    seed_bytes = sum(len(s.encode("utf-8")) for s in seeds)
    rates = {}
    for megabytes in sizes:
        copies = max(1, round(megabytes * 1e6 / seed_bytes))
        rates[f"{megabytes:g}"] = copies * seed_bytes / 1e6 / best_seconds(textfix.fix_text, seeds * copies)
    return rates


def lexicon_scaling(documents: list[str], best_seconds: Callable[[Callable[[str], object], list[str]], float]
                    ) -> dict[str, float]:
    """fix_text's throughput (MB/s) over the documents with each lexicon size."""
    megabytes = sum(len(d.encode("utf-8")) for d in documents) / 1e6
    distinct = list(dict.fromkeys(documents))
    rates = {}
    expected = None
    with tempfile.TemporaryDirectory(prefix="textfix-scaling-") as directory:
        for size, config in lexicon_configs(documents, Path(directory)).items():
            fixer = textfix.Fixer(config)
            changes = _changes(fixer, distinct)  # also compiles the lexicon before timing
            expected = changes if expected is None else expected
            if changes != expected:
                raise SystemExit(f"scaling.py: the {size}-entry lexicon's synthetic entries change the text, "
                                 f"so its throughput would time other work than the {LEXICON_SIZES[0]}-entry one's")
            rates[str(size)] = megabytes / best_seconds(fixer.fix, documents)
    return rates
