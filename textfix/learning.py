"""Induce lexicon entries from spun texts held next to their originals (`textfix learn`).

Each pair is aligned sentence by sentence and word by word (textfix.align). A stretch the two
differ in becomes a candidate substitution unless it is something an editor did rather than
the spinner: a changed name, an updated figure, a change of case or punctuation only, or a
rewrite too long to be one thesaurus swap. Candidates from many pairs are merged with their
counts, the contexts they were seen in, a confidence, a suggested class and context, and
whether the packaged lexicons already hold them; they are written as a lexicon file for review.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, NamedTuple

from rapidfuzz import fuzz

from .align import Run, Token, align, tokens, word_runs
from .cli_io import InputError, json_text_fields, read_input, write_output
from .compiled import compiled_lexicon
from .config import Config, resolve
from .lexicon import LexiconError
from .numbers import values
from .rules import FUNCTION_WORDS, QUOTES, STOPS
from .tokens import normalise
from .vocabulary import zipf

# The longest stretch (in words, on either side) still taken for one substitution; longer
# stretches are rewrites. The corpus's longest true one is "keep away from in any respect
# prices" -> "avoid at all costs" (7 words), rare enough to leave to review.
MAX_WORDS = 4
# The share of an occurrence's weight (its sentence similarity) that counts as belief in it.
_OCCURRENCE_BELIEF = {"word": 0.6, "phrase": 0.5, "anchored": 0.3}
# Capitalised words rarer than this (Zipf) as ordinary words are taken for names.
_NAME_ZIPF = 3.0
# Of two nearly identical words, one this rare (or unknown) is a misspelling an editor fixed;
# two common ones ("round", "around") are a swap.
_MISSPELT_ZIPF = 3.0
_CONTEXT_CHARS = 40


@dataclass
class Candidate:
    """One learned substitution, merged over every place it was seen."""

    spun: str
    original: str
    count: int = 0
    contexts: list[str] = field(default_factory=list)  # up to five, the substitution in [brackets]
    confidence: float = 0.0
    suggested_class: str = "evidence"
    suggested_context: str = "*"
    packaged: str = ""  # "" (not held), "same" or "other:ORIGINAL"; packaged_source names the file
    packaged_source: str = ""
    kind: str = "word"  # word, phrase or anchored (a deletion or insertion with a neighbour)
    _neighbours: list[tuple[str, str]] = field(default_factory=list, repr=False)
    _disbelief: float = field(default=1.0, repr=False)

    def as_dict(self) -> dict[str, object]:
        return {
            "spun": self.spun, "original": self.original, "count": self.count,
            "confidence": round(self.confidence, 3), "class": self.suggested_class,
            "context": self.suggested_context, "packaged": self.packaged,
            "packaged_source": self.packaged_source, "kind": self.kind, "contexts": self.contexts,
        }


@dataclass
class Learned:
    """What learning found: candidates (most frequent first) and what it set aside, by reason."""

    candidates: list[Candidate]
    pairs: int
    sentence_pairs: int
    skipped: Counter

    def lexicon(self, family: str = "learned") -> str:
        """The candidates as a lexicon file, each preceded by a comment with its evidence."""
        lines = [
            "# textfix-lexicon 1",
            f"# family: {family}",
            f"# description: candidate substitutions learned from {self.pairs} spun/original pair(s) "
            f"({self.sentence_pairs} aligned sentence pairs); review before use",
            "# source: textfix learn",
            "#",
            "# Each entry is preceded by: count, confidence, whether the packaged lexicons hold it,",
            "# and up to five contexts it was seen in (the spun words in [brackets]).",
        ]
        if self.skipped:
            lines.append("# set aside: " + ", ".join(f"{n} {reason}" for reason, n in self.skipped.most_common()))
        for c in self.candidates:
            held = {"": "no", "same": f"yes ({c.packaged_source})"}.get(
                c.packaged, f"as {c.packaged.partition(':')[2]!r} ({c.packaged_source})")
            seen = " | ".join(c.contexts)
            lines += ["", f"# count {c.count}, confidence {c.confidence:.2f}, packaged: {held}; seen: {seen}"]
            if c.suggested_class == "unresolved":
                lines.append(f"# unresolved (no context seen separates it from another original): {c.spun}\t{c.original}")
                continue
            entry = [c.spun, c.original, c.suggested_class]
            if c.suggested_class == "evidence":
                entry.append(c.suggested_context)
            lines.append("\t".join(entry))
        return "\n".join(lines) + "\n"

    def jsonl(self) -> str:
        return "".join(json.dumps(c.as_dict(), ensure_ascii=False) + "\n" for c in self.candidates)


def _words(run_tokens: tuple[Token, ...]) -> list[str]:
    return [t.text for t in run_tokens]


def _is_word(text: str) -> bool:
    return text[:1].isalnum()


def _is_name(token: str) -> bool:
    return token[:1].isupper() and zipf((normalise(token),)) < _NAME_ZIPF


def _within(some: list[float], others: list[float]) -> bool:
    return not Counter(some) - Counter(others)


def _set_aside(spun: list[str], original: list[str]) -> str | None:
    """Why a differing stretch is not a spinner's substitution (None when it is one)."""
    if not any(map(_is_word, spun + original)):
        return "punctuation"
    if [normalise(w) for w in spun] == [normalise(w) for w in original]:
        return "case"
    spun_values, original_values = values(spun), values(original)
    if spun_values and original_values and not _within(spun_values, original_values) \
            and not _within(original_values, spun_values):
        return "changed number"  # the spinner keeps every figure, adding at most "12" (year -> 12 months)
    spun_words = [w for w in spun if _is_word(w)]
    original_words = [w for w in original if _is_word(w)]
    if spun_words and original_words and all(map(_is_name, spun_words)) and all(map(_is_name, original_words)):
        return "changed name"
    if len(spun) == 1 and len(original) == 1 and fuzz.ratio(normalise(spun[0]), normalise(original[0])) >= 85 \
            and min(zipf((normalise(spun[0]),)), zipf((normalise(original[0]),))) < _MISSPELT_ZIPF:
        return "spelling"
    return None


