"""The `textfix` command: a Unix filter that repairs spun text (also `python -m textfix`).

Exit codes: 0 success; 1 when --check finds a spun document; 2 usage errors, unreadable
files, malformed lexicons and malformed JSON lines; 130 when interrupted. Input is read as
bytes and decoded as UTF-8; bytes that are not UTF-8 pass through unchanged (surrogateescape)
with one warning on stderr.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from typing import BinaryIO, NamedTuple, TextIO

from . import __version__, lexicon_version
from .batch import default_jobs, ordered_map
from .cli_io import (Decoder, InputError, Progress, encode, explain_stream, input_size, open_input, open_output,
                     read_input)
from .config import Config
from .diff import word_diff
from .engine import Fixer
from .lexicon import LexiconError
from .results import Edit

EXIT_OK, EXIT_SPUN, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="textfix",
        description="Find spun prose and restore what it originally said. Reads the FILEs "
        "(standard input when there are none) and writes the repaired text to standard output. "
        "`textfix lint PATH...` checks lexicon files; `textfix report FILE...` writes an HTML review page.",
        epilog="Exit status: 0 on success; 1 when --check finds a spun document; 2 on a usage error, an unreadable file, a malformed lexicon "
        "or a malformed JSON line; 130 when interrupted.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="input files; '-' for standard input")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output (never over an input)")
    parser.add_argument("--explain", metavar="FILE", help="write every edit as a JSON line to FILE ('-' for stderr)")
    parser.add_argument("--detect", action="store_true", help="print each document's spin score instead of repairing")
    parser.add_argument("--check", action="store_true",
                        help="print nothing; exit 1 when any document is spun, 0 when none is (like diff)")
    parser.add_argument("--diff", action="store_true", help="print a word diff ([-spun-]{+restored+}) instead of the text")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the diff (auto: on a terminal)")
    parser.add_argument("--jsonl", action="store_true", help="input is JSON lines: repair one field of each record")
    parser.add_argument("--field", default="text", help="with --jsonl, the field to repair (default %(default)s)")
    parser.add_argument("--group-by", metavar="FIELD", help="with --jsonl, consecutive records with the same FIELD value are one document")
    parser.add_argument("--explain-field", metavar="NAME", help="with --jsonl, put each repaired record's edits in field NAME")
    parser.add_argument("--skip-bad", action="store_true", help="with --jsonl, pass malformed lines through instead of stopping")
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N", help="documents in N worker processes, output in input order (0: one per CPU)")
    parser.add_argument("--unicode", action="store_true", help="also repair mojibake and HTML entities (ftfy) before the spin repair")
    parser.add_argument("--lexicon", metavar="PATH", action="append", default=[], help="add a lexicon file (repeatable)")
    parser.add_argument("--assume-spun", action="store_true", help="treat every document as spun (skip the document gate)")
    parser.add_argument("--threshold", type=float, default=Config.threshold, help="spin score at which a document counts as spun (default %(default)s)")
    parser.add_argument("--no-fuzzy", action="store_true", help="match lexicon keys exactly only")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar (it is shown only on a terminal, for large input)")
    parser.add_argument("--version", action="version", version=f"textfix {__version__}")
    return parser


class Settings(NamedTuple):
    """What each document's output needs besides the fixer."""

    version: str  # of the lexicons, carried by --explain records
    diff: bool
    colour: bool


def _explain_records(name: str, edits: list[Edit], base: int, version: str, line: int | None = None) -> str:
    out = []
    for edit in edits:
        record = {"document": name, **({"line": line} if line is not None else {}), **edit._asdict(), "lexicon": version}
        record["start"] += base
        record["end"] += base
        out.append(json.dumps(record, ensure_ascii=False) + "\n")
    return "".join(out)


def _render(text: str, edits: list[Edit], settings: Settings) -> str:
    return word_diff(text, edits, settings.colour) if settings.diff else text


