"""English word frequencies from wordfreq, used where lexicons are compiled, never per token.

The engine needs two figures: whether a token is an ordinary English word (the fuzzy pass
only considers tokens that are not), and the Zipf frequency of each side of an entry (a prior:
spinners trade common words for rarer ones). Both are computed once and cached on disk.
"""
from __future__ import annotations

import math
import os
import threading
from functools import lru_cache

import marisa_trie

from .cache import cache_dir

# Tokens shorter than this are never fuzzy-matched, so the vocabulary need not hold them.
FUZZY_MIN_LENGTH = 5


def _wordfreq_version() -> str:
    from importlib.metadata import version

    return version("wordfreq")


@lru_cache(maxsize=1)
def frequencies() -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict("en")


def _build_vocabulary() -> marisa_trie.Trie:
    return marisa_trie.Trie(w for w in frequencies() if len(w) >= FUZZY_MIN_LENGTH and w.isalpha())


class Vocabulary:
    """Which words are not ordinary English: not in wordfreq's list, and long enough and
    alphabetic enough for the fuzzy pass to consider.

    The list is a marisa trie, memory-mapped from the cache: ready in well under a millisecond,
    where a Python set of a quarter of a million words takes tens of milliseconds to load. The
    words a process has already found ordinary are remembered in a set, so a long run asks the
    trie only about words it has not met yet."""

    def __init__(self, trie: marisa_trie.Trie) -> None:
        self._trie = trie
        self._ordinary: set[str] = set()

    def strangers(self, words: set[str]) -> set[str]:
        """The words of a set that are not ordinary English."""
        fresh = words - self._ordinary
        if not fresh:
            return fresh
        # Only words of the list are remembered, so the memory stays bounded by its size
        # however many distinct numbers and short tokens a long run meets.
        candidates = {w for w in fresh if len(w) >= FUZZY_MIN_LENGTH and w.isalpha()}
        known = {w for w in candidates if w in self._trie}
        self._ordinary |= known
        return candidates - known


_vocabulary: Vocabulary | None = None
_vocabulary_lock = threading.Lock()


def english_vocabulary() -> Vocabulary:
    """Every English word wordfreq knows of FUZZY_MIN_LENGTH letters or more (lower case):
    built once per process, under a lock, as threads may ask for it at the same time."""
    global _vocabulary
    if _vocabulary is None:
        with _vocabulary_lock:
            if _vocabulary is None:
                _vocabulary = Vocabulary(_english_trie())
    return _vocabulary


def _english_trie() -> marisa_trie.Trie:
    path = cache_dir() / f"vocabulary-{_wordfreq_version()}.marisa"
    trie = marisa_trie.Trie()
    try:
        return trie.mmap(str(path))
    except Exception:  # not built yet, or unreadable: build it, and keep it when we can
        pass
    trie = _build_vocabulary()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only a cache miss writes: most runs never need it

        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".vocabulary-")
        os.close(fd)
        trie.save(tmp)
        os.replace(tmp, path)
    except OSError:
        pass
    return trie


def zipf(phrase_tokens: tuple[str, ...]) -> float:
    """Zipf frequency of a phrase, combining its words as wordfreq does (0 when unknown)."""
    freqs = frequencies()
    inverse = 0.0
    for token in phrase_tokens:
        f = freqs.get(token.replace("'", "’")) or freqs.get(token)
        if not f:
            return 0.0
        inverse += 1.0 / f
    return round(math.log10(1e9 / inverse), 2) if inverse else 0.0
