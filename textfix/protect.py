"""Spans that are never edited: URLs, e-mail addresses and code."""
from __future__ import annotations

import re

PROTECTED_PATTERN = re.compile(
    r"```.*?(?:```|\Z)"                       # fenced code block
    r"|`[^`\n]+`"                             # inline code span
    r"|\b(?:https?|ftp)://[^\s<>\"'“”]+"      # URL with a scheme
    r"|\bwww\.[^\s<>\"'“”]+"                  # bare www. address
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",         # e-mail address
    re.DOTALL,
)
_TRIGGERS = ("`", "://", "www.", "@")


def protected_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of every protected span in text[start:end], in order."""
    end = len(text) if end is None else end
    window = text[start:end] if (start or end != len(text)) else text
    if not any(t in window for t in _TRIGGERS):
        return []
    return [m.span() for m in PROTECTED_PATTERN.finditer(text, start, end)]


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)
