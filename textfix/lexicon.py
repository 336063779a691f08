"""The lexicon file format: parse and validate, with errors that name file and line.

The format is documented in lexicons/FORMAT.md. This module turns one file into Entry
records; compiling entries into a lookup structure is compiled.py's job.
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from .cache import tuple_reduce
from .rules import Rule, RuleError, parse_rule
from .tokens import phrase_tokens

FORMAT_VERSION = 1
HEADER = f"# textfix-lexicon {FORMAT_VERSION}"
CLASSES = ("unambiguous", "evidence", "keep")


class LexiconError(ValueError):
    """A malformed lexicon file; the message reads `file:line: what is wrong`."""


class Entry(NamedTuple):
    """One lexicon line: a spun phrase, what it restores to, and when it may fire."""

    __reduce__ = tuple_reduce

    spun: str
    original: str
    cls: str
    rule: Rule | None
    family: str
    source: str
    tokens: tuple[str, ...]
    capitals: tuple[tuple[int, ...], ...]

    @property
    def context(self) -> str:
        return self.rule.source if self.rule else ""

    @property
    def strong(self) -> bool:
        """Whether it needs strong document evidence (a `**` context)."""
        return self.rule is not None and self.rule.strong


def _capitals(spun: str) -> tuple[tuple[int, ...], ...]:
    """For each word of the key, the positions of the capitals the text must also have
    (an empty tuple when the key has none)."""
    positions = tuple(tuple(i for i, c in enumerate(word) if c.isupper()) for word in spun.split())
    return positions if any(positions) else ()


def parse_entry(line: str, family: str, where: str) -> Entry:
    """Parse one entry line; raises LexiconError naming `where` (file:line)."""
    columns = line.split("\t")
    if len(columns) not in (3, 4):
        raise LexiconError(f"{where}: expected 3 or 4 tab-separated columns (spun, original, class, context), found {len(columns)}")
    spun, original, cls = (c.strip() for c in columns[:3])
    context = columns[3].strip() if len(columns) == 4 else ""
    if not spun:
        raise LexiconError(f"{where}: empty spun phrase")
    tokens = phrase_tokens(spun)
    if not tokens or " ".join(tokens) != " ".join(spun.split()).lower().replace("’", "'").replace("‐", "-").replace("‑", "-"):
        raise LexiconError(f"{where}: spun phrase {spun!r} must be words and numbers separated by spaces")
    if cls not in CLASSES:
        raise LexiconError(f"{where}: unknown class {cls!r} (use {', '.join(CLASSES)})")
    if cls == "keep":
        if original != "=":
            raise LexiconError(f"{where}: a keep entry has '=' as its original, not {original!r}")
        original = spun
        if context:
            raise LexiconError(f"{where}: a keep entry takes no context (it always holds)")
    elif not original:
        raise LexiconError(f"{where}: empty original for {spun!r}")
    elif original == spun:
        raise LexiconError(f"{where}: {spun!r} restores to itself (a no-op entry)")
    if cls == "evidence" and not context:
        raise LexiconError(f"{where}: evidence entry {spun!r} needs a context rule (* for document evidence alone)")
    try:
        rule = parse_rule(context) if context else None
    except RuleError as exc:
        raise LexiconError(f"{where}: {exc}") from None
    if rule is not None and rule.strong and cls != "evidence":
        raise LexiconError(f"{where}: ** (strong document evidence) is for evidence entries, not {cls}")
    return Entry(spun, original, cls, rule, family, where, tokens, _capitals(spun))


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise LexiconError(f"{name}:{line}: not valid UTF-8 (byte {exc.start})") from None


def parse_lexicon(text: str, name: str) -> tuple[dict[str, str], list[Entry]]:
    """Parse a lexicon's text: its header metadata and entries. `name` is used in errors."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != HEADER:
        first = lines[0].strip() if lines else ""
        if first.startswith("# textfix-lexicon"):
            raise LexiconError(f"{name}:1: unsupported format {first!r} (this textfix reads {HEADER!r})")
        raise LexiconError(f"{name}:1: missing header line {HEADER!r}")
    meta: dict[str, str] = {}
    entries: list[Entry] = []
    in_header = True
    for number, raw in enumerate(lines[1:], start=2):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if line.lstrip().startswith("#"):
            key, sep, value = line.lstrip("# ").partition(":")
            if in_header and sep and key.strip().isidentifier():
                meta[key.strip().lower()] = value.strip()
            continue
        if in_header:
            in_header = False
            if not meta.get("family"):
                raise LexiconError(f"{name}:{number}: header has no '# family: NAME' line")
        entries.append(parse_entry(line, meta["family"], f"{name}:{number}"))
    if in_header and not meta.get("family"):
        raise LexiconError(f"{name}:1: header has no '# family: NAME' line")
    return meta, entries


def read_lexicon(path: str | Path, name: str | None = None) -> tuple[dict[str, str], list[Entry]]:
    """Read and parse a lexicon file; LexiconError for a malformed or unreadable one.

    `name` is how errors and edits refer to the file (the path itself by default).
    """
    path = Path(path)
    name = name or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LexiconError(f"{name}: cannot read lexicon: {exc.strerror or exc}") from None
    return parse_lexicon(_decode(data, name), name)
