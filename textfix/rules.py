"""Context rules: when an ambiguous lexicon entry may fire, in terms of its neighbouring tokens.

The grammar is documented in lexicons/FORMAT.md. A rule is parsed once, when its lexicon is
loaded, into alternatives of conditions (plain data, so compiled lexicons pickle). The first
time a process evaluates a rule it is compiled, as `re` compiles a pattern, into one Python
function, so checking a rule with many alternatives costs a few comparisons.
"""
from __future__ import annotations

from typing import Callable, Mapping, NamedTuple, Optional, Sequence

from .cache import tuple_reduce
from .tokens import phrase_tokens

POSITIONS = ("prev", "prev2", "next", "next2", "self", "doc")

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


# Each class as a Python expression over a neighbour `{t}` (None where there is no token), read
# by position ([0] text, [1] is_word, [2] norm) so that plain tuples of that shape serve too.
_WORD = "({t} is not None and {t}[1] and "
_MARK = "({t} is not None and not {t}[1] and "
CLASSES: dict[str, str] = {
    "CAP": _WORD + "{t}[0][0].isupper())",
    "NAME": _WORD + "{t}[0][0].isupper() and {t}[2] not in FUNCTION_WORDS)",
    "LOWER": _WORD + "{t}[0][0].islower())",
    "NUM": _WORD + "{t}[0][0].isdigit())",
    "PUNCT": "({t} is not None and not {t}[1])",
    "COMMA": _MARK + "{t}[0] == ',')",
    "STOP": _MARK + "{t}[0] in STOPS)",
    "QUOTE": _MARK + "{t}[0] in QUOTES)",
    "DASH": _MARK + "{t}[0] in DASHES)",
    "START": "({t} is None)",
    "END": "({t} is None)",
    "DET": _WORD + "{t}[2] in DETERMINERS)",
    "PRON": _WORD + "{t}[2] in PRONOUNS)",
    "POSS": _WORD + "({t}[2].endswith(\"'s\") or {t}[2].endswith(\"s'\")))",
    "PREP": _WORD + "{t}[2] in PREPOSITIONS)",
}
_NAMESPACE = {
    "FUNCTION_WORDS": FUNCTION_WORDS, "STOPS": STOPS, "QUOTES": QUOTES, "DASHES": DASHES,
    "DETERMINERS": DETERMINERS, "PRONOUNS": PRONOUNS, "PREPOSITIONS": PREPOSITIONS,
}
_VARIABLES = {"prev": "p", "prev2": "p2", "next": "n", "next2": "n2", "self": "s"}


class Condition(NamedTuple):
    """One test on one neighbour: a token class or a set of words."""

    __reduce__ = tuple_reduce

    position: str
    negated: bool
    token_class: str | None
    words: frozenset[str]
    source: str


class Rule(NamedTuple):
    """Alternatives of conditions; `*` (no alternatives) always holds. A `strong` rule (`**`,
    or `** & conditions`) also needs strong document evidence, which the engine checks: it is
    for common words the spinner produces, restored only where spin is unmistakable."""

    __reduce__ = tuple_reduce

    alternatives: tuple[tuple[Condition, ...], ...]
    source: str
    left: int = 0  # how many tokens before the match a condition looks at (0, 1 or 2)
    right: int = 0  # and after it
    itself: bool = False  # whether one looks at its first token
    # When every alternative needs the next (previous) token to be one of some words: all those
    # words, so a match whose neighbour is none of them is rejected without evaluating the rule.
    next_words: frozenset[str] | None = None
    prev_words: frozenset[str] | None = None
    strong: bool = False

    def holds(self, context: Mapping[str, Neighbour | None], document: Callable[[str], bool] = lambda _: False) -> str | None:
        """The alternative that licenses the match, as written, or None. `document(phrase)`
        says whether the document holds a phrase (for `doc:` conditions)."""
        before = [context.get("prev"), context.get("prev2")]
        return self.holds_beside(before, [context.get("next"), context.get("next2")], context.get("self"), document)

    def holds_beside(self, before: Sequence[Neighbour] | None, after: Sequence[Neighbour] | None,
                     itself: Neighbour | None, document: Callable[[str], bool]) -> str | None:
        """holds() for the tokens before and after the match, nearest first (None for a side
        the rule does not look at), and its first token: the engine's form, with no mapping
        to build for each match."""
        if not self.alternatives:
            return self.source
        return self.test()(before, after, itself, document)

    def test(self) -> _Test:
        """The rule compiled to one function, made on first use in a process."""
        return _compiled.get(self.source) or _compile(self)


