"""The wheel, built and installed into a fresh virtual environment, runs on a corpus article
from outside the source tree, and gives the same bytes as the source tree's engine."""
from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import textfix
from conftest import CORPUS, ROOT


def test_wheel_installs_into_a_fresh_environment_and_runs(tmp_path: Path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
        check=True, timeout=600,
    )
    (wheel,) = dist.glob("textfix-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "textfix/lexicons/news.tsv" in names and "textfix/cli.py" in names
    assert {"textfix/review_page/page.html", "textfix/review_page/page.css", "textfix/review_page/page.js"} <= set(names)

    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True, timeout=900)

    (article,) = (CORPUS / "seeds").glob("001_*.txt")
    env = {**os.environ, "TEXTFIX_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("PYTHONPATH", None)
    result = subprocess.run(
        [str(env_dir / "bin" / "textfix"), str(article)], capture_output=True, cwd=tmp_path, env=env, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == textfix.fix_text(article.read_text(encoding="utf-8"))
    assert result.stdout != article.read_bytes()

    where = subprocess.run(
        [str(python), "-c", "import textfix; print(textfix.__file__)"],
        capture_output=True, text=True, cwd=tmp_path, env=env, check=True,
    ).stdout
    assert str(env_dir) in where
    module = subprocess.run([str(python), "-m", "textfix", "--version"], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert module.stdout.strip() == f"textfix {textfix.__version__}"
    report = subprocess.run([str(env_dir / "bin" / "textfix"), "report", str(article)],
                            capture_output=True, text=True, cwd=tmp_path, env=env)
    assert report.returncode == 0 and 'id="report-data"' in report.stdout and "{{" not in report.stdout[:2000]