class Unit(NamedTuple):
    """One substitution inside a run: its place among the spun sentence's tokens and its words."""

    lo: int
    hi: int
    spun: list[str]
    original: list[str]
    kind: str  # word, phrase or anchored


def _units(run: Run, sentence: list[Token]) -> Iterator[Unit | str]:
    """The substitutions a run holds, or the reason each part of it is set aside.

    A run of as many words on both sides is taken word for word (the spinner swaps words one
    by one) and, when short, also as a phrase; other runs are one phrase. A word dropped or
    added is taken with its neighbour, which both sides share.
    """
    spun, original = _words(run.spun), _words(run.original)
    if len(spun) > MAX_WORDS or len(original) > MAX_WORDS:
        yield "rewrite"
        return
    start = run.spun_index
    end = start + len(spun)
    if spun and original and len(spun) == len(original):
        reasons = []
        for k, (a, b) in enumerate(zip(spun, original)):
            reason = _set_aside([a], [b])
            reasons.append(reason)
            if reason is None:
                yield Unit(start + k, start + k + 1, [a], [b], "word")
            elif reason != "case":
                yield reason
        if 1 < len(spun) <= 3 and all(r in (None, "case") for r in reasons):
            yield Unit(start, end, spun, original, "phrase")
        return
    if spun and original:
        unit = Unit(start, end, spun, original, "phrase")
    elif start > 0 and _is_word(sentence[start - 1].text):
        anchor = sentence[start - 1].text
        unit = Unit(start - 1, end, [anchor, *spun], [anchor, *original], "anchored")
    elif end < len(sentence) and _is_word(sentence[end].text):
        anchor = sentence[end].text
        unit = Unit(start, end + 1, [*spun, anchor], [*original, anchor], "anchored")
    else:
        yield "unanchored"
        return
    yield _set_aside(unit.spun, unit.original) or unit


