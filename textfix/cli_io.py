"""The command's input and output: bytes decoded as UTF-8 with invalid bytes kept, files opened
with one-line errors, the explain stream, and a progress bar on a terminal."""
from __future__ import annotations

import codecs
import os
import re
import sys
from typing import BinaryIO, Callable, Iterator, TextIO

READ_SIZE = 1 << 20
PROGRESS_BYTES = 8 << 20  # smaller inputs finish before a bar would help
_ESCAPED = re.compile("[\udc80-\udcff]")


class InputError(Exception):
    """A file that cannot be read or written: reported in one line, never as a traceback."""


class Decoder:
    """Incremental UTF-8 decoding that keeps invalid bytes (surrogateescape) and notes them."""

    def __init__(self, progress: Callable[[int], object] | None = None) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")
        self._progress = progress
        self.saw_invalid = False

    def pieces(self, stream: BinaryIO, name: str) -> Iterator[str]:
        self._decoder.reset()
        while True:
            try:
                chunk = stream.read(READ_SIZE)
            except OSError as exc:
                raise InputError(f"cannot read {name!r}: {exc.strerror or exc}") from None
            if self._progress is not None and chunk:
                self._progress(len(chunk))
            final = not chunk
            text = self._decoder.decode(chunk, final=final)
            if text:
                if not self.saw_invalid and _ESCAPED.search(text):
                    self.saw_invalid = True
                yield text
            if final:
                return


def open_input(name: str) -> BinaryIO:
    if name == "-":
        return sys.stdin.buffer
    try:
        if os.path.isdir(name):
            raise InputError(f"{name!r} is a directory")
        return open(name, "rb")
    except OSError as exc:
        raise InputError(f"cannot read {name!r}: {exc.strerror or exc}") from None


def read_input(name: str) -> tuple[str, bool]:
    """A whole file, decoded, and whether it held invalid UTF-8."""
    stream = open_input(name)
    try:
        data = stream.read()
    except OSError as exc:
        raise InputError(f"cannot read {name!r}: {exc.strerror or exc}") from None
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    text = data.decode("utf-8", errors="surrogateescape")
    return text, bool(_ESCAPED.search(text))


def json_text_fields(name: str, fields: tuple[str, ...]) -> Iterator[tuple[int, dict, tuple[str, ...]]]:
    """(line number, record, the fields' strings) of each non-blank line of a JSON-lines file;
    a line that is not an object with those fields as strings stops with an InputError."""
    import json

    text, _ = read_input(name)
    wanted = " and ".join(repr(f) for f in fields)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            values = tuple(record[f] for f in fields)
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{name}: line {number}: not a JSON object with the field(s) {wanted} "
                             f"({exc.__class__.__name__})") from None
        if not all(isinstance(v, str) for v in values):
            raise InputError(f"{name}: line {number}: {wanted} must be strings")
        yield number, record, values


def write_output(target: str | None, inputs: list[str], data: bytes) -> None:
    """Write data to standard output or to the file OUT (never over an input)."""
    out = open_output(target, inputs)
    try:
        out.write(data)
    finally:
        if out is not sys.stdout.buffer:
            out.close()


def encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _refuse_input(target: str, inputs: list[str]) -> None:
    """Raise when an output file is one of the inputs, or the file standard input reads."""
    if not os.path.exists(target):
        return
    for name in inputs:
        if name == "-":
            try:
                same = os.path.samestat(os.fstat(sys.stdin.fileno()), os.stat(target))
            except (OSError, ValueError, AttributeError):  # no real file behind stdin
                same = False
            if same:
                raise InputError(f"refusing to write over {target!r}, which standard input reads")
        elif os.path.exists(name) and os.path.samefile(name, target):
            raise InputError(f"refusing to write over the input {name!r}")


def open_output(target: str | None, inputs: list[str]) -> BinaryIO:
    """Standard output, or the file OUT, which must not be one of the inputs."""
    if target is None or target == "-":
        return sys.stdout.buffer
    _refuse_input(target, inputs)
    try:
        return open(target, "wb")
    except OSError as exc:
        raise InputError(f"cannot write {target!r}: {exc.strerror or exc}") from None


def explain_stream(target: str | None, inputs: list[str]) -> TextIO | None:
    """Standard error, or the file the edits go to, which must not be one of the inputs."""
    if target is None:
        return None
    if target == "-":
        return sys.stderr
    _refuse_input(target, inputs)
    try:
        return open(target, "w", encoding="utf-8", errors="surrogateescape")
    except OSError as exc:
        raise InputError(f"cannot write {target!r}: {exc.strerror or exc}") from None


def input_size(names: list[str]) -> int | None:
    """The total size of the inputs when it is known (regular files, stdin redirected from one)."""
    total = 0
    for name in names:
        try:
            stat = os.fstat(sys.stdin.fileno()) if name == "-" else os.stat(name)
        except (OSError, ValueError):
            return None
        if not (stat.st_mode & 0o170000 == 0o100000):  # not a regular file: a pipe, a terminal
            return None
        total += stat.st_size
    return total


class Progress:
    """A byte-count bar on stderr (tqdm), shown only when stderr is a terminal and the input is
    large; otherwise every call does nothing."""

    def __init__(self, total: int | None, enabled: bool) -> None:
        self._bar = None
        if enabled and total and total >= PROGRESS_BYTES and sys.stderr.isatty():
            try:
                from tqdm import tqdm
            except ImportError:
                return
            self._bar = tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr,
                             desc="textfix", leave=False)

    def __call__(self, count: int) -> None:
        if self._bar is not None:
            self._bar.update(count)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
