"""Align a spun text with its original: sentence by sentence, then word by word.

Learning and tracing both need to know which original words a spun word stands for. The
sentences are paired by a monotone dynamic programme over rapidfuzz similarities that lets a
sentence be dropped, inserted or merged with its neighbour; each pair of sentences is then
aligned on word tokens with a Levenshtein alignment, whose replace steps pair a spun word with
the word it displaced.
"""
from __future__ import annotations

from typing import Iterator, NamedTuple

import regex
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

# A sentence ends at . ! ? (with closing quotes or brackets after it) before white space and an
# opening capital, digit or quote; a line break always ends one.
_SENTENCE_END = regex.compile(r"(?<=[.!?][\"'”’)\]]*)\s+(?=[\"“‘(\[]?[\p{Lu}\d])|\s*\n\s*")
_WORD = regex.compile(r"\w+(?:['’‐‑-]\w+)*|[^\w\s]")

# Below this similarity (0-100) two sentences are not a pair: unrelated English sentences
# score about 30-45 with fuzz.ratio, a spun sentence against its original 65-90.
PAIR_THRESHOLD = 55.0
MAX_SENTENCE = 2000


class Sentence(NamedTuple):
    """A sentence and where it lies in its text."""

    text: str
    start: int
    end: int


class SentencePair(NamedTuple):
    """Aligned sentences: several on one side when the other side merged them."""

    spun: tuple[Sentence, ...]
    original: tuple[Sentence, ...]
    similarity: float  # 0-100, fuzz.ratio of the joined sentences


class Token(NamedTuple):
    text: str
    start: int  # offset in the sentence


class Run(NamedTuple):
    """A stretch of spun tokens that the original has differently (one side may be empty)."""

    spun: tuple[Token, ...]
    original: tuple[Token, ...]
    spun_index: int  # where the run starts among the spun sentence's tokens
    original_index: int  # and among the original's


def sentences(text: str) -> list[Sentence]:
    """The sentences of text with their offsets (blank stretches are skipped).

    A "sentence" longer than MAX_SENTENCE characters (a text without stops, a table) is cut at
    spaces into pieces of about that length, which keeps every alignment step bounded.
    """
    out = []
    position = 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.start() if match else len(text)
        for start, stop in _pieces(text, position, end):
            piece = text[start:stop]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                out.append(Sentence(piece.strip(), start + lead, start + lead + len(piece.strip())))
        if match:
            position = match.end()
    return out


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        yield start, cut
        start = cut
    yield start, end


def tokens(sentence: str) -> list[Token]:
    """Words (with inner apostrophes and hyphens) and single punctuation marks."""
    return [Token(m.group(), m.start()) for m in _WORD.finditer(sentence)]


def _key(token: str) -> str:
    return token.lower().replace("’", "'")


def _may_merge(first: float, second: float) -> bool:
    """Whether two sentences may be one on the other side, from their gains against it alone.

    Half of a merged sentence scores about two thirds of the pair's likeness against the
    whole (65-90 becomes 45-60), a short half less; a half that is a good pair on its own needs
    no merge.
    """
    return max(first, second) > -5 and min(first, second) > -25 and max(first, second) < 15


