"""Find the source a spun text was made from among candidate documents (`textfix trace`).

A spinner changes only the words its thesaurus holds; every other word (names, numbers, the
words it has no synonym for) comes through in the same order. These "immutables" (the idea
of DSpin, Zhang et al., NDSS 2014) are what the lexicons do not list as swapped. Tracing ranks
candidates in two steps:

1. a prefilter over all candidates: the share of the spun text's immutable-word trigrams
   that the candidate contains (sets of hashed trigrams, no alignment);
2. for the shortlist, the similarity of the restored text (textfix's repair of the spun
   text) to the candidate, sentence by sentence with rapidfuzz.

The score is the mean of the two; a candidate left out of the shortlist is scored on its
prefilter alone (its restored similarity counted as 0), which only ever lowers it.
"""
from __future__ import annotations

import argparse
import json
import sys
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, NamedTuple

from rapidfuzz import fuzz, process

from .align import SentencePair, align, sentences, tokens, word_runs
from .cli_io import InputError, encode, json_text_fields, read_input, write_output
from .compiled import compiled_lexicon
from .config import Config, resolve
from .engine import Fixer
from .lexicon import LexiconError
from .tokens import TokenStream, normalise

SHORTLIST = 20
# fuzz.ratio of a restored sentence to its best match in an unrelated English text is about
# 40-50; only what lies above this floor counts as likeness.
_SENTENCE_FLOOR = 50.0


class Scored(NamedTuple):
    """One candidate's score (0-1) and the two measures it is made of."""

    name: str
    score: float
    immutables: float  # share of the spun text's immutable trigrams found in the candidate
    restored: float | None  # restored text's sentence likeness; None outside the shortlist


class Traced(NamedTuple):
    """Candidates best first, and the best one's sentence alignment with the spun text."""

    ranking: list[Scored]
    pairs: list[SentencePair]
    immutable_words: int  # immutable words in the spun text (few means little evidence)

    def marked_pairs(self) -> list[tuple[str, str, str]]:
        """(spun sentence, source sentence, the spun sentence with each substitution marked)."""
        return [(" ".join(s.text for s in p.spun), " ".join(o.text for o in p.original), mark(p)) for p in self.pairs]


@lru_cache(maxsize=8)
def _mutable_words(config: Config) -> frozenset[str]:
    """The words the lexicons show the spinner putting in or taking out."""
    words: set[str] = set()
    for entry in compiled_lexicon(config).entries:
        if entry.cls != "keep":
            words.update(set(entry.tokens) ^ set(normalise(entry.original).split()))
    return frozenset(words)


def _immutable_trigrams(text: str, mutable: frozenset[str]) -> tuple[set[int], int]:
    words = [w for w in TokenStream(text).norms if w not in mutable]
    if len(words) < 3:
        return {hash((w,)) for w in words}, len(words)
    return {hash(t) for t in zip(words, words[1:], words[2:])}, len(words)


def _restored_likeness(restored: list[str], candidate: str) -> float:
    """Length-weighted mean of each restored sentence's best likeness to a candidate sentence."""
    candidate_sentences = [s.text.lower() for s in sentences(candidate)]
    if not restored or not candidate_sentences:
        return 0.0
    best = process.cdist(restored, candidate_sentences, scorer=fuzz.ratio, score_cutoff=_SENTENCE_FLOOR,
                         dtype="float32").max(axis=1)
    weights = [len(s) for s in restored]
    likeness = sum(w * max(0.0, (float(b) - _SENTENCE_FLOOR) / (100 - _SENTENCE_FLOOR)) for w, b in zip(weights, best))
    return likeness / sum(weights)


def _named(candidates: Mapping[str, str] | Iterable[tuple[str, str]] | Iterable[str]) -> list[tuple[str, str]]:
    if isinstance(candidates, Mapping):
        return list(candidates.items())
    out = []
    for number, item in enumerate(candidates, start=1):
        out.append((f"candidate {number}", item) if isinstance(item, str) else (str(item[0]), item[1]))
    return out


def trace(spun: str, candidates: Mapping[str, str] | Iterable[tuple[str, str]] | Iterable[str],
          config: Config | None = None, *, shortlist: int = SHORTLIST, **overrides: object) -> Traced:
    """Rank candidate sources of a spun text, best first (see the module docstring)."""
    config = resolve(config, overrides)
    named = _named(candidates)
    mutable = _mutable_words(config)
    spun_trigrams, immutable_words = _immutable_trigrams(spun, mutable)
    prefilter = []
    for name, text in named:
        trigrams, _ = _immutable_trigrams(text, mutable)
        share = len(spun_trigrams & trigrams) / len(spun_trigrams) if spun_trigrams else 0.0
        prefilter.append((share, name, text))
    prefilter.sort(key=lambda item: -item[0])
    restored = [s.text.lower() for s in sentences(Fixer(config, assume_spun=True).fix(spun))]
    ranking = []
    for rank, (share, name, text) in enumerate(prefilter):
        likeness = _restored_likeness(restored, text) if rank < shortlist else None
        ranking.append(Scored(name, (share + (likeness or 0.0)) / 2, share, likeness))
    ranking.sort(key=lambda s: -s.score)
    best_text = dict(named)[ranking[0].name] if ranking else ""
    return Traced(ranking, align(spun, best_text) if ranking else [], immutable_words)


