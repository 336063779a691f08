"""Shared paths and fixtures. The compiled-lexicon cache goes to a per-session directory so
tests never depend on (or write to) the user's cache."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

import textfix

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CORPUS = ROOT / "benchmarks" / "corpus"

os.environ.setdefault("TEXTFIX_CACHE_DIR", tempfile.mkdtemp(prefix="textfix-test-cache-"))


def corpus_text(kind: str, stem: str) -> str:
    (path,) = (CORPUS / kind).glob(f"{stem}_*.txt")
    return path.read_text(encoding="utf-8")


def repository_texts() -> list[str]:
    """Every English text the repository holds: the corpus, the development and held-out sets
    (spun, gold and clean) and the Lee documents, one per line."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "seeds").glob("*.txt"))]
    for directory in ("dev", "heldout"):
        texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "benchmarks" / directory).rglob("*.txt"))]
    lee = (CORPUS / "clean" / "lee_background.txt").read_text(encoding="utf-8").splitlines()
    return texts + [line for line in lee if line.strip()]


@pytest.fixture(scope="session")
def spun_001() -> str:
    return corpus_text("seeds", "001")


@pytest.fixture(scope="session")
def spun_004() -> str:
    return corpus_text("seeds", "004")


@pytest.fixture(scope="session")
def spun_lines(spun_001) -> list[str]:
    """The lines of spun article 001, which detect() calls spun, so its gate is open."""
    assert textfix.detect(spun_001).is_spun
    return spun_001.split("\n")


SENTENCE_LINE = 4  # where inside_spun_article puts the sentence


def inside_spun_article(sentence: str, lines: list[str]) -> tuple[list[str], list[str]]:
    """The article's lines with a sentence of its own inserted as line SENTENCE_LINE, and the
    lines fix_text returns for them."""
    given = lines[:SENTENCE_LINE] + [sentence] + lines[SENTENCE_LINE:]
    return given, textfix.fix_text("\n".join(given)).split("\n")