def align_sentences(spun: list[Sentence], original: list[Sentence], band: int = 40) -> list[SentencePair]:
    """Pair the sentences of two texts in order, allowing drops, insertions and 2-to-1 merges.

    The programme maximises the summed similarity above PAIR_THRESHOLD, so an unrelated pair
    is never worth taking and a skipped sentence costs nothing. Cells further than `band`
    from the (scaled) diagonal are not visited, which keeps long documents linear.
    """
    n, m = len(spun), len(original)
    if not n or not m:
        return []
    width = max(band, abs(n - m) + band)
    spun_keys = [s.text.lower() for s in spun]
    original_keys = [o.text.lower() for o in original]
    # similarities only inside the band: row i holds columns lows[i] .. lows[i] + len(row) - 1
    lows, rows = [], []
    for i in range(n):
        centre = int((i + 0.5) * m / n)
        lo, hi = max(0, centre - width - 1), min(m, centre + width + 2)
        lows.append(lo)
        rows.append(process.cdist([spun_keys[i]], original_keys[lo:hi], scorer=fuzz.ratio, dtype="float32")[0])

    def gain(i: int, j: int) -> float:
        k = j - lows[i]
        return float(rows[i][k]) - PAIR_THRESHOLD if 0 <= k < len(rows[i]) else -PAIR_THRESHOLD
    best = {(0, 0): (0.0, None)}  # (i, j) -> (score, (previous cell, step))

    def merged(spun_range: tuple[int, int], original_range: tuple[int, int]) -> float:
        a = " ".join(s.text for s in spun[spun_range[0]:spun_range[1]]).lower()
        b = " ".join(o.text for o in original[original_range[0]:original_range[1]]).lower()
        return fuzz.ratio(a, b, score_cutoff=PAIR_THRESHOLD) - PAIR_THRESHOLD

    for i in range(n + 1):
        centre = i * m / n
        for j in range(max(0, int(centre) - width), min(m, int(centre) + width) + 1):
            if (i, j) == (0, 0):
                continue
            options = []
            if i and (i - 1, j) in best:
                options.append((best[(i - 1, j)][0], ((i - 1, j), "skip")))
            if j and (i, j - 1) in best:
                options.append((best[(i, j - 1)][0], ((i, j - 1), "skip")))
            if i and j and (i - 1, j - 1) in best and gain(i - 1, j - 1) > 0:
                options.append((best[(i - 1, j - 1)][0] + float(gain(i - 1, j - 1)), ((i - 1, j - 1), "pair")))
            if i > 1 and j and (i - 2, j - 1) in best and _may_merge(gain(i - 2, j - 1), gain(i - 1, j - 1)):
                g = merged((i - 2, i), (j - 1, j))
                if g > 0:
                    options.append((best[(i - 2, j - 1)][0] + g, ((i - 2, j - 1), "pair")))
            if i and j > 1 and (i - 1, j - 2) in best and _may_merge(gain(i - 1, j - 2), gain(i - 1, j - 1)):
                g = merged((i - 1, i), (j - 2, j))
                if g > 0:
                    options.append((best[(i - 1, j - 2)][0] + g, ((i - 1, j - 2), "pair")))
            if options:
                best[(i, j)] = max(options, key=lambda option: option[0])
    cell = (n, m)
    pairs = []
    while cell != (0, 0):
        _, (previous, step) = best[cell]
        if step == "pair":
            s = tuple(spun[previous[0]:cell[0]])
            o = tuple(original[previous[1]:cell[1]])
            similarity = fuzz.ratio(" ".join(x.text for x in s).lower(), " ".join(x.text for x in o).lower())
            pairs.append(SentencePair(s, o, similarity))
        cell = previous
    return pairs[::-1]


def _joined(sentences_: tuple[Sentence, ...]) -> str:
    return " ".join(s.text for s in sentences_)


def word_runs(pair: SentencePair) -> list[Run]:
    """The stretches where the spun sentence(s) differ from the original, word by word.

    A Levenshtein alignment of the lower-cased tokens; consecutive non-matching steps are
    joined into one run, so "going to prefer" against "like" is one run, not three.
    """
    spun_tokens = tokens(_joined(pair.spun))
    original_tokens = tokens(_joined(pair.original))
    spun_keys = [_key(t.text) for t in spun_tokens]
    original_keys = [_key(t.text) for t in original_tokens]
    runs: list[Run] = []
    pending: list[tuple[int, int, int, int]] = []

    def flush() -> None:
        if not pending:
            return
        i1, j1 = pending[0][0], pending[0][2]
        i2, j2 = pending[-1][1], pending[-1][3]
        runs.append(Run(tuple(spun_tokens[i1:i2]), tuple(original_tokens[j1:j2]), i1, j1))
        pending.clear()

    for op in Levenshtein.opcodes(spun_keys, original_keys):
        if op.tag == "equal":
            flush()
        else:
            pending.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    flush()
    return runs


def align(spun: str, original: str) -> list[SentencePair]:
    """The sentence pairs of a spun text and its original."""
    return align_sentences(sentences(spun), sentences(original))
