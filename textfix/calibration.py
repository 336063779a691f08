"""The detection score: the probability that a text is spun, from the evidence it shows.

A Poisson model of two kinds of evidence per 100 words: unambiguous fingerprints, and
ambiguous entries whose context holds (read as if the text were known to be spun). Spun and
clean text each have a rate of both, fitted on labelled development documents by
`python tools/fit_detection.py`, which writes detection_model.json. The log-likelihood ratio of
a text's counts, plus the prior log-odds (the share of spun text assumed in a corpus), is the
log-odds of the score. Rates are per 100 words and a text counts as at least 100 words, so a
short text is judged on its counts and a long one on its density: a stray match in a long
document weighs little against its length.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

MODEL_PATH = Path(__file__).with_name("detection_model.json")
UNIT_WORDS = 100


class Model(NamedTuple):
    prior: float  # the share of spun texts assumed
    spun_fingerprints: float  # rates per 100 words
    clean_fingerprints: float
    spun_context: float
    clean_context: float


@lru_cache(maxsize=1)
def model() -> Model:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return Model(data["prior"], *(data["rates"][k] for k in (
        "spun_fingerprints", "clean_fingerprints", "spun_context", "clean_context")))


def log_odds(fingerprints: int, context: int, words: int, m: Model | None = None) -> float:
    m = m or model()
    units = max(1.0, words / UNIT_WORDS)
    return (math.log(m.prior / (1 - m.prior))
            + fingerprints * math.log(m.spun_fingerprints / m.clean_fingerprints)
            + context * math.log(m.spun_context / m.clean_context)
            - units * (m.spun_fingerprints - m.clean_fingerprints + m.spun_context - m.clean_context))


def detection_score(fingerprints: int, context: int, words: int) -> float:
    """The probability, under the fitted model, that a text with these counts is spun."""
    z = log_odds(fingerprints, context, words)
    return 1 / (1 + math.exp(-z)) if z > -700 else 0.0
