"""textfix: find spun prose and restore what it originally said.

    >>> import textfix
    >>> textfix.fix_text("Relations cooled in the years of the chilly struggle.")
    'Relations cooled in the years of the cold war.'
"""
from __future__ import annotations

from .compiled import compiled_lexicon as _compiled_lexicon
from .config import Config, resolve as _resolve
from .engine import Fixer
from .lexicon import LexiconError
from .repair import apply_edits
from .results import Edit, Explained, Span, SpinReport

__version__ = "0.1.0"

__all__ = [
    "Config",
    "Edit",
    "Explained",
    "Fixer",
    "LexiconError",
    "Span",
    "SpinReport",
    "apply_edits",
    "detect",
    "fix_and_explain",
    "fix_text",
    "learn",
    "lexicon_version",
    "report",
    "trace",
    "__version__",
]


def fix_text(text: str, config: Config | None = None, **overrides: object) -> str:
    """Restore the spun phrases of text; everything else comes back byte-identical."""
    return Fixer(config, **overrides).fix(text)


def fix_and_explain(text: str, config: Config | None = None, **overrides: object) -> Explained:
    """The repaired text and every edit made (offsets into `text`, rule, confidence, evidence)."""
    return Fixer(config, **overrides).explain(text)


def detect(text: str, config: Config | None = None, **overrides: object) -> SpinReport:
    """Score text for spin without repairing it."""
    return Fixer(config, **overrides).detect(text)


def lexicon_version(config: Config | None = None, **overrides: object) -> str:
    """A content hash of the lexicons a config uses; --explain output carries it."""
    return _compiled_lexicon(_resolve(config, overrides)).version


def report(documents, config: Config | None = None, *, title: str = "textfix report", **overrides: object) -> str:
    """A self-contained HTML review page of the documents (name -> text mapping, (name, text)
    pairs, or texts): a summary by spin score and every spun span marked with its original."""
    from .review import report as _report

    return _report(documents, config, title=title, **overrides)


def learn(pairs, config: Config | None = None, *, min_count: int = 1, **overrides: object):
    """Candidate lexicon entries learned from (spun, original) text pairs: a textfix.learning.Learned
    whose .candidates carry count, contexts, confidence and packaged status, and whose .lexicon()
    is a lexicon file for review."""
    from .learning import learn as _learn

    return _learn(pairs, config, min_count=min_count, **overrides)


def trace(spun: str, candidates, config: Config | None = None, **overrides: object):
    """Rank candidate source documents (name -> text mapping, (name, text) pairs, or texts) by how
    likely `spun` was spun from each: a textfix.tracing.Traced, best first, with the best one's
    sentence alignment."""
    from .tracing import trace as _trace

    return _trace(spun, candidates, config, **overrides)
