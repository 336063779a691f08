"""The pipeline: text -> windows -> tokens -> candidates (lookup) -> decisions (evidence) ->
edits (repair). A Fixer holds only its config, so it pickles cleanly; the compiled lexicon is
loaded lazily, once per process."""
from __future__ import annotations

from collections import deque
from operator import attrgetter
from typing import Iterable, Iterator, NamedTuple

from . import compose, evidence, lookup, repair
from .calibration import detection_score
from .compiled import EVIDENCE, CompiledLexicon, compiled_lexicon
from .config import Config, resolve
from .language import Tally
from .memo import Memo
from .prescreen import prescreen_for
from .protect import Shield, overlaps
from .results import Edit, Explained, Span, SpinReport
from .tokens import TokenStream, normalise
from .windows import WINDOW_CHARS, stream_windows, window_ranges


MAX_PASSES = 3  # repairs of one window, the first included: see Fixer._settled
LINE_CHARS = 4_000  # the longest line the prescreen's hits are looked up in alone


class Window(NamedTuple):
    """One window's lookup results and the fingerprints found in it with the gate closed."""

    tokens: TokenStream  # holds the text and the window's bounds in it
    base: int  # offset of the text in the document (streams hand over one window at a time)
    shielded: list[tuple[int, int]]  # URLs, e-mail addresses, code
    sure: list[lookup.Candidate]  # matches of the entries that need no document evidence
    licensed: dict  # the verdicts on those matches, which the gate does not change
    closed: list[evidence.Decision]  # the decisions with the document gate closed
    fingerprints: list[evidence.Decision]
    in_references: bool  # whether the document's reference list began before this window
    unicode: tuple[str, list[Edit]] | None = None  # with unicode_fix: the window as given, and ftfy's edits of it


def _check_text(text: object) -> str:
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            "textfix works on str, not bytes: decode first, e.g. data.decode('utf-8', errors='surrogateescape')"
        )
    if not isinstance(text, str):
        raise TypeError(f"textfix works on str, not {type(text).__name__}")
    return text


_FIRST, _LAST = attrgetter("first"), attrgetter("last")


