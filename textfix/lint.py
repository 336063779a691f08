"""The lexicon linter (`textfix lint PATH`): every problem of a set of lexicon files at once,
each as `file:line: what is wrong`.

Parsing reports a file's first malformed line; the linter reads on past it and also checks what
only a whole set of entries shows: a phrase with two originals that no context separates, an
unconditional cycle (the spinner swaps some pairs both ways, offer <-> provide, so such pairs
need context on at least one side), a phrase that is both kept and changed, an entry whose
original is its own spun form in another case.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, NamedTuple

from .lexicon import Entry, LexiconError, parse_entry, parse_lexicon
from .tokens import normalise


class Problem(NamedTuple):
    where: str  # file:line
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        prefix = "" if self.severity == "error" else "warning: "
        return f"{self.where}: {prefix}{self.message}"


def lexicon_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, and the *.tsv files of the directories named."""
    files: list[Path] = []
    for path in map(Path, paths):
        files += sorted(path.glob("*.tsv")) if path.is_dir() else [path]
    return files


def _read(path: Path) -> tuple[list[Entry], list[Problem]]:
    """Entries of one file, reading past malformed lines so all of them are reported."""
    name = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        return [], [Problem(name, f"cannot read lexicon: {exc.strerror or exc}")]
    except UnicodeDecodeError as exc:
        data = path.read_bytes()
        line = data.count(b"\n", 0, exc.start) + 1
        return [], [Problem(f"{name}:{line}", f"not valid UTF-8 (byte {exc.start})")]
    lines = text.splitlines()
    header_end = 1
    while header_end < len(lines) and (not lines[header_end].strip() or lines[header_end].lstrip().startswith("#")):
        header_end += 1
    try:
        meta, _ = parse_lexicon("\n".join(lines[:header_end]), name)
    except LexiconError as exc:
        where, _, message = str(exc).partition(": ")
        return [], [Problem(where, message)]
    entries, problems = [], []
    for number, line in enumerate(lines[header_end:], start=header_end + 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            entries.append(parse_entry(line, meta["family"], f"{name}:{number}"))
        except LexiconError as exc:
            where, _, message = str(exc).partition(": ")
            problems.append(Problem(where, message))
    return entries, problems


def _unconditional(entry: Entry) -> bool:
    """Fires wherever its phrase occurs (document evidence aside)."""
    return entry.rule is None or not entry.rule.alternatives


def check(entries: list[Entry]) -> list[Problem]:
    """The problems a set of entries shows together."""
    problems: list[Problem] = []
    by_key: dict[tuple[str, ...], list[Entry]] = {}
    for entry in entries:
        by_key.setdefault(entry.tokens, []).append(entry)
        if entry.cls != "keep" and normalise(entry.original) == normalise(entry.spun):
            problems.append(Problem(entry.source, f"{entry.spun!r} -> {entry.original!r} only changes case (a no-op)"))
    for key, group in by_key.items():
        kept = [e for e in group if e.cls == "keep"]
        changed = [e for e in group if e.cls != "keep"]
        if kept and changed:
            problems.append(Problem(changed[0].source, f"{changed[0].spun!r} is also a keep phrase at {kept[0].source}"))
        # the order the engine tries them in: entries that need no evidence first, ** entries last,
        # otherwise file order
        changed.sort(key=lambda e: (e.cls == "evidence", e.strong))
        for i, first in enumerate(changed):
            for second in changed[i + 1:]:
                if normalise(first.original) == normalise(second.original):
                    continue
                narrower = bool(first.capitals) and first.capitals != second.capitals
                if first.context == second.context or (_unconditional(first) and not narrower):
                    problems.append(Problem(
                        second.source,
                        f"{second.spun!r} -> {second.original!r} is never reached: {first.source} turns it into "
                        f"{first.original!r} first, and no context separates them",
                    ))
    originals: dict[tuple[str, ...], list[Entry]] = {}
    for entry in entries:
        if entry.cls != "keep":
            originals.setdefault(tuple(normalise(entry.original).split()), []).append(entry)
    for entry in entries:
        if entry.cls == "keep" or not _unconditional(entry):
            continue
        for back in by_key.get(tuple(normalise(entry.original).split()), []):
            if back.cls == "keep" or not _unconditional(back):
                continue
            if tuple(normalise(back.original).split()) == entry.tokens:
                if entry.source < back.source:  # report each cycle once
                    problems.append(Problem(
                        back.source,
                        f"unconditional cycle: {entry.spun!r} -> {entry.original!r} ({entry.source}) and "
                        f"{back.spun!r} -> {back.original!r}; give one side a context",
                    ))
            else:
                problems.append(Problem(
                    entry.source,
                    f"{entry.spun!r} -> {entry.original!r} is itself spun ({back.source} makes it {back.original!r}): "
                    "a second pass would change it again",
                    "warning",
                ))
    return problems


def lint(paths: Iterable[str | Path]) -> list[Problem]:
    """Every problem of the lexicon files (and directories of them) named."""
    entries: list[Entry] = []
    problems: list[Problem] = []
    for path in lexicon_files(paths):
        file_entries, file_problems = _read(path)
        entries += file_entries
        problems += file_problems
    return problems + check(entries)


def main(argv: list[str]) -> int:
    """`textfix lint PATH...`: exit 0 when there is no error, 1 when there is, 2 on usage errors."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="textfix lint", description="Check lexicon files (or directories of *.tsv).")
    parser.add_argument("paths", nargs="+", metavar="PATH")
    args = parser.parse_args(argv)
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        print(f"textfix lint: no such file or directory: {missing[0]}", file=sys.stderr)
        return 2
    problems = lint(args.paths)
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    files = len(lexicon_files(args.paths))
    print(f"{files} file(s), {errors} error(s), {len(problems) - errors} warning(s)", file=sys.stderr)
    return 1 if errors else 0