def _cased(words: list[str], sentence_start: bool) -> str:
    """A lexicon key's casing: lower case unless a capital is there for its own sake (a name)."""
    out = []
    for i, word in enumerate(words):
        keep = word[:1].isupper() and not (sentence_start and i == 0) and normalise(word) not in FUNCTION_WORDS
        out.append(word if keep else word.lower())
    return " ".join(out)


def _token_class(token: str) -> str:
    if not token:
        return "START"
    if token[0].isdigit():
        return "NUM"
    if token[0].isupper() and normalise(token) not in FUNCTION_WORDS:
        return "NAME"
    if token == ",":
        return "COMMA"
    if token in STOPS:
        return "STOP"
    if token in QUOTES:
        return "QUOTE"
    return "word"


def _suggest(candidate: Candidate) -> None:
    """A class and context to start the review from.

    A phrase of several words that the spinner wrote is rarely natural prose, so it is
    suggested unambiguous; a single word is an English word in its own right and gets evidence
    with the narrowest context that covers every place it was seen.
    """
    if len(candidate.spun.split()) > 1 and candidate.kind != "anchored":
        candidate.suggested_class = "unambiguous"
        return
    candidate.suggested_class = "evidence"
    for position, index in (("next", 1), ("prev", 0)):
        classes = {_token_class(n[index]) for n in candidate._neighbours}
        if len(classes) == 1 and classes.pop() in {"NAME", "NUM", "STOP", "COMMA", "QUOTE"}:
            candidate.suggested_context = f"{position}:{_token_class(candidate._neighbours[0][index])}"
            return
    candidate.suggested_context = _exact_context(candidate, most=3) or "*"


def _lower_where_any(seen: str, new: str) -> str:
    if len(seen) != len(new):
        return seen
    return "".join(a.lower() if a != b and a.lower() == b.lower() else a for a, b in zip(seen, new))


def _exact_context(candidate: Candidate, most: int | None = None) -> str | None:
    """The context naming the very words seen next to (or else before) the phrase, when they
    are words (and no more than `most` of them)."""
    for position, index in (("next", 1), ("prev", 0)):
        words = sorted({normalise(n[index]) for n in candidate._neighbours})
        if all(_is_word(w) for w in words) and (most is None or len(words) <= most):
            return f"{position}:{'/'.join(words)}"
    return None


def _ordered(candidates: list[Candidate]) -> list[Candidate]:
    """Most frequent first; a spun phrase learned with several originals is written as one group.

    The engine takes the first line whose context holds, so in a group the commonest original
    goes last with the widest context, and each other one goes before it with a context naming
    exactly the words it was seen beside. One whose words coincide with an earlier one's is
    marked unresolved (written commented out): no context separates them, and review has to.
    """
    groups: dict[str, list[Candidate]] = {}
    for c in sorted(candidates, key=lambda c: (-c.count, -c.confidence, c.spun, c.original)):
        groups.setdefault(normalise(c.spun), []).append(c)
    out = []
    for group in groups.values():
        main, others = group[0], group[1:]
        if others and main.suggested_class == "unambiguous":
            main.suggested_class, main.suggested_context = "evidence", "*"
        used = {main.suggested_context}
        for other in others:
            context = _exact_context(other)
            if context is None or context in used:
                other.suggested_class, other.suggested_context = "unresolved", ""
            else:
                other.suggested_class, other.suggested_context = "evidence", context
                used.add(context)
            out.append(other)
        out.append(main)
    return out


