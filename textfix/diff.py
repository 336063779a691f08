"""`--diff`: the repaired text as a word diff, [-spun-]{+restored+} as `git diff --word-diff`
prints it, in red and green on a terminal."""
from __future__ import annotations

from typing import Iterable

from .results import Edit

PLAIN = ("[-", "-]", "{+", "+}")
COLOUR = ("\x1b[31m[-", "-]\x1b[m", "\x1b[32m{+", "+}\x1b[m")


def word_diff(repaired: str, edits: Iterable[Edit], colour: bool = False) -> str:
    """The diff of a repaired text and the edits that made it (offsets into the text as given)."""
    open_old, close_old, open_new, close_new = COLOUR if colour else PLAIN
    out: list[str] = []
    position = 0  # in the repaired text
    delta = 0  # repaired offset minus original offset
    for edit in edits:
        start = edit.start + delta
        out += [repaired[position:start], open_old, edit.before, close_old, open_new, edit.after, close_new]
        position = start + len(edit.after)
        delta += len(edit.after) - (edit.end - edit.start)
    out.append(repaired[position:])
    return "".join(out)
