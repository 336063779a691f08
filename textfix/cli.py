"""The `textfix` command: a Unix filter that repairs spun text (also `python -m textfix`).

Exit codes: 0 success; 1 reserved for checks that find spin; 2 usage errors, unreadable
files and malformed lexicons. Input is read as bytes and decoded as UTF-8; bytes that are not
UTF-8 pass through unchanged (surrogateescape) with one warning on stderr.
"""
from __future__ import annotations

import argparse
import codecs
import json
import os
import re
import sys
from typing import BinaryIO, Iterator, TextIO

from . import __version__, lexicon_version
from .config import Config
from .engine import Fixer
from .lexicon import LexiconError

READ_SIZE = 1 << 20
EXIT_OK, EXIT_USAGE = 0, 2
_ESCAPED = re.compile("[\udc80-\udcff]")


class InputError(Exception):
    """A file that cannot be read: reported in one line, never as a traceback."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="textfix",
        description="Find spun prose and restore what it originally said. Reads the FILEs "
        "(standard input when there are none) and writes the repaired text to standard output. "
        "`textfix lint PATH...` checks lexicon files.",
        epilog="Exit status: 0 on success, 2 on a usage error, an unreadable file or a malformed lexicon.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="input files; '-' for standard input")
    parser.add_argument("--explain", metavar="FILE", help="write every edit as a JSON line to FILE ('-' for stderr)")
    parser.add_argument("--detect", action="store_true", help="print each document's spin score instead of repairing")
    parser.add_argument("--lexicon", metavar="PATH", action="append", default=[], help="add a lexicon file (repeatable)")
    parser.add_argument("--assume-spun", action="store_true", help="treat every document as spun (skip the document gate)")
    parser.add_argument("--threshold", type=float, default=Config.threshold, help="spin score at which a document counts as spun (default %(default)s)")
    parser.add_argument("--no-fuzzy", action="store_true", help="match lexicon keys exactly only")
    parser.add_argument("--version", action="version", version=f"textfix {__version__}")
    return parser


class Decoder:
    """Incremental UTF-8 decoding that keeps invalid bytes (surrogateescape) and notes them."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")
        self.saw_invalid = False

    def pieces(self, stream: BinaryIO, name: str) -> Iterator[str]:
        while True:
            try:
                chunk = stream.read(READ_SIZE)
            except OSError as exc:
                raise InputError(f"cannot read {name!r}: {exc.strerror or exc}") from None
            final = not chunk
            text = self._decoder.decode(chunk, final=final)
            if text:
                if not self.saw_invalid and _ESCAPED.search(text):
                    self.saw_invalid = True
                yield text
            if final:
                return


def _open(name: str) -> BinaryIO:
    if name == "-":
        return sys.stdin.buffer
    try:
        if os.path.isdir(name):
            raise InputError(f"{name!r} is a directory")
        return open(name, "rb")
    except OSError as exc:
        raise InputError(f"cannot read {name!r}: {exc.strerror or exc}") from None


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _explain_stream(target: str | None) -> TextIO | None:
    if target is None:
        return None
    if target == "-":
        return sys.stderr
    try:
        return open(target, "w", encoding="utf-8", errors="surrogateescape")
    except OSError as exc:
        raise InputError(f"cannot write {target!r}: {exc.strerror or exc}") from None


def _repair(fixer: Fixer, name: str, stream: BinaryIO, decoder: Decoder, out: BinaryIO, explain: TextIO | None, version: str) -> None:
    for text, base, edits in fixer.fix_stream(decoder.pieces(stream, name)):
        out.write(_encode(text))
        if explain is not None:
            for edit in edits:
                record = {"document": name, **edit._asdict(), "lexicon": version}
                record["start"] += base
                record["end"] += base
                explain.write(json.dumps(record, ensure_ascii=False) + "\n")


def _detect(fixer: Fixer, name: str, stream: BinaryIO, decoder: Decoder, out: BinaryIO) -> None:
    report = fixer.detect_stream(decoder.pieces(stream, name))
    verdict = "spun" if report.is_spun else "clean"
    out.write(_encode(f"{report.score:.4f}\t{verdict}\t{report.fingerprints}\t{report.words}\t{name}\n"))


# Subcommands take precedence over files of the same name (give such a file as ./lint).
SUBCOMMANDS = {"lint": "textfix.lint", "report": "textfix.review"}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in SUBCOMMANDS:
        import importlib

        return importlib.import_module(SUBCOMMANDS[argv[0]]).main(argv[1:])
    args = _parser().parse_args(argv)
    try:
        config = Config(lexicons=tuple(args.lexicon), threshold=args.threshold,
                        assume_spun=args.assume_spun, fuzzy=not args.no_fuzzy)
        fixer = Fixer(config)
        version = lexicon_version(config)
    except (LexiconError, ValueError) as exc:
        print(f"textfix: {exc}", file=sys.stderr)
        return EXIT_USAGE
    out = sys.stdout.buffer
    status = EXIT_OK
    decoder = Decoder()
    try:
        explain = _explain_stream(args.explain)
        for name in args.files or ["-"]:
            try:
                stream = _open(name)
                try:
                    if args.detect:
                        _detect(fixer, name, stream, decoder, out)
                    else:
                        _repair(fixer, name, stream, decoder, out, explain, version)
                finally:
                    if stream is not sys.stdin.buffer:
                        stream.close()
                out.flush()
            except InputError as exc:
                print(f"textfix: {exc}", file=sys.stderr)
                status = EXIT_USAGE
        if explain is not None and explain is not sys.stderr:
            explain.close()
    except InputError as exc:
        print(f"textfix: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130
    if decoder.saw_invalid:
        print("textfix: warning: input is not valid UTF-8; the invalid bytes were passed through unchanged", file=sys.stderr)
    return status
