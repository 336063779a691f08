"""English word frequencies from wordfreq, used where lexicons are compiled, never per token.

The engine needs two figures: whether a token is an ordinary English word (the fuzzy pass
only considers tokens that are not), and the Zipf frequency of each side of an entry (a prior:
spinners trade common words for rarer ones). Both are computed once and cached on disk.
"""
from __future__ import annotations

import math
from functools import lru_cache

from .cache import cached

# Tokens shorter than this are never fuzzy-matched, so the vocabulary need not hold them.
FUZZY_MIN_LENGTH = 5


def _wordfreq_version() -> str:
    from importlib.metadata import version

    return version("wordfreq")


@lru_cache(maxsize=1)
def frequencies() -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict("en")


def _build_vocabulary() -> frozenset[str]:
    return frozenset(w for w in frequencies() if len(w) >= FUZZY_MIN_LENGTH and w.isalpha())


@lru_cache(maxsize=1)
def english_vocabulary() -> frozenset[str]:
    """Every English word wordfreq knows of FUZZY_MIN_LENGTH letters or more (lower case)."""
    return cached("vocabulary", _wordfreq_version().replace(".", "_"), _build_vocabulary)


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