def _repair_stream(fixer: Fixer, name: str, stream: BinaryIO, decoder: Decoder, out: BinaryIO,
                   explain: TextIO | None, settings: Settings) -> None:
    """One document in bounded memory: repaired window by window."""
    for text, base, edits in fixer.fix_stream(decoder.pieces(stream, name)):
        out.write(encode(_render(text, edits, settings)))
        if explain is not None and edits:
            explain.write(_explain_records(name, edits, base, settings.version))


class FileResult(NamedTuple):
    output: bytes
    explained: str
    invalid: bool
    error: str | None


class FileTask(NamedTuple):
    """One whole file in a worker process (--jobs with several files)."""

    settings: Settings
    explain: bool

    def __call__(self, fixer: Fixer, name: str) -> FileResult:
        try:
            text, invalid = read_input(name)
        except InputError as exc:
            return FileResult(b"", "", False, str(exc))
        result = fixer.explain(text)
        explained = _explain_records(name, result.edits, 0, self.settings.version) if self.explain else ""
        return FileResult(encode(_render(result.text, result.edits, self.settings)), explained, invalid, None)


def _detect(fixer: Fixer, name: str, stream: BinaryIO, decoder: Decoder, out: BinaryIO | None) -> bool:
    """Write the document's report line (unless out is None, for --check); whether it is spun."""
    from .jsonl import report_line

    report = fixer.detect_stream(decoder.pieces(stream, name))
    if out is not None:
        out.write(encode(report_line(report, name)))
    return report.is_spun


class JsonlOutcome(NamedTuple):
    status: int
    skipped: int  # malformed lines passed through
    invalid: bool  # bytes that are not UTF-8 were seen
    spun: int  # with --detect or --check: documents found spun


def _jsonl(fixer: Fixer, args: argparse.Namespace, name: str, stream: BinaryIO, progress: Progress,
           out: BinaryIO | None, explain: TextIO | None, settings: Settings, jobs: int) -> JsonlOutcome:
    """Repair (or with --detect, --check score) the records of one JSON-lines input; out is
    None for --check, which writes nothing."""
    from .jsonl import BlockTask, Options, blocks

    detect = args.detect or args.check
    options = Options(args.field, args.group_by, args.explain_field, args.skip_bad, explain is not None, detect, name)
    results = ordered_map(BlockTask(options), blocks(stream, options, progress), fixer, jobs, 1)
    skipped, invalid, spun = 0, False, 0
    try:
        for result in results:
            if out is not None:
                out.write(result.output)
            skipped += len(result.malformed)
            invalid |= result.invalid
            spun += result.spun
            if explain is not None:
                for line, edits in result.edits:
                    explain.write(_explain_records(name, edits, 0, settings.version, line))
            if result.error is not None:
                if out is not None:
                    out.flush()
                print(f"textfix: {name}: {result.error} (--skip-bad passes such lines through)", file=sys.stderr)
                return JsonlOutcome(EXIT_USAGE, skipped, invalid, spun)
    finally:
        results.close()
    return JsonlOutcome(EXIT_OK, skipped, invalid, spun)


# Subcommands take precedence over files of the same name (give such a file as ./lint).
SUBCOMMANDS = {"lint": "textfix.lint", "report": "textfix.review", "learn": "textfix.learning", "trace": "textfix.tracing"}


def _usage_problem(args: argparse.Namespace) -> str | None:
    if args.check and (args.detect or args.diff or args.output or args.explain):
        return "--check prints nothing: it does not combine with --detect, --diff, -o or --explain"
    if args.diff and (args.jsonl or args.detect):
        return "--diff works on plain text, without --jsonl or --detect"
    if (args.detect or args.check) and (args.explain_field or args.unicode):
        return "--explain-field and --unicode belong to repairing, not to --detect or --check"
    if not args.jsonl and (args.group_by or args.explain_field or args.skip_bad or args.field != "text"):
        return "--field, --group-by, --explain-field and --skip-bad need --jsonl"
    if args.jobs < 0:
        return f"--jobs must be 0 (one per CPU) or more, not {args.jobs}"
    return None


