"""Repair: turn decisions into edits that keep the source's casing and its a/an agreement,
and apply edits to text. Every character outside an edit stays byte-identical."""
from __future__ import annotations

from operator import itemgetter
from typing import Iterable

from .evidence import Decision, licence
from .compiled import CompiledLexicon
from .results import Edit
from .tokens import TokenStream, apply_case, case_pattern

ARTICLE_RULE = "a/an agreement"
_AN_EXCEPTIONS = ("uni", "use", "usu", "usa", "ute", "uti", "eu", "one", "once", "ewe", "ubiq", "ura", "ure", "uro")
_SILENT_H = ("hour", "honest", "honor", "honour", "heir")


def takes_an(word: str) -> bool:
    """Whether "an" rather than "a" goes before a word, by its usual pronunciation."""
    lower = word.lower()
    if not lower:
        return False
    if lower.startswith(_SILENT_H):
        return True
    if lower[0] in "aeiou":
        return not lower.startswith(_AN_EXCEPTIONS)
    if lower[0] == "8":
        return True
    return lower.startswith(("11", "18")) and (len(lower) == 2 or not lower[2].isdigit())


FUZZY_PENALTY = 0.15  # a fuzzy match's confidence is its entry's, lowered by this
_new_tuple = tuple.__new__  # an Edit from a full tuple of fields, without NamedTuple's Python-level __new__


def edits_for(tokens: TokenStream, decisions: Iterable[Decision], lexicon: CompiledLexicon,
              explained: bool = True) -> list[Edit]:
    """The edits that decisions make, in text order, with a/an agreement kept. Unexplained edits
    (for callers that only want the text) carry no confidence and no evidence."""
    text, norms = tokens.text, tokens.norms
    confidences = lexicon.confidence
    edits: list[Edit] = []
    for decision in decisions:
        cand, entry, _ = decision
        if entry.cls == "keep":
            continue
        before = text[cand.start:cand.end]
        after = entry.original if before.islower() else apply_case(entry.original, case_pattern(before))
        if "’" in before and "'" in after:  # the source's typographic apostrophe, not the lexicon's
            after = after.replace("'", "’")
        if after == before:
            continue
        if cand.first and norms[cand.first - 1] in _ARTICLES:  # checked here: most words follow none
            article = _article_edit(tokens, cand.first, before, after, edits)
            if article:
                edits.append(article)
        if explained:
            value = confidences[entry.source]
            if cand.fuzzy:
                value = round(value - FUZZY_PENALTY, 2)
            edits.append(_new_tuple(Edit, (cand.start, cand.end, before, after, entry.source, value, licence(decision))))
        else:
            edits.append(_new_tuple(Edit, (cand.start, cand.end, before, after, entry.source, 0.0, "")))
    return edits


_ARTICLES = frozenset(("a", "an"))


def _article_edit(tokens: TokenStream, first: int, before: str, after: str, edits: list[Edit]) -> Edit | None:
    """Fix "a"/"an" before a replaced word (which follows one of them) when the article agreed
    with the spun word but not the new one."""
    if tokens.gap_before(first) != " ":
        return None
    start, end = tokens.start(first - 1), tokens.end(first - 1)
    if edits and edits[-1].end > start:
        return None
    if before.isupper() or after.split()[0].isupper():
        return None  # acronyms are read letter by letter: leave the article to the writer
    spun_an, new_an = takes_an(before), takes_an(after)
    written = tokens.text[start:end]
    if (written.lower() == "an") != spun_an or spun_an == new_an:
        return None
    new = "an" if new_an else "a"
    new = apply_case(new, case_pattern(written)) if written[0].isupper() else new
    return Edit(start, end, written, new, ARTICLE_RULE, 0.95, f"agrees with {after.split()[0]!r}")


def splice(text: str, edits: list[Edit], start: int = 0, end: int | None = None) -> str:
    """apply_edits for edits the engine made itself: in order, disjoint, and matching the text
    by construction, so nothing needs checking. With start and end, text[start:end] repaired by
    the edits that lie in it (offsets still into text)."""
    out: list[str] = []
    pos = start
    for edit in edits:
        out.append(text[pos:edit.start])
        out.append(edit.after)
        pos = edit.end
    out.append(text[pos:end])
    return "".join(out)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply edits (offsets into text) and return the new text.

    Raises ValueError when edits overlap or do not match the text they claim to replace.
    """
    if isinstance(text, (bytes, bytearray)):
        raise TypeError("apply_edits takes str; decode bytes first, e.g. data.decode('utf-8')")
    out: list[str] = []
    pos = 0
    for edit in sorted(edits, key=itemgetter(0, 1)):  # by start, then end
        if edit.start < pos or edit.end > len(text) or edit.start > edit.end:
            raise ValueError(f"edit {edit.start}:{edit.end} overlaps another or lies outside the text")
        if text[edit.start:edit.end] != edit.before:
            raise ValueError(f"edit {edit.start}:{edit.end} expects {edit.before!r}, text has {text[edit.start:edit.end]!r}")
        out.append(text[pos:edit.start])
        out.append(edit.after)
        pos = edit.end
    out.append(text[pos:])
    return "".join(out)


def compose(text: str, first: list[Edit], second: list[Edit], lo: int = 0, hi: int | None = None) -> list[Edit]:
    """One list of edits from `text` to the result of applying `first`, then `second`. The
    first edits lie in text[lo:hi], with offsets into text; the second ones have offsets into
    text[lo:hi] as the first left it. Edits of the two lists that overlap or touch merge into
    one, which names both rules, so every edit still replaces original text."""
    if not second:
        return first
    middle = splice(text, first, lo, hi)
    placed: list[tuple[int, int, int, Edit]] = []  # middle start, middle end, pass, edit
    delta = -lo
    for edit in first:
        start = edit.start + delta
        placed.append((start, start + len(edit.after), 1, edit))
        delta += len(edit.after) - (edit.end - edit.start)
    placed += [(edit.start, edit.end, 2, edit) for edit in second]
    placed.sort(key=itemgetter(0, 1, 2))
    groups: list[list[tuple[int, int, int, Edit]]] = []
    reach = -1  # the end of the last group
    for item in placed:
        if groups and item[0] <= reach:
            groups[-1].append(item)
            reach = max(reach, item[1])
        else:
            groups.append([item])
            reach = item[1]
    composed: list[Edit] = []
    shift = lo  # offset in text minus offset in middle, before the current group
    for group in groups:
        firsts = [edit for _, _, kind, edit in group if kind == 1]
        seconds = [(start, end, edit) for start, end, kind, edit in group if kind == 2]
        change = sum(e.end - e.start - len(e.after) for e in firsts)
        if not seconds:
            composed += firsts
        elif not firsts:
            composed += [edit._replace(start=start + shift, end=end + shift) for start, end, edit in seconds]
        else:
            low = min(start for start, _, _, _ in group)
            high = max(end for _, end, _, _ in group)
            xs = min(low + shift, firsts[0].start)
            xe = max(high + shift + change, firsts[-1].end)
            pieces, pos = [], low
            for start, end, edit in seconds:
                pieces += [middle[pos:start], edit.after]
                pos = end
            pieces.append(middle[pos:high])
            edits = firsts + [edit for _, _, edit in seconds]
            before, after = text[xs:xe], "".join(pieces)
            if before != after:  # a second pass can undo a first: then nothing changed
                composed.append(Edit(xs, xe, before, after, " then ".join(e.rule for e in edits),
                                     min(e.confidence for e in edits),
                                     "; ".join(e.evidence for e in edits if e.evidence)))
        shift += change
    return composed
