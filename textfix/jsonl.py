"""JSON lines: repair one field of each record and keep everything else (or, for --detect,
score each record's field and write a report line instead).

A record whose field has nothing to repair comes out as the same line, byte for byte; a
repaired one is re-serialised with its keys in their order and every other value unchanged.
Records are handled in units (a run of lines, or with group_by the consecutive records that
share that field's value, which are one document for evidence), so that units can go to
worker processes and come back in order.
"""
from __future__ import annotations

import json
import re
from typing import BinaryIO, Callable, Iterator, NamedTuple

from .engine import Fixer
from .results import Edit, SpinReport

_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, kept by surrogateescape
GROUP_SEPARATOR = "\n\n"  # between the texts of a group's records, so no phrase spans two
BLOCK_BYTES = 1 << 18  # a block of lines: enough to make a worker's round trip worth it
READ_BYTES = 1 << 20


class Options(NamedTuple):
    field: str = "text"
    group_by: str | None = None
    explain_field: str | None = None  # put each repaired record's edits in this field
    skip_bad: bool = False
    return_edits: bool = False  # send each changed record's edits back (for --explain FILE)
    detect: bool = False  # score each document instead of repairing it: one report line each
    name: str = "-"  # the input's name, which report lines carry


class Block(NamedTuple):
    first: int  # the 1-based number of its first line in the input
    data: bytes  # whole lines, endings included


class MalformedLine(Exception):
    def __init__(self, number: int, reason: str) -> None:
        super().__init__(f"line {number}: malformed JSON ({reason})")
        self.number = number


class BlockResult(NamedTuple):
    output: bytes  # the block's lines as they are written
    edits: list[tuple[int, list[Edit]]]  # (line number, its edits) for the records that changed
    malformed: list[int]  # line numbers passed through with skip_bad
    error: MalformedLine | None  # a malformed line without skip_bad: output stops before it
    invalid: bool  # the block held bytes that are not UTF-8 (passed through)
    spun: int = 0  # with detect: the documents found spun


def _parse(number: int, line: str) -> object:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedLine(number, f"{exc.msg}, column {exc.colno}") from None
    except ValueError as exc:  # a number too long to convert, say
        raise MalformedLine(number, str(exc)) from None


def _group_key(record: object, group_by: str | None) -> str | None:
    """The group a record belongs to, as comparable text (None: a group of its own)."""
    value = record.get(group_by) if group_by and isinstance(record, dict) else None
    return None if value is None else json.dumps(value, sort_keys=True)


def _marker(line: bytes, group_by: str) -> str | None:
    """_group_key of a line's record, for cutting blocks in the reading process."""
    try:
        return _group_key(json.loads(line), group_by) if line.strip() else None
    except ValueError:
        return None


def blocks(stream: BinaryIO, options: Options, progress: Callable[[int], object] | None = None,
           size: int = BLOCK_BYTES) -> Iterator[Block]:
    """The input as blocks of whole lines of about `size` bytes, in order; with group_by a block
    ends only where the group changes. The bytes stay bytes here (a line break never falls inside
    a UTF-8 sequence), so the reading process does little and the workers do the rest."""
    pending = bytearray()
    first = 1
    while True:
        chunk = stream.read(READ_BYTES)
        if progress is not None and chunk:
            progress(len(chunk))
        pending += chunk
        while len(pending) >= size or (not chunk and pending):
            cut = _cut(pending, size, options.group_by) if chunk else len(pending)
            if cut <= 0:
                break  # no line ends in what is pending yet: read more
            data = bytes(pending[:cut])
            del pending[:cut]
            yield Block(first, data)
            first += data.count(b"\n")
        if not chunk:
            return


def _cut(pending: bytearray, size: int, group_by: str | None) -> int:
    """Where to end a block of `pending`: after the last whole line within `size` bytes (or
    the first line, when it is longer), and with group_by not inside a group."""
    end = pending.rfind(b"\n", 0, size) + 1 or pending.find(b"\n") + 1
    if end <= 0 or group_by is None:
        return end
    # Move the cut forward past the lines of the group the block ends with.
    last_start = pending.rfind(b"\n", 0, end - 1) + 1
    marker = _marker(bytes(pending[last_start:end]), group_by)
    while marker is not None:
        following = pending.find(b"\n", end) + 1
        if following <= 0:
            return 0  # the group may go on in what is not read yet
        if _marker(bytes(pending[end:following]), group_by) != marker:
            break
        end = following
    return end


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


