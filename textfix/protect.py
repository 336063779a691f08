"""Spans that are never edited: URLs, e-mail addresses, code, quoted titles, reference lists.

Restoring a tortured phrase inside a citation corrupts the citation: a reference list and a
quoted title are the words of another text, and stay as they are.
"""
from __future__ import annotations

import re
from functools import cache

PROTECTED_PATTERN = re.compile(
    r"```.*?(?:```|\Z)"                       # fenced code block
    r"|`[^`\n]+`"                             # inline code span
    r"|\b(?:https?|ftp)://[^\s<>\"'“”]+"      # URL with a scheme
    r"|\bwww\.[^\s<>\"'“”]+"                  # bare www. address
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",         # e-mail address
    re.DOTALL,
)
_TRIGGERS = ("`", "://", "www.", "@")
# Curly and straight quotations, as two patterns: each runs only when its mark is in the window,
# and a pattern without an alternation scans for its first character much faster.
QUOTED = (("“", re.compile(r"“[^”\n]{3,300}”")), ('"', re.compile(r'"[^"\n]{3,300}"')))
# A heading line that opens a paper's reference list; everything after it is protected.
REFERENCES_HEADING = re.compile(
    r"[ \t#*\d.]*(?:references|bibliography|works cited|literature cited|reference list|cited works)"
    r"[ \t*]*:?[ \t]*\r?",
    re.IGNORECASE,
)
# Every heading holds one of these; a line is matched against the pattern only where one occurs
# and the line is short enough to be a heading.
_HEADING_HINTS = ("eference", "EFERENCE", "ibliograph", "IBLIOGRAPH", "ited", "ITED")
_HEADING_MAX_CHARS = 40
_MINOR = frozenset("a an and as at but by for from in into of on or the to with via vs".split())


@cache
def _title_patterns() -> tuple:
    """A word that starts lower case and is not a minor word (a title has none), and a capitalised
    word followed by another; compiled on first use, as few texts quote anything that could be
    a title (the regex module's Unicode classes cost a short run's start-up time to import)."""
    import regex

    lower_major = regex.compile(r"(?<![\w'’-])(?!(?:" + "|".join(sorted(_MINOR)) + r")(?![\w'’-]))\p{Ll}")
    capitalised = regex.compile(r"(?<![\w'’-])\p{Lu}\w*(?:[ ,:;-]+\w+)")
    return lower_major, capitalised


def is_title(quoted: str) -> bool:
    """Whether a quotation reads as a title ("Deep Learning for Image Recognition"), not speech:
    two words or more, every word but the minor ones capitalised."""
    for word in quoted.split():  # speech shows a lower-case major word early: no regex needed
        if word[0].islower() and word.isalpha() and word not in _MINOR:
            return False
    lower_major, capitalised = _title_patterns()
    return not lower_major.search(quoted) and bool(capitalised.search(quoted))


class Shield:
    """The protected spans of one document, window by window: once a reference-list heading
    has been seen, the rest of the document is protected."""

    def __init__(self) -> None:
        self.in_references = False

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """(start, end) of every protected span in text[start:end], in order."""
        end = len(text) if end is None else end
        if self.in_references:
            return [(start, end)]
        window = text[start:end]
        spans = []
        if any(t in window for t in _TRIGGERS):
            spans += [m.span() for m in PROTECTED_PATTERN.finditer(text, start, end)]
        for mark, quoted in QUOTED:
            if mark in window:
                spans += [m.span() for m in quoted.finditer(text, start, end) if is_title(m.group()[1:-1])]
        heading = _reference_heading(text, start, end)
        if heading is not None:
            self.in_references = True
            spans.append((heading, end))
        return sorted(spans)


def _reference_heading(text: str, start: int, end: int) -> int | None:
    """Where the first reference-list heading line in text[start:end] starts, if any."""
    found = None
    for hint in _HEADING_HINTS:
        at = text.find(hint, start, end)
        while at != -1:
            line_start = text.rfind("\n", start, at) + 1 or start
            line_end = text.find("\n", at, end)
            line_end = end if line_end == -1 else line_end
            if line_end - line_start <= _HEADING_MAX_CHARS and REFERENCES_HEADING.fullmatch(text, line_start, line_end):
                found = line_start if found is None else min(found, line_start)
                break
            at = text.find(hint, line_end, end)
    return found


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)