class Learner:
    """Accumulates candidates over pairs; `result()` merges and annotates them."""

    def __init__(self, config: Config | None = None, **overrides: object) -> None:
        self.config = resolve(config, overrides)
        self.candidates: dict[tuple[str, str], Candidate] = {}
        self.skipped: Counter = Counter()
        self.pairs = 0
        self.sentence_pairs = 0

    def add(self, spun: str, original: str) -> None:
        """Learn from one spun text and its original."""
        self.pairs += 1
        for pair in align(spun, original):
            self.sentence_pairs += 1
            sentence_text = " ".join(s.text for s in pair.spun)
            sentence = tokens(sentence_text)
            weight = pair.similarity / 100
            for run in word_runs(pair):
                for unit in _units(run, sentence):
                    if isinstance(unit, str):
                        self.skipped[unit] += 1
                        continue
                    at_start = unit.lo == 0 or (unit.lo == 1 and sentence[0].text in QUOTES)
                    original_at_start = at_start and (run.original_index == 0 or not run.original)
                    self._record(_cased(unit.spun, at_start), _cased(unit.original, original_at_start), unit.kind,
                                 weight, sentence_text, sentence, unit.lo, unit.hi)

    def _record(self, spun: str, original: str, kind: str, weight: float, text: str, sentence: list[Token],
                lo: int, hi: int) -> None:
        key = (normalise(spun), normalise(original))
        candidate = self.candidates.get(key)
        if candidate is None:
            candidate = self.candidates[key] = Candidate(spun, original, kind=kind)
        # a capital stays in the key only if every occurrence has it
        candidate.spun = _lower_where_any(candidate.spun, spun)
        candidate.original = _lower_where_any(candidate.original, original)
        candidate.count += 1
        candidate._disbelief *= 1 - _OCCURRENCE_BELIEF[kind] * weight
        candidate._neighbours.append((sentence[lo - 1].text if lo else "", sentence[hi].text if hi < len(sentence) else ""))
        if len(candidate.contexts) < 5:
            a, b = sentence[lo].start, sentence[hi - 1].start + len(sentence[hi - 1].text)
            left = text[max(0, a - _CONTEXT_CHARS):a]
            right = text[b:b + _CONTEXT_CHARS]
            candidate.contexts.append(f"{'…' if a > _CONTEXT_CHARS else ''}{left}[{text[a:b]}]{right}"
                                      f"{'…' if b + _CONTEXT_CHARS < len(text) else ''}")

    def result(self, min_count: int = 1) -> Learned:
        """The candidates seen at least min_count times, most frequent and surest first."""
        held: dict[str, list[tuple[str, str]]] = {}
        for entry in compiled_lexicon(self.config).entries:
            if entry.cls != "keep":
                held.setdefault(" ".join(entry.tokens), []).append((normalise(entry.original), entry.source))
        out = []
        for (spun_key, original_key), c in self.candidates.items():
            if c.count < min_count:
                continue
            c.confidence = 1 - c._disbelief
            _suggest(c)
            known = held.get(" ".join(normalise(w) for w in c.spun.split()), [])
            same = [source for original, source in known if original == original_key]
            if same:
                c.packaged, c.packaged_source = "same", same[0].rpartition(":")[0] or same[0]
            elif known:
                c.packaged = f"other:{known[0][0]}"
                c.packaged_source = known[0][1].rpartition(":")[0] or known[0][1]
            out.append(c)
        return Learned(_ordered(out), self.pairs, self.sentence_pairs, self.skipped)


def learn(pairs: Iterable[tuple[str, str]], config: Config | None = None, *, min_count: int = 1,
          **overrides: object) -> Learned:
    """Candidate lexicon entries from (spun, original) text pairs, merged over all of them."""
    learner = Learner(config, **overrides)
    for spun, original in pairs:
        learner.add(spun, original)
    return learner.result(min_count)



