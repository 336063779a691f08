"""Bounded windows over a document, so evidence of a long stream needs bounded memory.

A window ends at a line break when one falls inside the size limit, else at a space, else at
the limit. Cutting depends only on the text, so a string and the same text arriving as a
stream of pieces are cut identically.
"""
from __future__ import annotations

from typing import Iterable, Iterator

WINDOW_CHARS = 16_384


def cut(text: str, start: int, limit: int = WINDOW_CHARS) -> int:
    """Where the window starting at `start` ends."""
    stop = start + limit
    if stop >= len(text):
        return len(text)
    newline = text.rfind("\n", start, stop)
    if newline >= start:
        return newline + 1
    for i in range(stop - 1, start, -1):
        if text[i].isspace():
            return i + 1
    return stop


def window_ranges(text: str, limit: int = WINDOW_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) of each window of a whole string."""
    start = 0
    while start < len(text):
        end = cut(text, start, limit)
        yield start, end
        start = end


def stream_windows(pieces: Iterable[str], limit: int = WINDOW_CHARS) -> Iterator[str]:
    """The windows of text arriving in pieces, each as its own string."""
    buffer = ""
    for piece in pieces:
        buffer += piece
        start = 0
        while len(buffer) - start > limit:
            end = cut(buffer, start, limit)
            yield buffer[start:end]
            start = end
        buffer = buffer[start:]
    if buffer:
        yield buffer
