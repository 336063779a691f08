"""The atheris fuzz targets: every input that once failed is replayed, and each target runs a
short coverage-guided session from the seed inputs (60 seconds in all; set
TEXTFIX_FUZZ_SECONDS for a longer run). Where atheris is not installed these tests skip; in CI
(CI set in the environment) a missing atheris is a failure."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

FUZZ = ROOT / "fuzz"
TARGETS = ("fix", "detect", "lexicon")
SEEDS = {"fix": "text", "detect": "text", "lexicon": "lexicon"}
TOTAL_SECONDS = int(os.environ.get("TEXTFIX_FUZZ_SECONDS", "60"))

try:
    import atheris  # noqa: F401
except ImportError:
    if os.environ.get("CI"):
        raise
    pytest.skip("atheris is not installed (pip install -e '.[test]' installs it)", allow_module_level=True)


def fuzz(target: str, *arguments: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, str(FUZZ / "fuzz_textfix.py"), target, *arguments], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=TOTAL_SECONDS + 600)


@pytest.mark.parametrize("target", TARGETS)
def test_inputs_that_once_failed_pass(target, tmp_path):
    inputs = sorted((FUZZ / "regressions" / target).glob("*")) + sorted((FUZZ / "seeds" / SEEDS[target]).glob("*"))
    assert inputs
    run = fuzz(target, *map(str, inputs), cwd=tmp_path)
    assert run.returncode == 0, run.stderr[-3000:]
    assert f"Running: {inputs[-1]}" in run.stderr


@pytest.mark.parametrize("target", TARGETS)
def test_a_fuzz_session_finds_nothing(target, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(FUZZ / "seeds" / SEEDS[target], corpus)  # the fuzzer adds what it learns here
    seconds = max(1, TOTAL_SECONDS // len(TARGETS))
    run = fuzz(target, f"-max_total_time={seconds}", "-rss_limit_mb=4096", "-timeout=30",
               f"-artifact_prefix={tmp_path}/", str(corpus), cwd=tmp_path)
    crashes = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("crash-", "timeout-", "oom-")))
    assert run.returncode == 0 and not crashes, (crashes, run.stderr[-3000:])
    assert "Done" in run.stderr
