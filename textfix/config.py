"""The frozen configuration every entry point takes, with keyword overrides on top."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Config:
    """How textfix decides and what it reads.

    lexicons:    extra lexicon files (paths), read after the packaged ones.
    builtin:     use the packaged lexicons.
    families:    the lexicon families to use ("news", "academic", ...); None for all.
    whitelist:   phrases never to change, on top of the lexicons' keep entries.
    threshold:   the spin score at which a document counts as spun (opens the evidence gate).
    assume_spun: treat every document as spun (skip the document gate; context rules still apply).
    fuzzy:       also match misspelt spun forms that are not English words.
    unicode_fix: repair mojibake and HTML entities with ftfy before the spin repair (its
                 changes are edits of their own, rule "unicode (ftfy)"); detect() ignores it.
    """

    lexicons: tuple[str, ...] = ()
    builtin: bool = True
    families: frozenset[str] | None = None
    whitelist: tuple[str, ...] = ()
    threshold: float = 0.5
    assume_spun: bool = False
    fuzzy: bool = True
    unicode_fix: bool = False

    def __post_init__(self) -> None:
        if isinstance(self.lexicons, (str, Path)):
            object.__setattr__(self, "lexicons", (str(self.lexicons),))
        else:
            object.__setattr__(self, "lexicons", tuple(str(p) for p in self.lexicons))
        if isinstance(self.whitelist, str):
            object.__setattr__(self, "whitelist", (self.whitelist,))
        else:
            object.__setattr__(self, "whitelist", tuple(self.whitelist))
        if self.families is not None:
            families = (self.families,) if isinstance(self.families, str) else self.families
            object.__setattr__(self, "families", frozenset(families))
        if not 0.0 < float(self.threshold) <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {self.threshold!r}")


def resolve(config: Config | None, overrides: dict[str, object]) -> Config:
    """The config to use: `config` (or the default) with keyword overrides applied."""
    if config is not None and not isinstance(config, Config):
        raise TypeError(f"config must be a textfix.Config, not {type(config).__name__}")
    base = config or Config()
    if not overrides:
        return base
    fields = {f.name for f in dataclasses.fields(Config)}
    unknown = sorted(set(overrides) - fields)
    if unknown:
        raise TypeError(f"unknown option(s) {', '.join(unknown)}; Config takes {', '.join(sorted(fields))}")
    return dataclasses.replace(base, **overrides)