class Fixer:
    """Repairs and scores text with one configuration."""

    def __init__(self, config: Config | None = None, **overrides: object) -> None:
        self.config = resolve(config, overrides)
        self._lexicon: CompiledLexicon | None = None

    def __getstate__(self) -> dict:
        return {"config": self.config}

    def __setstate__(self, state: dict) -> None:
        self.config = state["config"]
        self._lexicon = None

    def __repr__(self) -> str:
        return f"Fixer({self.config!r})"

    @property
    def lexicon(self) -> CompiledLexicon:
        """Compiled on first use (once per process for each config), then kept."""
        if self._lexicon is None:
            self._lexicon = compiled_lexicon(self.config)
        return self._lexicon

    # -- the stages -------------------------------------------------------------------------

    @staticmethod
    def _candidates(tokens: TokenStream, trie: dict, starts: list[int], shielded: list[tuple[int, int]]) -> list[lookup.Candidate]:
        candidates = lookup.exact_candidates(tokens, trie, starts)
        if shielded:
            candidates = [c for c in candidates if not overlaps(shielded, c.start, c.end)]
        return candidates

    def _sure_candidates(self, tokens: TokenStream, shielded: list[tuple[int, int]]) -> list[lookup.Candidate]:
        """The matches of the entries that can fire with the gate closed (unambiguous and keep)."""
        lexicon = self.lexicon
        return self._candidates(tokens, lexicon.sure_trie, lookup.start_positions(tokens, lexicon.starts), shielded)

    def _analyse(self, text: str, lo: int, hi: int, shield: Shield, base: int = 0) -> Window:
        """First pass: only what can fire with the gate closed, which gives the fingerprints."""
        tokens = TokenStream(text, lo, hi)
        in_references = shield.in_references
        shielded = shield.spans(text, lo, hi)
        sure = self._sure_candidates(tokens, shielded)
        licensed: dict = {}
        closed = evidence.choose(tokens, sure, evidence.CLOSED, licensed)
        fingerprints = [d for d in closed if evidence.is_fingerprint(d)]
        return Window(tokens, base, shielded, sure, licensed, closed, fingerprints, in_references)

    def _gate(self, neighbourhood: Iterable[Window], readings: dict[int, set] | None = None) -> int:
        """The gate's level (evidence.CLOSED, OPEN or STRONG) from the fingerprints around a
        window; a gate they leave closed opens where detection, which weighs the context
        evidence too, finds the neighbourhood spun (a text with one fingerprint and ten
        phrases licensed by their context is as spun as detect() says). `readings` keeps each
        window's context phrases for the next window's neighbourhood."""
        if self.config.assume_spun:
            return evidence.STRONG
        windows = list(neighbourhood)
        found = sum(len(w.fingerprints) for w in windows)
        words = sum(len(w.tokens) for w in windows)
        level = evidence.gate_level(found, words, self.config.threshold)
        if level == evidence.CLOSED and found:
            if readings is None:
                readings = {}
            context: set[tuple[str, ...]] = set()
            for w in windows:
                if id(w) not in readings:
                    readings[id(w)] = self._context_phrases(w)
                context |= readings[id(w)]
            spoken = sum(len(w.tokens.text[w.tokens.lo:w.tokens.hi].split()) for w in windows)
            if detection_score(found, len(context), spoken) >= self.config.threshold:
                level = evidence.OPEN
        return level

    def _context_phrases(self, window: Window) -> set[tuple[str, ...]]:
        """The distinct phrases of the window that detection counts as context evidence: those
        of the entries an open gate lets fire, fingerprints and keep phrases aside."""
        return {d.entry.tokens for d in self._decide(window, evidence.OPEN, escalate=False)
                if d.entry.cls != "keep" and not evidence.is_fingerprint(d)}

    def _decide(self, window: Window, gate: int, escalate: bool = True) -> list[evidence.Decision]:
        """Second pass, for windows whose gate is open: every entry, and the fuzzy fallback. With
        `escalate`, an OPEN gate turns STRONG where the window's own context evidence is strong."""
        if gate == evidence.CLOSED:
            return window.closed
        tokens = window.tokens
        lexicon = self.lexicon
        starts = lookup.start_positions(tokens, lexicon.starts, EVIDENCE)
        candidates = window.sure + self._candidates(tokens, lexicon.evidence_trie, starts, window.shielded)
        if self.config.fuzzy:
            candidates += self._fuzzy(tokens, candidates, window.shielded)
        if any(d.entry.family == "academic" for d in window.fingerprints):
            composition = compose.composition_for(lexicon.entries, lexicon.version)
            composed = compose.composed_candidates(tokens, composition, candidates)
            candidates += [c for c in composed if not overlaps(window.shielded, c.start, c.end)]
        # At each token the longest match first; for one phrase, unambiguous lines before evidence,
        # which holds as the sure matches come first in the list and both sorts are stable. Two
        # sorts on attribute keys cost less than one with a Python key function.
        candidates.sort(key=_LAST, reverse=True)
        candidates.sort(key=_FIRST)
        # The verdicts cached with the window are the sure matches', which no gate changes; each
        # reading at a level of its own adds the evidence matches' to a copy.
        decisions = evidence.choose(tokens, candidates, gate, dict(window.licensed))
        if escalate and gate == evidence.OPEN and evidence.context_phrases(decisions) >= evidence.STRONG_CONTEXT:
            decisions = evidence.choose(tokens, candidates, evidence.STRONG, dict(window.licensed))
        return evidence.corroborated(tokens, decisions)

    def _fuzzy(self, tokens: TokenStream, candidates: list[lookup.Candidate], shielded: list[tuple[int, int]]) -> list[lookup.Candidate]:
        from .vocabulary import english_vocabulary

        fuzzy = lookup.fuzzy_candidates(tokens, candidates, self.lexicon, english_vocabulary())
        return [c for c in fuzzy if not overlaps(shielded, c.start, c.end)]

    def _decided(self, windows: Iterable[Window]) -> Iterator[tuple[Window, int, list[evidence.Decision]]]:
        """Each window with its gate and decisions; the gate sees one window on either side."""
        recent: deque[Window] = deque(maxlen=3)
        readings: dict[int, set] = {}
        for window in windows:
            if len(recent) == recent.maxlen:
                readings.pop(id(recent[0]), None)  # it leaves the neighbourhood (and its id may be reused)
            recent.append(window)
            if len(recent) >= 2:
                current = recent[-2]
                gate = self._gate(recent, readings)
                yield current, gate, self._decide(current, gate)
        if recent:
            current = recent[-1]
            gate = self._gate(list(recent)[-2:], readings)
            yield current, gate, self._decide(current, gate)

    def _settled(self, window: Window, edits: list[Edit], explained: bool) -> list[Edit]:
        """The window's edits, with the window repaired again until nothing more is found, so
        that fix(fix(x)) == fix(x): a restoration can complete a key with the word beside it
        ("HOME HOME WINDOWS" -> "HOME WINDOWS" -> "WINDOWS"). The repaired window is judged
        as a text of its own, gate included, as a second call would judge it."""
        text, lo, hi = window.tokens.text, window.tokens.lo, window.tokens.hi
        for _ in range(MAX_PASSES - 1):
            repaired = repair.splice(text, edits, lo, hi)
            if self._without_fingerprints(repaired, [(0, len(repaired))]):
                break  # its gate stays closed, and with the gate closed only fingerprints fire
            shield = Shield()
            shield.in_references = window.in_references
            again = self._analyse(repaired, 0, len(repaired), shield)
            more = repair.edits_for(again.tokens, self._decide(again, self._gate([again])), self.lexicon, explained)
            if not more:
                break
            edits = repair.compose(text, edits, more, lo, hi)
        return edits

    def _edits(self, window: Window, decisions: list[evidence.Decision], explained: bool) -> list[Edit]:
        edits = repair.edits_for(window.tokens, decisions, self.lexicon, explained)
        return self._settled(window, edits, explained) if edits else edits

    # -- public operations --------------------------------------------------------------------

    def explain(self, text: str) -> Explained:
        """The repaired text and the edits that make it."""
        return self._run(text, explained=True)

    def fix(self, text: str) -> str:
        return self._run(text, explained=False).text

    def _run(self, text: str, explained: bool) -> Explained:
        text = _check_text(text)
        if self.config.unicode_fix:
            from .unicode import unicode_edits

            fixed, first = unicode_edits(text)
            if first:
                spun = self._spin(fixed, explained)
                return Explained(spun.text, repair.compose(text, first, spun.edits))
        return self._spin(text, explained)

    def _without_fingerprints(self, text: str, ranges: Iterable[tuple[int, int]] | None = None) -> bool:
        """Whether text, cut into windows at `ranges` (by default as _spin cuts it), holds no
        fingerprint, in which case the evidence gate stays closed throughout and nothing can
        fire: the prescreen's hits (most clean texts have none), and the line of each hit looked
        up on its own (most hits in clean text are keys whose capitals or context do not hold:
        "as well as" for the unambiguous "As well as,")."""
        if self.config.assume_spun:
            return False
        lexicon = self.lexicon
        low = normalise(text)
        hits = prescreen_for(lexicon.version, lexicon.fingerprint_keys).hits(low)
        if not hits:
            return hits is not None
        if len(low) != len(text) or _reads_document(lexicon):  # offsets or a line alone would not tell
            return False
        lines = sorted({_line_around(text, start, end) for start, end in hits})
        for window_lo, window_hi in window_ranges(text) if ranges is None else ranges:
            inside = [(lo, hi) for lo, hi in lines if window_lo <= lo < window_hi]
            if inside:
                protected = Shield().spans(text, window_lo, window_hi)  # once per window, for all its lines
                if any(self._line_has_fingerprint(text, lo, hi, protected) for lo, hi in inside):
                    return False
        return True

    def _line_has_fingerprint(self, text: str, lo: int, hi: int, protected: list[tuple[int, int]]) -> bool:
        """Whether the line text[lo:hi] holds a fingerprint as its window's lookup would find it.
        Keys and context never cross a line break, and a window is cut inside a line only when
        the line is longer than a window, so a line up to LINE_CHARS long is decided alone; the
        spans protected in it are its window's (`protected`), since a code fence may open on an
        earlier line. A reference list only protects more, so what it would rule out is left to
        the full lookup."""
        if hi - lo > LINE_CHARS:
            return True
        shielded = [(a, b) for a, b in protected if a < hi and b > lo]
        tokens = TokenStream(text, lo, hi)
        sure = self._sure_candidates(tokens, shielded)
        return any(evidence.is_fingerprint(d) for d in evidence.choose(tokens, sure, evidence.CLOSED))

    def _spin(self, text: str, explained: bool) -> Explained:
        if self._without_fingerprints(text):
            return Explained(text, [])
        shield = Shield()
        windows = (self._analyse(text, lo, hi, shield) for lo, hi in window_ranges(text))
        edits: list[Edit] = []
        for window, _, decisions in self._decided(windows):
            edits += self._edits(window, decisions, explained)
        return Explained(repair.splice(text, edits) if edits else text, edits)

    def _stream(self, pieces: Iterable[str]) -> Iterator[Window]:
        base = 0
        shield = Shield()
        if self.config.unicode_fix:
            from .unicode import unicode_edits
        else:
            unicode_edits = None
        for text in stream_windows(pieces, WINDOW_CHARS):
            if unicode_edits is not None:
                fixed, first = unicode_edits(text)
                if first:
                    yield self._analyse(fixed, 0, len(fixed), shield, base)._replace(unicode=(text, first))
                    base += len(text)
                    continue
            yield self._analyse(text, 0, len(text), shield, base)
            base += len(text)

    def fix_stream(self, pieces: Iterable[str]) -> Iterator[tuple[str, int, list[Edit]]]:
        """Repair text arriving in pieces, in bounded memory.

        Yields (repaired window, offset of the window in the input, its edits); each edit's
        offsets are relative to its own window."""
        for window, _, decisions in self._decided(self._stream(pieces)):
            text = window.tokens.text
            edits = self._edits(window, decisions, True)
            repaired = repair.splice(text, edits) if edits else text
            if window.unicode is not None:
                given, first = window.unicode
                edits = repair.compose(given, first, edits)
            yield repaired, window.base, edits

    def detect(self, text: str) -> SpinReport:
        """Score a text for spin without repairing it."""
        text = _check_text(text)
        shield = Shield()
        return self._report(self._analyse(text, lo, hi, shield) for lo, hi in window_ranges(text))

    def detect_stream(self, pieces: Iterable[str]) -> SpinReport:
        """detect() for text arriving in pieces, in bounded memory."""
        return self._report(self._stream(pieces))

    def _report(self, windows: Iterable[Window]) -> SpinReport:
        """Every window is read as if the gate were open: an ambiguous entry whose context holds
        is evidence of its own (kind "context"), weighed by the score's model with the
        unambiguous fingerprints. `**` entries, common words restored only where spin is
        already strong, are not read: they are no evidence of it. Context evidence counts
        distinct phrases, not occurrences: a word the text keeps using is one piece of it. Words are counted, and the language
        judged, on the whitespace-separated words of each lower-cased window."""
        spans: list[Span] = []
        found = 0
        context: set[tuple[str, ...]] = set()
        families: dict[str, int] = {}
        counts = WordCount()
        for window in windows:
            tokens = window.tokens
            counts.add(normalise(tokens.text[tokens.lo:tokens.hi]))
            found += len(window.fingerprints)
            for d in self._decide(window, evidence.OPEN, escalate=False):
                if d.entry.cls == "keep":
                    continue
                fingerprint = evidence.is_fingerprint(d)
                if not fingerprint:
                    context.add(d.entry.tokens)
                start, end = d.candidate.start, d.candidate.end
                spans.append(Span(window.base + start, window.base + end, tokens.text[start:end], d.entry.original,
                                  d.entry.family, "unambiguous" if fingerprint else "context"))
                families[d.entry.family] = families.get(d.entry.family, 0) + 1
        if not counts.language.english:
            return SpinReport(None, False, (), counts.total, 0, {}, english=False)
        score = round(detection_score(found, len(context), counts.total), 4)
        return SpinReport(score, score >= self.config.threshold, tuple(spans), counts.total, found, families,
                          len(context))


def _line_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the line (its line break included) that holds text[start:end]."""
    stop = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if stop < 0 else stop + 1


_reading_document: Memo[str, bool] = Memo()


def _reads_document(lexicon: CompiledLexicon) -> bool:
    """Whether some unambiguous entry has a `doc:` condition, which a line alone cannot decide
    (the packaged lexicons have none); worked out once per lexicon version."""
    return _reading_document.get(lexicon.version, lambda: any(
        cond.position == "doc"
        for entry in lexicon.entries if entry.cls == "unambiguous" and entry.rule is not None
        for alternative in entry.rule.alternatives for cond in alternative
    ))


class WordCount:
    """A text's whitespace-separated words, counted window by window, and its language tally."""

    __slots__ = ("total", "language")

    def __init__(self) -> None:
        self.total = 0
        self.language = Tally()

    def add(self, low: str) -> None:
        """Count a lower-cased window (tokens.normalise)."""
        words = low.split()
        self.total += len(words)
        self.language.add(words)