def _groups(records: list[tuple[str, object]], options: Options) -> list[list[int]]:
    """Indexes of the records whose field is text, as the documents they make: one each, or
    with group_by the consecutive records sharing that field's value."""
    field, group_by = options.field, options.group_by
    groups: list[list[int]] = []
    previous: object = None
    for i, (_, record) in enumerate(records):
        if not (isinstance(record, dict) and isinstance(record.get(field), str)):
            previous = None
            continue
        value = _group_key(record, group_by)
        if value is not None and value == previous and groups:
            groups[-1].append(i)
        else:
            groups.append([i])
        previous = value
    return groups


def _records(block: Block, options: Options) -> tuple[list[tuple[str, object]], list[int], MalformedLine | None, bool]:
    """The block's lines with their parsed records (None for blank and passed-through lines),
    the malformed lines passed through, the malformed line that ends the block, and whether
    the block held bytes that are not UTF-8."""
    text = block.data.decode("utf-8", errors="surrogateescape")
    invalid = _ESCAPED.search(text) is not None
    records: list[tuple[str, object]] = []
    malformed: list[int] = []
    error = None
    for number, line in enumerate(text.splitlines(keepends=True), block.first):
        if not line.strip():
            records.append((line, None))
            continue
        try:
            records.append((line, _parse(number, line)))
        except MalformedLine as exc:
            if not options.skip_bad:
                error = exc
                break
            malformed.append(number)
            records.append((line, None))
    return records, malformed, error, invalid


def report_line(report: SpinReport, name: str) -> str:
    """One document's line of --detect output."""
    if report.score is None:
        return f"-\tnot-english\t0\t{report.words}\t{name}\n"
    verdict = "spun" if report.is_spun else "clean"
    return f"{report.score:.4f}\t{verdict}\t{report.fingerprints}\t{report.words}\t{name}\n"


def detect_block(fixer: Fixer, block: Block, options: Options) -> BlockResult:
    """A report line for each document of the block, named FILE:LINE by its first record's line."""
    records, malformed, error, invalid = _records(block, options)
    out, spun = [], 0
    for group in _groups(records, options):
        report = fixer.detect(GROUP_SEPARATOR.join(records[i][1][options.field] for i in group))
        spun += report.is_spun
        out.append(report_line(report, f"{options.name}:{block.first + group[0]}"))
    return BlockResult("".join(out).encode("utf-8", "surrogateescape"), [], malformed, error, invalid, spun)


def repair_block(fixer: Fixer, block: Block, options: Options) -> BlockResult:
    """Repair the records of one block; a malformed line ends the block unless skip_bad."""
    from .repair import apply_edits

    records, malformed, error, invalid = _records(block, options)
    field = options.field
    per_record: dict[int, list[Edit]] = {}
    for group in _groups(records, options):
        texts = [records[i][1][field] for i in group]
        if len(group) == 1:
            per_record[group[0]] = fixer.explain(texts[0]).edits
        else:
            for i, share in zip(group, _split_group(texts, fixer.explain(GROUP_SEPARATOR.join(texts)).edits)):
                per_record[i] = share
    out: list[str] = []
    changed: list[tuple[int, list[Edit]]] = []
    for i, (line, record) in enumerate(records):
        edits = per_record.get(i)
        if not edits:
            out.append(line)
            continue
        record[field] = apply_edits(record[field], edits)
        if options.explain_field:
            record[options.explain_field] = [e._asdict() for e in edits]
        out.append(json.dumps(record, ensure_ascii=False) + _ending(line))
        if options.return_edits:
            changed.append((block.first + i, edits))
    return BlockResult("".join(out).encode("utf-8", "surrogateescape"), changed, malformed, error, invalid)


class BlockTask(NamedTuple):
    """repair_block with its options, as one picklable callable for worker processes."""

    options: Options

    def __call__(self, fixer: Fixer, block: Block) -> BlockResult:
        return (detect_block if self.options.detect else repair_block)(fixer, block, self.options)
