"""JSON lines: repair one field of each record and keep everything else.

A record whose field has nothing to repair comes out as the same line, byte for byte; a
repaired one is re-serialised with its keys in their order and every other value unchanged.
Records are handled in units (a run of lines, or with group_by the consecutive records that
share that field's value, which are one document for evidence), so that units can go to
worker processes and come back in order.
"""
from __future__ import annotations

import json
from typing import Iterable, Iterator, NamedTuple

from .engine import Fixer
from .results import Edit

GROUP_SEPARATOR = "\n\n"  # between the texts of a group's records, so no phrase spans two
UNIT_LINES = 64  # lines per unit without grouping: enough to make a worker's round trip worth it


class Options(NamedTuple):
    field: str = "text"
    group_by: str | None = None
    explain_field: str | None = None  # put each repaired record's edits in this field
    skip_bad: bool = False


class Line(NamedTuple):
    number: int  # 1-based line number in the input
    text: str  # the line as read, ending included (undecodable bytes as surrogate escapes)


class MalformedLine(Exception):
    def __init__(self, number: int, reason: str) -> None:
        super().__init__(f"line {number}: malformed JSON ({reason})")
        self.number = number


class UnitResult(NamedTuple):
    output: str  # the unit's lines as they are written
    edits: list[tuple[int, list[Edit]]]  # (line number, its edits) for records that changed
    malformed: list[int]  # line numbers passed through with skip_bad
    error: MalformedLine | None  # a malformed line without skip_bad: output stops before it


def _parse(line: Line) -> object:
    try:
        return json.loads(line.text)
    except json.JSONDecodeError as exc:
        raise MalformedLine(line.number, f"{exc.msg}, column {exc.colno}") from None
    except ValueError as exc:  # a number too long to convert, say
        raise MalformedLine(line.number, str(exc)) from None


def _blank(line: Line) -> bool:
    return not line.text.strip()


def units(lines: Iterable[Line], options: Options) -> Iterator[list[Line]]:
    """The input cut into units, in order."""
    unit: list[Line] = []
    if options.group_by is None:
        for line in lines:
            unit.append(line)
            if len(unit) >= UNIT_LINES:
                yield unit
                unit = []
    else:
        key: object = None
        for line in lines:
            try:
                record = None if _blank(line) else _parse(line)
            except MalformedLine:
                record = None
            value = record.get(options.group_by) if isinstance(record, dict) else None
            marker = json.dumps(value, sort_keys=True) if value is not None else None
            if unit and (marker is None or marker != key):
                yield unit
                unit = []
            unit.append(line)
            key = marker
    if unit:
        yield unit


def _ending(text: str) -> str:
    if text.endswith("\r\n"):
        return "\r\n"
    return "\n" if text.endswith("\n") else ""


def _split_group(texts: list[str], edits: list[Edit]) -> list[list[Edit]]:
    """A group's edits (offsets into the joined text) shared out to its records."""
    shares: list[list[Edit]] = [[] for _ in texts]
    starts, position = [], 0
    for text in texts:
        starts.append(position)
        position += len(text) + len(GROUP_SEPARATOR)
    index = 0
    for edit in edits:
        while index + 1 < len(texts) and edit.start >= starts[index + 1]:
            index += 1
        base = starts[index]
        if edit.end - base <= len(texts[index]):  # never across a separator
            shares[index].append(edit._replace(start=edit.start - base, end=edit.end - base))
    return shares


def repair_unit(fixer: Fixer, unit: list[Line], options: Options) -> UnitResult:
    """Repair the records of one unit; a malformed line ends the unit unless skip_bad."""
    from .repair import apply_edits

    records: list[tuple[Line, object]] = []
    malformed: list[int] = []
    error = None
    for line in unit:
        if _blank(line):
            records.append((line, None))
            continue
        try:
            records.append((line, _parse(line)))
        except MalformedLine as exc:
            if not options.skip_bad:
                error = exc
                break
            malformed.append(line.number)
            records.append((line, None))
    field = options.field
    texts = [(i, r[field]) for i, (_, r) in enumerate(records) if isinstance(r, dict) and isinstance(r.get(field), str)]
    per_record: dict[int, list[Edit]] = {}
    if options.group_by is not None and len(texts) > 1:
        joined = GROUP_SEPARATOR.join(t for _, t in texts)
        for (i, _), share in zip(texts, _split_group([t for _, t in texts], fixer.explain(joined).edits)):
            per_record[i] = share
    else:
        for i, text in texts:
            per_record[i] = fixer.explain(text).edits
    out: list[str] = []
    changed: list[tuple[int, list[Edit]]] = []
    for i, (line, record) in enumerate(records):
        edits = per_record.get(i)
        if not edits:
            out.append(line.text)
            continue
        record[field] = apply_edits(record[field], edits)
        if options.explain_field:
            record[options.explain_field] = [e._asdict() for e in edits]
        out.append(json.dumps(record, ensure_ascii=False) + _ending(line.text))
        changed.append((line.number, edits))
    return UnitResult("".join(out), changed, malformed, error)


def numbered_lines(pieces: Iterable[str]) -> Iterator[Line]:
    """Decoded text arriving in pieces, as numbered lines with their endings."""
    number = 0
    rest = ""
    for piece in pieces:
        rest += piece
        if "\n" not in piece:
            continue
        lines = rest.split("\n")
        rest = lines.pop()
        for text in lines:
            number += 1
            yield Line(number, text + "\n")
    if rest:
        yield Line(number + 1, rest)


class UnitTask(NamedTuple):
    """repair_unit with its options, as one picklable callable for worker processes."""

    options: Options

    def __call__(self, fixer: Fixer, unit: list[Line]) -> UnitResult:
        return repair_unit(fixer, unit, self.options)
