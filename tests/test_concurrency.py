"""Threads: fix_text from 8 threads at once gives what sequential calls give, and the lazy
loading of lexicons and vocabulary is race-free, even when the threads find the cache empty."""
from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import CORPUS, ROOT

RACE = textwrap.dedent(
    """
    import glob, sys, threading
    import textfix
    from textfix.vocabulary import english_vocabulary

    docs = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(sys.argv[1] + "/seeds/*.txt"))]
    docs += [line for line in open(sys.argv[1] + "/clean/lee_background.txt", encoding="utf-8")][:40]
    docs += [d.replace("said", "mentioned") for d in docs[:5]]  # more evidence decisions
    start = threading.Barrier(8)
    results = [None] * 8
    loaded = [None] * 8
    shared = textfix.Fixer()

    def work(slot):
        start.wait()  # all eight ask for the (not yet loaded) lexicon at the same moment
        fixer = shared if slot % 2 else textfix.Fixer()
        results[slot] = [(fixer.explain(d), textfix.fix_text(d), textfix.detect(d)) for d in docs]
        loaded[slot] = (fixer.lexicon, english_vocabulary())

    threads = [threading.Thread(target=work, args=(slot,)) for slot in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    sequential = [(textfix.Fixer().explain(d), textfix.fix_text(d), textfix.detect(d)) for d in docs]
    assert len({id(part) for pair in loaded for part in pair}) == 2, "loaded more than once"
    assert all(r == sequential for r in results), "a thread's results differ from the sequential ones"
    assert sum(len(explained.edits) for explained, _, _ in sequential) > 100
    print("same", len(docs))
    """
)


def test_eight_threads_give_the_sequential_results_from_a_cold_start(tmp_path):
    env = {"TEXTFIX_CACHE_DIR": str(tmp_path / "cache"), "PATH": "", "PYTHONHASHSEED": "0"}
    run = subprocess.run([sys.executable, "-c", RACE, str(CORPUS)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["same", "50"]
