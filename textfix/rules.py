"""Context rules: when an ambiguous lexicon entry may fire, in terms of its neighbouring tokens.

The grammar is documented in lexicons/FORMAT.md. A rule is parsed once, when its lexicon is
loaded, into alternatives of conditions; evaluating it looks only at the few tokens around a
candidate match.
"""
from __future__ import annotations

from typing import Callable, Mapping, NamedTuple

POSITIONS = ("prev", "prev2", "next", "next2", "self")

QUOTES = frozenset("“”\"‘’'«»„‟‹›")
DASHES = frozenset("–—-‒―")
STOPS = frozenset(".!?;:…")
FUNCTION_WORDS = frozenset(
    "the a an in on at of to for with from by as but and or so if when while after before "
    "this that these those it its he she they we i you his her their our my your there here "
    "what which who whom whose where why how not no yes".split()
)
DETERMINERS = frozenset("the a an this that these those its his her their our my your some any each every no".split())
PRONOUNS = frozenset("he she they we i you it".split())
PREPOSITIONS = frozenset(
    "of in on at to for with from by about against over under towards toward into onto within".split()
)


class Neighbour(NamedTuple):
    """A token next to a match: its text as written, whether it is a word or number, and its
    normalised form (lower case, plain apostrophes; the mark itself for punctuation)."""

    text: str
    is_word: bool
    norm: str


def _word_in(words: frozenset[str]) -> Callable[[Neighbour | None], bool]:
    return lambda t: t is not None and t.is_word and t.norm in words


def _mark_in(marks: frozenset[str]) -> Callable[[Neighbour | None], bool]:
    return lambda t: t is not None and not t.is_word and t.text in marks


def _possessive(t: Neighbour | None) -> bool:
    return t is not None and t.is_word and (t.norm.endswith("'s") or t.norm.endswith("s'"))


CLASSES: dict[str, Callable[[Neighbour | None], bool]] = {
    "CAP": lambda t: t is not None and t.is_word and t.text[0].isupper(),
    "NAME": lambda t: t is not None and t.is_word and t.text[0].isupper() and t.norm not in FUNCTION_WORDS,
    "LOWER": lambda t: t is not None and t.is_word and t.text[0].islower(),
    "NUM": lambda t: t is not None and t.is_word and t.text[0].isdigit(),
    "PUNCT": lambda t: t is not None and not t.is_word,
    "COMMA": _mark_in(frozenset(",")),
    "STOP": _mark_in(STOPS),
    "QUOTE": _mark_in(QUOTES),
    "DASH": _mark_in(DASHES),
    "START": lambda t: t is None,
    "END": lambda t: t is None,
    "DET": _word_in(DETERMINERS),
    "PRON": _word_in(PRONOUNS),
    "POSS": _possessive,
    "PREP": _word_in(PREPOSITIONS),
}


class Condition(NamedTuple):
    """One test on one neighbour: a token class or a set of words. Plain data, so it pickles."""

    position: str
    negated: bool
    token_class: str | None
    words: frozenset[str]
    source: str

    def holds(self, context: Mapping[str, Neighbour | None]) -> bool:
        token = context[self.position]
        if self.token_class is None:
            return (token is not None and token.is_word and token.norm in self.words) != self.negated
        return CLASSES[self.token_class](token) != self.negated


class Rule(NamedTuple):
    """Alternatives of conditions; `*` (no alternatives) always holds."""

    alternatives: tuple[tuple[Condition, ...], ...]
    source: str
    left: bool = False  # whether a condition looks before the match
    right: bool = False  # or after it

    def holds(self, context: Mapping[str, Neighbour | None]) -> str | None:
        """The alternative that licenses the match, as written, or None."""
        if not self.alternatives:
            return "*"
        for alt in self.alternatives:
            for cond in alt:
                if not cond.holds(context):
                    break
            else:
                return " & ".join(c.source for c in alt)
        return None


class RuleError(ValueError):
    """A context rule that does not follow the grammar."""


def parse_condition(text: str) -> Condition:
    source = text.strip()
    negated = source.startswith("!")
    body = source[1:] if negated else source
    position, sep, value = body.partition(":")
    if not sep or not value:
        raise RuleError(f"condition {source!r} is not POSITION:VALUE")
    if position not in POSITIONS:
        raise RuleError(f"unknown position {position!r} in {source!r} (use {', '.join(POSITIONS)})")
    if value.isupper() and value.isalpha():
        if value not in CLASSES:
            raise RuleError(f"unknown class {value!r} in {source!r} (use {', '.join(CLASSES)})")
        return Condition(position, negated, value, frozenset(), source)
    words = [w.strip() for w in value.split("/")]
    if not all(words):
        raise RuleError(f"empty word in {source!r}")
    return Condition(position, negated, None, frozenset(w.lower().replace("’", "'") for w in words), source)


def parse_rule(text: str) -> Rule:
    """Parse a context column; raises RuleError with what is wrong."""
    text = text.strip()
    if text == "*":
        return Rule((), "*", False, False)
    if not text:
        raise RuleError("empty context rule (write * for document evidence alone)")
    alternatives = []
    for alt in text.split("|"):
        conds = [c for c in alt.split("&")]
        if not all(c.strip() for c in conds):
            raise RuleError(f"empty condition in {text!r}")
        alternatives.append(tuple(parse_condition(c) for c in conds))
    positions = {c.position for alt in alternatives for c in alt}
    return Rule(tuple(alternatives), text, bool(positions & {"prev", "prev2"}), bool(positions & {"next", "next2"}))