def _load_lexicon(config: Config) -> str:
    """Load the compiled lexicon, then freeze it out of the garbage collector's reach: its hundred
    thousand objects live until the command exits, and collections that walk them again and
    again would cost a short run a tenth of its time. Returns the lexicon's version."""
    gc.disable()
    try:
        return lexicon_version(config)
    finally:
        gc.freeze()
        gc.enable()


def run() -> None:
    """The installed command: main(), then, for the filter, an exit that skips freeing the
    loaded lexicon's hundred thousand objects one by one (a sixth of a short run's time). Every
    file main() wrote is closed by then; standard output and error are flushed here, and if a
    flush fails the normal exit reports it. Subcommands exit normally."""
    status = main()
    if sys.argv[1:2] and sys.argv[1] in SUBCOMMANDS:
        sys.exit(status)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(status)
    os._exit(status)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in SUBCOMMANDS:
        import importlib

        return importlib.import_module(SUBCOMMANDS[argv[0]]).main(argv[1:])
    args = _parser().parse_args(argv)
    problem = _usage_problem(args)
    if problem:
        print(f"textfix: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        config = Config(lexicons=tuple(args.lexicon), threshold=args.threshold, assume_spun=args.assume_spun,
                        fuzzy=not args.no_fuzzy, unicode_fix=args.unicode)
        fixer = Fixer(config)
        version = _load_lexicon(config)
    except (LexiconError, ValueError) as exc:
        print(f"textfix: {exc}", file=sys.stderr)
        return EXIT_USAGE
    names = args.files or ["-"]
    jobs = args.jobs or default_jobs()
    colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty() and not os.environ.get("NO_COLOR"))
    settings = Settings(version, args.diff, colour)
    progress = Progress(input_size(names), not args.no_progress)
    decoder = Decoder(progress)
    status = EXIT_OK
    skipped = spun = 0
    out = None
    try:
        out = open_output(args.output, names)
        explain = explain_stream(args.explain, names)
        if jobs > 1 and not (args.jsonl or args.detect or args.check) and len(names) > 1 and "-" not in names:
            for name, result in zip(names, ordered_map(FileTask(settings, explain is not None), names, fixer, jobs, 1)):
                if result.error:
                    print(f"textfix: {result.error}", file=sys.stderr)
                    status = EXIT_USAGE
                    continue
                out.write(result.output)
                out.flush()
                progress(len(result.output))
                decoder.saw_invalid |= result.invalid
                if explain is not None:
                    explain.write(result.explained)
        else:
            for name in names:
                try:
                    stream = open_input(name)
                    try:
                        report_to = None if args.check else out
                        if args.jsonl:
                            outcome = _jsonl(fixer, args, name, stream, progress, report_to, explain, settings, jobs)
                            skipped += outcome.skipped
                            decoder.saw_invalid |= outcome.invalid
                            spun += outcome.spun
                            if outcome.status != EXIT_OK:
                                return outcome.status
                        elif args.detect or args.check:
                            spun += _detect(fixer, name, stream, decoder, report_to)
                        else:
                            _repair_stream(fixer, name, stream, decoder, out, explain, settings)
                    finally:
                        if stream is not sys.stdin.buffer:
                            stream.close()
                    out.flush()
                except InputError as exc:
                    print(f"textfix: {exc}", file=sys.stderr)
                    status = EXIT_USAGE
                if args.check and spun:
                    break  # the answer is known, as with grep -q
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
        return EXIT_INTERRUPTED
    finally:
        progress.close()
        if out is not None and out is not sys.stdout.buffer:
            out.close()
    if decoder.saw_invalid:
        print("textfix: warning: input is not valid UTF-8; the invalid bytes were passed through unchanged", file=sys.stderr)
    if skipped:
        print(f"textfix: warning: {skipped} malformed JSON line(s) passed through unchanged", file=sys.stderr)
    if args.check and status == EXIT_OK and spun:
        return EXIT_SPUN
    return status
