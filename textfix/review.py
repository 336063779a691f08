"""The review report: one self-contained HTML page with every spun span of the documents marked.

The page is built from the same calls a user makes (detect and fix_and_explain), so what it
shows is what the library does. Offsets never reach the browser: each document is cut into
pages of plain-text and edit segments here, by code points, so JavaScript (which counts UTF-16
units) has no offset to convert. The data travels as JSON inside the page with every character
that could end its script element escaped, and the page inserts text only as text.
"""
from __future__ import annotations

import html
import json
import re
from importlib import resources
from typing import Iterable, Mapping, NamedTuple, Union

from .compiled import COMPOSED
from .config import Config
from .engine import Fixer
from .lexicon import Entry
from .repair import ARTICLE_RULE
from .results import Edit

PAGE_CHARS = 20_000  # a document longer than this is shown a page at a time
AGREEMENT = "agreement"  # the family of a/an edits that follow a restoration

Documents = Union[Mapping[str, str], Iterable[tuple[str, str]], Iterable[str]]


class EditView(NamedTuple):
    """An edit as the page shows it."""

    start: int
    end: int
    spun: str
    original: str
    rule: str
    evidence: str
    confidence: float
    family: str
    certainty: str  # "unambiguous" (a fingerprint) or "context" (licensed by evidence)


def _named(documents: Documents) -> list[tuple[str, str]]:
    if isinstance(documents, str):
        raise TypeError("report() takes several documents: a mapping of name -> text, (name, text) pairs, or texts")
    if isinstance(documents, Mapping):
        items = list(documents.items())
    else:
        items = [(f"document {i + 1}", d) if isinstance(d, str) else tuple(d) for i, d in enumerate(documents)]
    for name, text in items:
        if not isinstance(text, str):
            raise TypeError(f"document {name!r} is {type(text).__name__}, not str")
    return [(str(name), text) for name, text in items]


def classify(rule: str, entries: Mapping[str, Entry]) -> tuple[str, str]:
    """(family, certainty) of an edit from its rule; a rule "A then B" (a restoration repaired
    again) is as certain as its least certain part and of its first lexicon part's family."""
    families: list[str] = []
    certainty = "unambiguous"
    for part in rule.split(" then "):
        if part == ARTICLE_RULE:
            continue
        entry = entries.get(part)
        if entry is None:  # a composed tortured phrase: no listed entry vouches for the whole
            families.append("academic" if part == COMPOSED else "other")
            certainty = "context"
            continue
        families.append(entry.family)
        if entry.cls != "unambiguous":
            certainty = "context"
    return (families[0], certainty) if families else (AGREEMENT, "context")


def edit_views(edits: Iterable[Edit], entries: Mapping[str, Entry]) -> list[EditView]:
    views = []
    for edit in edits:
        family, certainty = classify(edit.rule, entries)
        if edit.evidence.startswith("spelling variant"):
            certainty = "context"
        views.append(EditView(edit.start, edit.end, edit.before, edit.after, edit.rule,
                              edit.evidence, edit.confidence, family, certainty))
    return views


def pages(text: str, edits: list[EditView], size: int = PAGE_CHARS) -> list[list]:
    """The text as pages of segments: a plain string, or the index of an edit. A page ends at
    the last line break before `size` characters when there is one, never inside an edit."""
    result: list[list] = [[]]
    length = 0

    def add_text(piece: str) -> None:
        nonlocal length
        while piece:
            if length >= size:
                result.append([])
                length = 0
            room = size - length
            if len(piece) <= room:
                result[-1].append(piece)
                length += len(piece)
                return
            cut = piece.rfind("\n", 0, room) + 1 or room
            result[-1].append(piece[:cut])
            result.append([])
            length = 0
            piece = piece[cut:]

    position = 0
    for index, edit in enumerate(edits):
        if edit.start > position:
            add_text(text[position:edit.start])
        if length >= size:
            result.append([])
            length = 0
        result[-1].append(index)
        length += edit.end - edit.start
        position = edit.end
    add_text(text[position:])
    return [page for page in result if page] or [[]]


def _document(name: str, text: str, fixer: Fixer, entries: Mapping[str, Entry]) -> dict:
    report = fixer.detect(text)
    explained = fixer.explain(text)
    edits = edit_views(explained.edits, entries)
    repairs: dict[str, int] = {}
    for edit in edits:
        repairs[edit.family] = repairs.get(edit.family, 0) + 1
    return {
        "name": name,
        "score": report.score,
        "spun": report.is_spun,
        "words": report.words,
        "repairs": repairs,
        "edits": [edit._asdict() for edit in edits],
        "pages": pages(text, edits),
    }


def report_data(documents: Documents, config: Config | None = None, **overrides: object) -> list[dict]:
    """The documents as the page shows them, highest score first."""
    fixer = Fixer(config, **overrides)
    entries = {e.source: e for e in fixer.lexicon.entries}
    records = [_document(name, text, fixer, entries) for name, text in _named(documents)]
    records.sort(key=lambda r: 1.0 if r["score"] is None else -r["score"])  # unscored (not English) last
    return records


def _script_json(value: object) -> str:
    """JSON that cannot end the script element holding it or start markup inside it; ASCII,
    so a lone surrogate (a byte that was not UTF-8) survives as an escape."""
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _asset(name: str) -> str:
    return resources.files("textfix").joinpath("review_page", name).read_text(encoding="utf-8")


def report(documents: Documents, config: Config | None = None, *, title: str = "textfix report",
           **overrides: object) -> str:
    """A self-contained HTML review page for the documents (a mapping of name -> text, (name,
    text) pairs, or texts): a summary table by score, and each document with its spun spans
    marked, the original, rule and evidence of each on hover or focus."""
    data = report_data(documents, config, **overrides)
    values = {"style": _asset("page.css"), "script": _asset("page.js"),
              "data": _script_json(data), "title": html.escape(title)}
    # One pass, so nothing inserted (a document quoting "{{title}}") is read as a placeholder.
    return re.sub(r"\{\{(\w+)\}\}", lambda m: values[m.group(1)], _asset("page.html"))


def main(argv: list[str]) -> int:
    """`textfix report FILE... [-o report.html]`: exit 0 on success, 2 on a usage error or an
    unreadable file (nothing is written then)."""
    import argparse
    import sys

    from .cli_io import InputError, read_input, write_output
    from .lexicon import LexiconError

    parser = argparse.ArgumentParser(prog="textfix report", description="Write an HTML review page of the FILEs "
                                     "('-' for standard input): each document with its spun spans marked.")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("-o", "--output", metavar="OUT", default="-", help="the HTML file to write (default: standard output)")
    parser.add_argument("--title", default="textfix report", help="the page's title")
    parser.add_argument("--lexicon", metavar="PATH", action="append", default=[], help="add a lexicon file (repeatable)")
    parser.add_argument("--threshold", type=float, default=Config.threshold, help="spin score at which a document counts as spun")
    parser.add_argument("--assume-spun", action="store_true", help="treat every document as spun (skip the document gate)")
    args = parser.parse_args(argv)
    try:
        documents = [(name if name != "-" else "<stdin>", read_input(name)[0]) for name in args.files]
        config = Config(lexicons=tuple(args.lexicon), threshold=args.threshold, assume_spun=args.assume_spun)
        page = report(documents, config, title=args.title)
        write_output(args.output, args.files, page.encode("utf-8"))
    except InputError as exc:
        print(f"textfix report: {exc}", file=sys.stderr)
        return 2
    except (LexiconError, ValueError) as exc:
        print(f"textfix report: {exc}", file=sys.stderr)
        return 2
    return 0
