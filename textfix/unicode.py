"""Unicode repair before spin repair (Config(unicode_fix=True), `--unicode`): scraped spun
text often carries mojibake and HTML entities too. ftfy repairs them; its changes become edits
of their own, found by a character diff of each changed line, so every offset still refers to
the text the user gave.

Only ftfy's repairs of broken text are used: curly quotes, line breaks, character widths,
control characters and lone surrogates (bytes that were not UTF-8) are left as written.
"""
from __future__ import annotations

from functools import lru_cache

from .results import Edit

RULE = "unicode (ftfy)"
CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def _config():
    import ftfy

    return ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, fix_character_width=False,
                                remove_control_chars=False, fix_surrogates=False)


def _steps(explanation) -> str:
    names = [f"{action} {parameter}" for action, parameter in explanation or ()]
    return "ftfy: " + ", ".join(names) if names else "ftfy"


def _line_edits(line: str, fixed: str, base: int, evidence: str) -> list[Edit]:
    """One edit per run of differing characters (adjacent diff operations merged)."""
    from rapidfuzz.distance import Levenshtein

    runs: list[list[int]] = []  # [start, end, start in fixed, end in fixed]
    equal_before = True
    for op in Levenshtein.opcodes(line, fixed):
        if op.tag == "equal":
            equal_before = True
        elif equal_before:
            runs.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
            equal_before = False
        else:
            runs[-1][1], runs[-1][3] = op.src_end, op.dest_end
    return [Edit(base + a, base + b, line[a:b], fixed[c:d], RULE, CONFIDENCE, evidence) for a, b, c, d in runs]


def unicode_edits(text: str) -> tuple[str, list[Edit]]:
    """The text with ftfy's repairs, and those repairs as edits of `text`, line by line."""
    import ftfy

    config = _config()
    pieces: list[str] = []
    edits: list[Edit] = []
    position = 0
    for line in text.splitlines(keepends=True):
        fixed, explanation = ftfy.fix_and_explain(line, config)
        if fixed != line:
            edits += _line_edits(line, fixed, position, _steps(explanation))
        pieces.append(fixed)
        position += len(line)
    return ("".join(pieces), edits) if edits else (text, [])
