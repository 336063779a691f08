"""A small on-disk cache for compiled data, keyed by the content it was built from.

Compiling the lexicons needs wordfreq, which costs most of a second to import and load; a
filter that pipelines start once per file cannot pay that on every call. The cache lives in
$TEXTFIX_CACHE_DIR, else $XDG_CACHE_HOME/textfix, else ~/.cache/textfix; when it cannot be
read or written (a read-only home, say) textfix simply compiles in memory.
"""
from __future__ import annotations

import gc
import os
import pickle
from pathlib import Path
from typing import Any, BinaryIO, Callable, Hashable


def cache_dir() -> Path:
    explicit = os.environ.get("TEXTFIX_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "textfix"


def cached(name: str, key: str, build: Callable[[], Any]) -> Any:
    """Return the object stored under name+key, building and storing it when absent or unreadable."""
    path = cache_dir() / f"{name}-{key}.pickle"
    try:
        with open(path, "rb") as handle:
            return _load(handle)
    except Exception:  # a missing, truncated or stale cache file is rebuilt, never an error
        pass
    value = shared(build())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only a cache miss writes: most runs never need it

        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return value


def _load(handle: BinaryIO) -> Any:
    """Unpickle with the cyclic garbage collector paused: a compiled lexicon is some hundred
    thousand containers, and collections triggered while they are created (none of which can
    be garbage yet) cost about a third of the load."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.load(handle)
    finally:
        if was_enabled:
            gc.enable()


def tuple_reduce(self: tuple) -> tuple:
    """A NamedTuple's __reduce__ that unpickles it as tuple.__new__(cls, fields), in C: the
    default goes through the class's Python-level __new__, a third of a lexicon's load time."""
    return tuple.__new__, (type(self), tuple(self))


def shared(value: Any) -> Any:
    """The value with equal immutable parts (strings, numbers, tuples, frozensets, NamedTuples)
    made one object, containers rebuilt around them. Pickle writes an object it has seen as a
    reference, so the stored file is smaller and loads with fewer objects to create; the
    lexicon's words, classes, families and confidences repeat thousands of times."""
    canonical: dict[Hashable, Any] = {}
    done: dict[int, tuple[Any, Any]] = {}  # id -> (object, its shared form): reached twice, rebuilt once

    def visit(item: Any) -> Any:
        found = done.get(id(item))
        if found is not None:
            return found[1]
        kind = type(item)
        key: Hashable | None = None
        if kind is dict:
            result: Any = {visit(k): visit(v) for k, v in item.items()}
        elif kind is list:
            result = [visit(v) for v in item]
        elif kind is tuple or kind is frozenset or isinstance(item, tuple):
            parts = [visit(v) for v in item]
            # Parts are shared objects by now, so identity tells them apart exactly (1, 1.0 and True are equal).
            key = (kind, frozenset(map(id, parts)) if kind is frozenset else tuple(map(id, parts)))
            rebuilt = kind(parts) if kind is tuple or kind is frozenset else kind(*parts)
            result = canonical.setdefault(key, rebuilt)
        elif kind in (str, int, bool, bytes) or item is None:
            result = canonical.setdefault((kind, item), item)
        elif kind is float:
            result = canonical.setdefault((kind, item.hex()), item)  # keeps 0.0 and -0.0 apart
        else:
            result = item
        done[id(item)] = (item, result)  # holding the item keeps its id from being reused
        return result

    return visit(value)
