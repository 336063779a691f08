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
import tempfile
from pathlib import Path
from typing import Any, BinaryIO, Callable


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
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
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
