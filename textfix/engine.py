"""The pipeline: text -> windows -> tokens -> candidates (lookup) -> decisions (evidence) ->
edits (repair). A Fixer holds only its config, so it pickles cleanly; the compiled lexicon is
loaded lazily, once per process."""
from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator, NamedTuple

from . import evidence, lookup, repair
from .compiled import CompiledLexicon, compiled_lexicon
from .config import Config, resolve
from .protect import overlaps, protected_spans
from .results import Edit, Explained, Span, SpinReport
from .tokens import TokenStream
from .windows import WINDOW_CHARS, stream_windows, window_ranges


class Window(NamedTuple):
    """One window's lookup results and the fingerprints found in it with the gate closed."""

    tokens: TokenStream  # holds the text and the window's bounds in it
    base: int  # offset of the text in the document (streams hand over one window at a time)
    candidates: list[lookup.Candidate]
    fingerprints: list[evidence.Decision]


def _check_text(text: object) -> str:
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            "textfix works on str, not bytes: decode first, e.g. data.decode('utf-8', errors='surrogateescape')"
        )
    if not isinstance(text, str):
        raise TypeError(f"textfix works on str, not {type(text).__name__}")
    return text


class Fixer:
    """Repairs and scores text with one configuration."""

    def __init__(self, config: Config | None = None, **overrides: object) -> None:
        self.config = resolve(config, overrides)

    def __getstate__(self) -> dict:
        return {"config": self.config}

    def __setstate__(self, state: dict) -> None:
        self.config = state["config"]

    def __repr__(self) -> str:
        return f"Fixer({self.config!r})"

    @property
    def lexicon(self) -> CompiledLexicon:
        return compiled_lexicon(self.config)

    # -- the stages -------------------------------------------------------------------------

    def _analyse(self, text: str, lo: int, hi: int, base: int = 0) -> Window:
        tokens = TokenStream(text, lo, hi)
        lexicon = self.lexicon
        if lexicon.trie.keys().isdisjoint(tokens.norms):
            return Window(tokens, base, [], [])  # the common case in clean text, decided in C
        candidates = lookup.exact_candidates(tokens, lexicon)
        shielded = protected_spans(text, lo, hi)
        if shielded:
            candidates = [c for c in candidates if not overlaps(shielded, c.start, c.end)]
        fingerprints = [d for d in evidence.choose(tokens, candidates, False) if evidence.is_fingerprint(d)]
        return Window(tokens, base, candidates, fingerprints)

    def _gate(self, neighbourhood: Iterable[Window]) -> bool:
        if self.config.assume_spun:
            return True
        windows = list(neighbourhood)
        found = sum(len(w.fingerprints) for w in windows)
        words = sum(len(w.tokens) for w in windows)
        return evidence.spin_score(found, words) >= self.config.threshold

    def _decide(self, window: Window, gate_open: bool) -> list[evidence.Decision]:
        candidates = window.candidates
        if gate_open and self.config.fuzzy:
            candidates = self._with_fuzzy(window)
        return evidence.choose(window.tokens, candidates, gate_open)

    def _with_fuzzy(self, window: Window) -> list[lookup.Candidate]:
        from .vocabulary import english_vocabulary

        tokens = window.tokens
        placed = {i for c in window.candidates for i in range(c.first, c.last + 1)}
        fuzzy = lookup.fuzzy_candidates(tokens, placed, self.lexicon, english_vocabulary())
        shielded = protected_spans(tokens.text, tokens.lo, tokens.hi)
        fuzzy = [c for c in fuzzy if not overlaps(shielded, c.start, c.end)]
        if not fuzzy:
            return window.candidates
        return sorted(window.candidates + fuzzy, key=lambda c: (c.first, c.first - c.last))

    def _decided(self, windows: Iterable[Window]) -> Iterator[tuple[Window, bool, list[evidence.Decision]]]:
        """Each window with its gate and decisions; the gate sees one window on either side."""
        recent: deque[Window] = deque(maxlen=3)
        for window in windows:
            recent.append(window)
            if len(recent) >= 2:
                current = recent[-2]
                gate = self._gate(recent)
                yield current, gate, self._decide(current, gate)
        if recent:
            current = recent[-1]
            gate = self._gate(list(recent)[-2:])
            yield current, gate, self._decide(current, gate)

    # -- public operations --------------------------------------------------------------------

    def explain(self, text: str) -> Explained:
        """The repaired text and the edits that make it."""
        text = _check_text(text)
        windows = (self._analyse(text, lo, hi) for lo, hi in window_ranges(text))
        edits: list[Edit] = []
        for window, _, decisions in self._decided(windows):
            edits += repair.edits_for(window.tokens, decisions, self.lexicon)
        return Explained(repair.apply_edits(text, edits) if edits else text, edits)

    def fix(self, text: str) -> str:
        return self.explain(text).text

    def _stream(self, pieces: Iterable[str]) -> Iterator[Window]:
        base = 0
        for text in stream_windows(pieces, WINDOW_CHARS):
            yield self._analyse(text, 0, len(text), base)
            base += len(text)

    def fix_stream(self, pieces: Iterable[str]) -> Iterator[tuple[str, int, list[Edit]]]:
        """Repair text arriving in pieces, in bounded memory.

        Yields (repaired window, offset of the window in the input, its edits); each edit's
        offsets are relative to its own window."""
        for window, _, decisions in self._decided(self._stream(pieces)):
            text = window.tokens.text
            edits = repair.edits_for(window.tokens, decisions, self.lexicon)
            yield (repair.apply_edits(text, edits) if edits else text), window.base, edits

    def detect(self, text: str) -> SpinReport:
        """Score a text for spin without repairing it."""
        text = _check_text(text)
        return self._report(self._analyse(text, lo, hi) for lo, hi in window_ranges(text))

    def detect_stream(self, pieces: Iterable[str]) -> SpinReport:
        """detect() for text arriving in pieces, in bounded memory."""
        return self._report(self._stream(pieces))

    def _report(self, windows: Iterable[Window]) -> SpinReport:
        spans: list[Span] = []
        found = words = 0
        families: dict[str, int] = {}
        for window, _, decisions in self._decided(windows):
            found += len(window.fingerprints)
            words += len(window.tokens)
            for d in decisions:
                if d.entry.cls == "keep":
                    continue
                kind = "unambiguous" if evidence.is_fingerprint(d) else "context"
                start, end = d.candidate.start, d.candidate.end
                spans.append(Span(window.base + start, window.base + end, window.tokens.text[start:end],
                                  d.entry.original, d.entry.family, kind))
                families[d.entry.family] = families.get(d.entry.family, 0) + 1
        score = round(evidence.spin_score(found, words), 4)
        return SpinReport(score, score >= self.config.threshold, tuple(spans), words, found, families)