_Test = Callable[
    [Optional[Sequence[Neighbour]], Optional[Sequence[Neighbour]], Optional[Neighbour], Callable[[str], bool]],
    Optional[str],
]
_compiled: dict[str, _Test] = {}
# How the compiled function reads each position from its arguments.
_READS = {
    "prev": "p = before[0] if before else None",
    "prev2": "p2 = before[1] if len(before) > 1 else None",
    "next": "n = after[0] if after else None",
    "next2": "n2 = after[1] if len(after) > 1 else None",
}


def _compile(rule: Rule) -> _Test:
    """One function returning the first alternative that holds, as written, or None."""
    namespace = dict(_NAMESPACE)
    used = {c.position for alternative in rule.alternatives for c in alternative}
    lines = ["def test(before, after, s, document):"]
    lines += [f"    {read}" for position, read in _READS.items() if position in used]
    for number, alternative in enumerate(rule.alternatives):
        tests = []
        for index, cond in enumerate(alternative):
            if cond.position == "doc":
                name = f"phrase_{number}_{index}"
                namespace[name] = next(iter(cond.words))
                expression = f"document({name})"
            elif cond.token_class is not None:
                var = _VARIABLES[cond.position]
                expression = CLASSES[cond.token_class].format(t=var)
            else:
                var = _VARIABLES[cond.position]
                name = f"words_{number}_{index}"
                namespace[name] = cond.words
                expression = (_WORD + "{t}[2] in " + name + ")").format(t=var)
            tests.append(f"not {expression}" if cond.negated else expression)
        namespace[f"label_{number}"] = " & ".join(c.source for c in alternative)
        lines.append(f"    if {' and '.join(tests)}: return label_{number}")
    lines.append("    return None")
    exec("\n".join(lines), namespace)  # the source is built from parsed, validated tokens only
    _compiled[rule.source] = namespace["test"]
    return namespace["test"]


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
    if position == "doc":
        phrase = " ".join(phrase_tokens(value))
        if not phrase:
            raise RuleError(f"empty phrase in {source!r}")
        return Condition(position, negated, None, frozenset({phrase}), source)
    if value.isupper() and value.isalpha():
        if value not in CLASSES:
            raise RuleError(f"unknown class {value!r} in {source!r} (use {', '.join(CLASSES)})")
        return Condition(position, negated, value, frozenset(), source)
    words = [w.strip() for w in value.split("/")]
    if not all(words):
        raise RuleError(f"empty word in {source!r}")
    classes = [w for w in words if w in CLASSES]
    if classes:
        raise RuleError(f"class {classes[0]} mixed with words in {source!r} (write one condition per class)")
    return Condition(position, negated, None, frozenset(w.lower().replace("’", "'") for w in words), source)


def parse_rule(text: str) -> Rule:
    """Parse a context column; raises RuleError with what is wrong."""
    text = text.strip()
    if text == "*":
        return Rule((), "*")
    if text.startswith("**"):
        return _strong_rule(text)
    if not text:
        raise RuleError("empty context rule (write * for document evidence alone)")
    alternatives = []
    for alt in text.split("|"):
        conds = [c for c in alt.split("&")]
        if not all(c.strip() for c in conds):
            raise RuleError(f"empty condition in {text!r}")
        alternatives.append(tuple(parse_condition(c) for c in conds))
    positions = {c.position for alt in alternatives for c in alt}
    left = 2 if "prev2" in positions else int("prev" in positions)
    right = 2 if "next2" in positions else int("next" in positions)
    return Rule(tuple(alternatives), text, left, right, "self" in positions,
                _required_words(alternatives, "next"), _required_words(alternatives, "prev"))


def _strong_rule(text: str) -> Rule:
    """`**` alone, or `** & ` and the conditions of one alternative (a spun form with several
    such rules takes one line for each)."""
    rest = text[2:].strip()
    if not rest:
        return Rule((), "**", strong=True)
    if not rest.startswith("&") or not rest[1:].strip():
        raise RuleError(f"{text!r}: write ** alone or ** & CONDITIONS")
    if "|" in rest:
        raise RuleError(f"{text!r}: a ** rule takes one alternative (write one line for each)")
    if "*" in rest[1:]:
        raise RuleError(f"{text!r}: * may only open the rule")
    return parse_rule(rest[1:])._replace(source=text, strong=True)


def _required_words(alternatives: list[tuple[Condition, ...]], position: str) -> frozenset[str] | None:
    """The words one of which the token at `position` must be for any alternative to hold, or
    None when some alternative holds without such a condition."""
    required: set[str] = set()
    for alternative in alternatives:
        words = [c.words for c in alternative if c.position == position and not c.negated and c.token_class is None]
        if not words:
            return None
        required |= frozenset.intersection(*words)
    return frozenset(required)