def _pairs_from_paths(spun: Path, original: Path) -> Iterator[tuple[str, str, str]]:
    """(name, spun, original) for two files, or for the files of the same name in two directories."""
    if spun.is_dir() != original.is_dir():
        raise InputError(f"{spun} and {original} must both be files or both directories")
    if spun.is_dir():
        names = sorted(p.name for p in spun.iterdir() if p.is_file() and (original / p.name).is_file())
        if not names:
            raise InputError(f"no file of {spun} has a namesake in {original}")
        for name in names:
            yield name, _read(spun / name), _read(original / name)
    else:
        yield spun.name, _read(spun), _read(original)


def _read(path: Path) -> str:
    text, _ = read_input(str(path))
    return _replace_invalid(text)


def _replace_invalid(text: str) -> str:
    """Bytes that were not UTF-8 become U+FFFD: a learned entry is written out as UTF-8."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _pairs_from_jsonl(path: str, spun_field: str, original_field: str) -> Iterator[tuple[str, str, str]]:
    for number, _, (spun, original) in json_text_fields(path, (spun_field, original_field)):
        yield f"{path}:{number}", _replace_invalid(spun), _replace_invalid(original)


def main(argv: list[str]) -> int:
    """`textfix learn SPUN ORIGINAL` (files or directories) or `textfix learn --pairs FILE.jsonl`."""
    parser = argparse.ArgumentParser(
        prog="textfix learn",
        description="Learn candidate lexicon entries from spun texts and their originals. SPUN and ORIGINAL are "
        "two files, or two directories whose files of the same name are pairs.",
        epilog="Exit status: 0 on success, 2 on a usage error or unreadable input.")
    parser.add_argument("spun", nargs="?", metavar="SPUN")
    parser.add_argument("original", nargs="?", metavar="ORIGINAL")
    parser.add_argument("--pairs", metavar="FILE", help="JSON lines of pairs instead ('-' for standard input)")
    parser.add_argument("--spun-field", default="spun", help="with --pairs, the spun text's field (default %(default)s)")
    parser.add_argument("--original-field", default="original",
                        help="with --pairs, the original's field (default %(default)s)")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")
    parser.add_argument("--format", choices=("lexicon", "jsonl"), default="lexicon",
                        help="a lexicon file with the evidence in comments, or one JSON object per candidate")
    parser.add_argument("--min-count", type=int, default=1, metavar="N", help="only candidates seen N times or more")
    parser.add_argument("--new-only", action="store_true", help="leave out what the lexicons already hold")
    parser.add_argument("--family", default="learned", help="the family written in the lexicon header")
    parser.add_argument("--lexicon", metavar="PATH", action="append", default=[],
                        help="also compare with this lexicon file (repeatable)")
    args = parser.parse_args(argv)
    if (args.pairs is None) == (args.spun is None) or (args.spun is None) != (args.original is None):
        parser.print_usage(sys.stderr)
        print("textfix learn: give SPUN and ORIGINAL, or --pairs FILE", file=sys.stderr)
        return 2
    inputs = [args.pairs] if args.pairs else [args.spun, args.original]
    try:
        learner = Learner(Config(lexicons=tuple(args.lexicon)))
        if args.pairs:
            pairs = _pairs_from_jsonl(args.pairs, args.spun_field, args.original_field)
        else:
            for name in inputs:
                if not Path(name).exists():
                    raise InputError(f"no such file or directory: {name}")
            pairs = _pairs_from_paths(Path(args.spun), Path(args.original))
        for _, spun, original in pairs:
            learner.add(spun, original)
        result = learner.result(args.min_count)
        if args.new_only:
            result.candidates = [c for c in result.candidates if c.packaged != "same"]
        text = result.lexicon(args.family) if args.format == "lexicon" else result.jsonl()
        write_output(args.output, [i for i in inputs if Path(i).is_file()], text.encode("utf-8"))
    except (InputError, LexiconError) as exc:
        print(f"textfix learn: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    print(f"textfix learn: {len(result.candidates)} candidate(s) from {result.pairs} pair(s)", file=sys.stderr)
    return 0
