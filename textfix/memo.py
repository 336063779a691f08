"""Objects built once per process and then kept, keyed by what they were built from."""
from __future__ import annotations

import threading
from typing import Callable, Generic, Hashable, TypeVar

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


class Memo(Generic[Key, Value]):
    """A thread-safe map that builds each value on first request: concurrent first requests
    build it once."""

    def __init__(self) -> None:
        self._built: dict[Key, Value] = {}
        self._lock = threading.Lock()

    def get(self, key: Key, build: Callable[[], Value]) -> Value:
        found = self._built.get(key)
        if found is None:
            with self._lock:
                found = self._built.get(key)
                if found is None:
                    found = self._built[key] = build()
        return found
