"""Compile lexicon entries into the structures the lookup core walks, once per process.

A compiled lexicon is a token trie (a multi-word key is a path, its entries sit at the end),
a smaller trie of the entries that fire without document evidence (scanned first, so clean text
costs little), the single-word keys the fuzzy pass may reach, and each entry's confidence. It is keyed
by the content of the files it was built from, cached on disk (cache.py) and in memory.
"""
from __future__ import annotations

import hashlib
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from .cache import cached, tuple_reduce
from .compose import SOURCE as COMPOSED
from .config import Config
from .lexicon import FORMAT_VERSION, Entry, parse_entry, read_lexicon
from .memo import Memo

# Bumped whenever the compiled structure changes, so stale caches are never read.
COMPILER_VERSION = 24
TERMINAL = ""  # the trie key under which a node's entries are stored (never a token)


def builtin_lexicon_dir() -> Path:
    """The packaged lexicons: inside the installed package, or beside it in a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "lexicons", here.parent / "lexicons"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"textfix's lexicons are missing (looked in {here / 'lexicons'})")


def builtin_lexicon_paths() -> list[Path]:
    return sorted(builtin_lexicon_dir().glob("*.tsv"))


class Terminal(NamedTuple):
    """What a trie node holds where keys end: their entries, and two facts the lookup needs
    for every match, worked out once here."""

    __reduce__ = tuple_reduce

    entries: tuple[Entry, ...]
    keep: bool  # a keep entry is among them
    capitals: bool  # some entry's key has capitals the text must match


# Which trie a start position belongs to, as bit flags: a phrase can start keys of both.
SURE, EVIDENCE = 1, 2


class StartIndex(NamedTuple):
    """Where a walk of each trie can succeed: the first words of one-word keys and the first two
    words of longer keys, as a set for each trie (the evidence trie's are looked up only in spun
    windows: they hold common words and pairs, where the sure trie's rarely occur in clean text),
    and the possessive forms with the flags of the tries whose keys they end."""

    __reduce__ = tuple_reduce

    sure_singles: frozenset[str]
    sure_bigrams: frozenset[tuple[str, str]]
    evidence_singles: frozenset[str]
    evidence_bigrams: frozenset[tuple[str, str]]
    singles: dict[str, int]  # word -> SURE | EVIDENCE flags, for possessives
    bigrams: dict[tuple[str, str], int]
    possessives: frozenset[str]  # "college's" for each one-word key and second word of a bigram


class CompiledLexicon(NamedTuple):
    __reduce__ = tuple_reduce

    entries: tuple[Entry, ...]
    sure_trie: dict  # unambiguous and keep entries: all that can fire with the gate closed
    evidence_trie: dict  # the rest, looked up only where the gate is open
    starts: StartIndex
    fuzzy_keys: tuple[str, ...]
    fuzzy_entries: dict[str, tuple[Entry, ...]]
    fingerprint_keys: tuple[str, ...]  # the unambiguous keys, tokens joined by spaces (prescreen.py)
    confidence: dict[str, float]  # entry source -> confidence of its edits
    version: str


def _sources(config: Config) -> list[tuple[Path, str]]:
    paths = [(p, p.name) for p in builtin_lexicon_paths()] if config.builtin else []
    paths += [(Path(p), str(p)) for p in config.lexicons]
    return paths


def _version(config: Config, sources: list[tuple[Path, str]]) -> str:
    """A hash of the content the compiled lexicon is built from (not of where the files are)."""
    digest = hashlib.sha256(f"{FORMAT_VERSION}:{COMPILER_VERSION}".encode())
    for path, _ in sources:
        try:
            data = path.read_bytes()
        except OSError:
            data = b"unreadable"  # read_lexicon reports it properly
        digest.update(hashlib.sha256(data).digest())
    digest.update(repr((sorted(config.families or ()), config.whitelist)).encode())
    return digest.hexdigest()[:16]


def _cache_key(version: str, sources: list[tuple[Path, str]]) -> str:
    """Edits name their entry's file, so the cached object also depends on the names used."""
    names = "\0".join(name for _, name in sources)
    return f"{version}-{hashlib.sha256(names.encode()).hexdigest()[:8]}"


def _entries(config: Config, sources: list[tuple[Path, str]]) -> list[Entry]:
    entries: list[Entry] = []
    for path, name in sources:
        _, file_entries = read_lexicon(path, name)
        entries += [e for e in file_entries if config.families is None or e.family in config.families]
    for number, phrase in enumerate(config.whitelist, start=1):
        entries.append(parse_entry(f"{phrase}\t=\tkeep", "whitelist", f"whitelist:{number}"))
    return entries


BASE_CONFIDENCE = {"unambiguous": 0.97, "evidence": 0.85}
COMPOSED_CONFIDENCE = 0.7  # a composed tortured phrase: no listed entry vouches for the whole


def _confidence(entry: Entry) -> float:
    """The class sets the base; the frequency prior lowers it where the pair runs against the
    spinner's habit of trading common words for rarer ones."""
    from .vocabulary import zipf

    value = BASE_CONFIDENCE[entry.cls]
    if entry.rule is not None and not entry.rule.alternatives:
        value -= 0.05  # licensed by document evidence alone
    spun, original = zipf(entry.tokens), zipf(tuple(entry.original.lower().split()))
    if original and spun > original + 1.0:
        value -= 0.1
    return round(value, 2)


def _trie(entries: list[Entry]) -> dict:
    trie: dict = {}
    for entry in entries:
        node = trie
        for token in entry.tokens:
            node = node.setdefault(token, {})
        node.setdefault(TERMINAL, []).append(entry)
    _freeze(trie)
    return trie


def _starts(entries: list[Entry]) -> StartIndex:
    singles: dict[str, int] = {}
    bigrams: dict[tuple[str, str], int] = {}
    for entry in entries:
        flag = EVIDENCE if entry.cls == "evidence" else SURE
        if len(entry.tokens) == 1:
            singles[entry.tokens[0]] = singles.get(entry.tokens[0], 0) | flag
        else:
            pair = entry.tokens[0], entry.tokens[1]
            bigrams[pair] = bigrams.get(pair, 0) | flag
    possessives = frozenset(f"{word}'s" for word in set(singles).union(b for _, b in bigrams))

    def having(flags: dict, flag: int) -> frozenset:
        return frozenset(key for key, value in flags.items() if value & flag)

    return StartIndex(having(singles, SURE), having(bigrams, SURE), having(singles, EVIDENCE), having(bigrams, EVIDENCE),
                      singles, bigrams, possessives)


def _build(entries: list[Entry], version: str) -> CompiledLexicon:
    from .vocabulary import FUZZY_MIN_LENGTH

    fuzzy: dict[str, list[Entry]] = {}
    for entry in entries:
        key = entry.tokens[0]
        if entry.cls != "keep" and len(entry.tokens) == 1 and len(key) >= FUZZY_MIN_LENGTH and key.isalpha() \
                and not entry.strong:  # common words, not the spinner's rare forms a variant is read as
            fuzzy.setdefault(key, []).append(entry)
    return CompiledLexicon(
        entries=tuple(entries),
        sure_trie=_trie([e for e in entries if e.cls != "evidence"]),
        evidence_trie=_trie([e for e in entries if e.cls == "evidence"]),
        starts=_starts(entries),
        fuzzy_keys=tuple(sorted(fuzzy)),
        fuzzy_entries={k: tuple(v) for k, v in fuzzy.items()},
        fingerprint_keys=tuple(sorted({" ".join(e.tokens) for e in entries if e.cls == "unambiguous"})),
        confidence={e.source: _confidence(e) for e in entries if e.cls != "keep"} | {COMPOSED: COMPOSED_CONFIDENCE},
        version=version,
    )


def _freeze(node: dict) -> None:
    """Terminals as tuples, each key's `**` entries after its others, whatever file they come
    from: the first entry that holds wins, and `**` is the broad fallback."""
    for key, value in node.items():
        if key == TERMINAL:
            node[key] = Terminal(
                tuple(sorted(value, key=attrgetter("strong"))), any(e.cls == "keep" for e in value),
                any(bool(e.capitals) for e in value)
            )
        else:
            _freeze(value)


_compiled: Memo[Config, CompiledLexicon] = Memo()


def compiled_lexicon(config: Config) -> CompiledLexicon:
    """The compiled lexicon for a config: from memory, else the disk cache, else compiled."""
    return _compiled.get(config, lambda: _load(config))


def _load(config: Config) -> CompiledLexicon:
    sources = _sources(config)
    version = _version(config, sources)
    # A malformed file changes the hash, so it is never served from the cache.
    return cached("lexicon", _cache_key(version, sources), lambda: _build(_entries(config, sources), version))