def mark(pair: SentencePair) -> str:
    """The spun sentence with each substitution written [-spun-]{+source+}."""
    text = " ".join(s.text for s in pair.spun)
    spun_tokens = tokens(text)
    pieces, position = [], 0
    for run in word_runs(pair):
        if run.spun:
            start = run.spun[0].start
            end = run.spun[-1].start + len(run.spun[-1].text)
        else:
            start = end = (spun_tokens[run.spun_index].start if run.spun_index < len(spun_tokens) else len(text))
        original = " ".join(t.text for t in run.original)
        pieces.append(text[position:start])
        pieces.append((f"[-{text[start:end]}-]" if end > start else "") + (f"{{+{original}+}}" if original else ""))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _candidate_files(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        elif path.exists():
            files.append(path)
        else:
            raise InputError(f"no such file or directory: {path}")
    return files


def _jsonl_candidates(path: str, field: str, id_field: str | None) -> list[tuple[str, str]]:
    out = []
    for number, record, (body,) in json_text_fields(path, (field,)):
        if id_field and id_field not in record:
            raise InputError(f"{path}: line {number}: no field {id_field!r} to name the candidate")
        out.append((str(record[id_field]) if id_field else f"{path}:{number}", body))
    return out


def main(argv: list[str]) -> int:
    """`textfix trace SPUN CANDIDATE...`: scores per candidate, then the best one's aligned sentences."""
    parser = argparse.ArgumentParser(
        prog="textfix trace",
        description="Rank candidate source documents by how likely SPUN was spun from each. CANDIDATEs are "
        "files or directories of files.",
        epilog="Exit status: 0 on success, 2 on a usage error or unreadable input.")
    parser.add_argument("spun", metavar="SPUN", help="the spun text ('-' for standard input)")
    parser.add_argument("candidates", nargs="*", metavar="CANDIDATE")
    parser.add_argument("--candidates-jsonl", metavar="FILE", help="also read candidates from JSON lines")
    parser.add_argument("--field", default="text", help="with --candidates-jsonl, the text field (default %(default)s)")
    parser.add_argument("--id-field", help="with --candidates-jsonl, the field that names a candidate")
    parser.add_argument("--top", type=int, default=10, metavar="N", help="print the N best candidates (default %(default)s)")
    parser.add_argument("--no-pairs", action="store_true", help="do not print the best candidate's aligned sentences")
    parser.add_argument("--json", action="store_true", help="write one JSON object (ranking and pairs) instead")
    parser.add_argument("--lexicon", metavar="PATH", action="append", default=[], help="add a lexicon file (repeatable)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")
    args = parser.parse_args(argv)
    if not args.candidates and not args.candidates_jsonl:
        parser.print_usage(sys.stderr)
        print("textfix trace: give at least one CANDIDATE or --candidates-jsonl FILE", file=sys.stderr)
        return 2
    try:
        spun, _ = read_input(args.spun)
        named = [(str(p), read_input(str(p))[0]) for p in _candidate_files(args.candidates)]
        if args.candidates_jsonl:
            named += _jsonl_candidates(args.candidates_jsonl, args.field, args.id_field)
        if not named:
            raise InputError("no candidate documents found")
        result = trace(spun, named, Config(lexicons=tuple(args.lexicon)))
        write_output(args.output, [args.spun, *args.candidates], encode(_render(result, args)))
    except (InputError, LexiconError) as exc:
        print(f"textfix trace: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


def _render(result: Traced, args: argparse.Namespace) -> str:
    if args.json:
        return json.dumps({
            "ranking": [s._asdict() for s in result.ranking[:args.top]],
            "candidates": len(result.ranking),
            "immutable_words": result.immutable_words,
            "pairs": [{"spun": a, "source": b, "marked": m} for a, b, m in result.marked_pairs()],
        }, ensure_ascii=False) + "\n"
    lines = [f"{'score':>6}  {'immut.':>6}  {'restored':>8}  candidate"]
    for s in result.ranking[:args.top]:
        restored = f"{s.restored:8.3f}" if s.restored is not None else f"{'-':>8}"
        lines.append(f"{s.score:6.3f}  {s.immutables:6.3f}  {restored}  {s.name}")
    lines.append(f"({len(result.ranking)} candidates; {result.immutable_words} immutable words in the spun text)")
    if not args.no_pairs and result.ranking:
        lines += ["", f"Best: {result.ranking[0].name}: {len(result.pairs)} aligned sentence pairs, "
                  "substitutions as [-spun-]{+source+}", ""]
        lines += [marked for _, _, marked in result.marked_pairs()]
    return "\n".join(lines) + "\n"
