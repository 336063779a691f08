"""Build lexicons/academic.tsv from the Problematic Paper Screener "Tortured" fingerprints.

Input: ``shared/data/pps-tortured-phrases/tortured.csv`` beside the repository (``--csv`` to
override), columns ``tortured_phrase`` (a Dimensions query), ``expected_phrase`` (a curator's
hint) and ``num_papers`` (with thousands separators). Output, written deterministically:
``lexicons/academic.tsv`` (the lexicon, see lexicons/FORMAT.md) and
``lexicons/academic-coverage.json`` (the figures printed at the end). Reviewed overrides are read
from ``tools/academic_review.tsv``. The output must not be edited by hand: change this
script or the review file and run it again::

    python tools/build_academic_lexicon.py [--csv PATH] [--out PATH] [--review PATH]

Curation rules, in the order they are applied to each row (the first that fails names the
reason the row is left out; the reasons are counted in the coverage report):

1. Query. The query is split into quoted phrases, bare words, parentheses and the operators
   AND / OR / NOT (the one ``ADN`` typo is read as AND). The first quoted phrase is the tortured
   phrase; ``AND X`` becomes the condition ``doc:X``, ``NOT X`` becomes ``!doc:X`` and an OR
   group becomes alternatives, so the clauses are multiplied out into the context rule's
   ``alt | alt`` form (``A AND (B OR C)`` -> ``doc:B | doc:C`` for key A). Bare words are
   separate terms (Dimensions ANDs them), each its own condition. A query that is only
   quoted phrases joined by OR yields one entry per phrase. Left out:
   ``proximity`` (``"a b"~N``: no way to say "within N words"), ``wildcard`` (``optimiz*``),
   ``ambiguous_query`` (AND and OR mixed without parentheses, a malformed query, or a clause
   that is not words separated by spaces).
2. Key. A tortured phrase that ends in a bracketed acronym (``server farms (DCs)``) becomes the
   key ``server farms`` with the token condition ``next:PUNCT & next2:dcs`` added to every
   alternative (the acronym must follow, as in the fingerprint). The tortured phrase must be words and numbers separated by spaces (inner hyphens and
   apostrophes allowed), as FORMAT.md requires of a spun key; a phrase with commas, periods,
   parentheses, ... is left out (``key_not_words``). Case: Dimensions matching ignores case,
   so each word is lower-cased, except words with a capital after their first letter
   (acronyms and names such as ``PC``, ``MobileNet``), which keep their capitals.
3. Expected text. Wrapping quotes are removed. Left out (``uncertain_expected``): empty
   text, any ``?``, an elision (``[...]``, ``...``), a parenthesised note inside the phrase
   (``supervised (machine) learning``: which reading is meant is not said) or a note that
   hedges (``(or ...)``, ``(could be either)``, ``(caveat: ...)``). Parenthesised acronyms
   anywhere are removed (``business intelligence (BI)`` -> ``business intelligence``), as is a
   trailing explanatory note (``smart (devices)`` -> ``smart``) and a bracketed editorial
   addition (``deep [neural] networks`` -> ``deep networks``: the word is not in the
   tortured phrase either). Left out as ``alternatives``: ``a / b``, ``a or b`` and
   ``a, b`` lists whose ``or`` / commas are not in the tortured phrase as well. Left out as
   ``note_not_replacement``: text that describes rather than replaces (``see https://...``,
   ``as in``, ``->``, ``meaning unclear``, ``The word ...``, a query with AND / OR / NOT) or that keeps characters a
   replacement would not have. When the tortured phrase starts in lower case, capitalised
   words of the expected text are lower-cased (``Magnetic-activated cell sorting`` ->
   ``magnetic-activated ...``) unless they are names (``Hall``, ``Gaussian``, ...: PROPER) or
   acronyms; a capitalised tortured phrase (a name) keeps the expected text as written.
4. ``identity``: the expected text equals the tortured phrase (ignoring case).
5. ``legitimate_term``: the tortured phrase is itself the expected text of another row (it is
   a real term of the field, so restoring it would damage correct text).
6. Duplicates (same key and same conditions): when every expected text agrees, the row with
   the most papers is kept and the others are ``duplicate``; when they disagree, all are
   ``conflicting_expected``. The same key with different conditions gives one line per
   condition (the conditioned lines first; the first line whose context holds wins).
7. Class. (A hyphenated word such as ``pre-handling`` counts as a multi-word phrase.) A single word with no document clause is left out when it is a common English
   word (``single_common_word``: wordfreq Zipf frequency >= 3.0); a rarer single word becomes
   ``evidence`` with context ``*``. A single word with a document clause (or an acronym
   condition) is ``evidence`` with that context. A multi-word phrase with a clause is ``evidence`` with its clause (the
   curators added the clause because the phrase alone is ambiguous). A multi-word phrase
   without a clause is ``unambiguous``, unless it is plausible natural English: wordfreq's
   estimate of the phrase's frequency (the combined Zipf of its words) >= 4.5, i.e. every
   word of it is very common (``huge information``, ``sound just``); those are ``evidence``
   with ``*`` (or their acronym condition). A multi-word phrase whose only condition is an
   acronym is classed as one without a clause, keeping the condition.
8. Review. ``tools/academic_review.tsv`` (``tortured<TAB>decision<TAB>reason``, decision =
   exclude / evidence / unambiguous) overrides the class of the rows whose key it names; it
   holds the decisions taken by reading the rows (all of the 400 with the most papers and
   others), the phrases found in clean English prose by the damage scan (made ``evidence``
   or excluded), and the two-word phrases attested as common English bigrams. An
   ``evidence`` override keeps the row's clause, or uses ``*``. A review line for a key that
   no kept row has is reported as a warning. ``reviewed_exclude`` counts the rows it drops.

Coverage: rows kept / total, and the share of the list weighted by num_papers that the kept
rows cover (sum of num_papers of kept rows / sum over all rows; the counts double-count
papers, so this is a share of fingerprint hits, not of papers).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from wordfreq import zipf_frequency

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CSV = Path(__file__).resolve().parents[2] / "shared" / "data" / "pps-tortured-phrases" / "tortured.csv"
DEFAULT_OUT = REPO / "lexicons" / "academic.tsv"
DEFAULT_REVIEW = REPO / "tools" / "academic_review.tsv"
DEFAULT_COVERAGE = REPO / "lexicons" / "academic-coverage.json"
SOURCE_COMMIT = "00e301495860d655acb7499f4bbc3f1af16be33f"

SINGLE_WORD_COMMON_ZIPF = 3.0
PHRASE_NATURAL_ZIPF = 4.5

WORD = r"\w+(?:['’‐‑-]\w+)*"
KEY_RE = re.compile(rf"^{WORD}(?: {WORD})*$")
# A doc: phrase: words separated by single spaces (no rule syntax characters).
DOC_RE = re.compile(r"^[\w'’.+-]+(?: [\w'’.+-]+)*$")
TOKEN_RE = re.compile(r'\s*(?:"([^"]*)"(~\d+)?|(\()|(\))|([^\s()"]+))')
ACRONYM_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9&+/.'’-]*(?: [A-Za-z0-9][A-Za-z0-9&+/.'’-]*)?$")
HEDGE_RE = re.compile(r"\?|\bor\b|\bcould\b|\beither\b|caveat|possibly|unclear|please note|maybe|perhaps|probably|false positive", re.I)
NOTE_RE = re.compile(r"https?:|->|\bsee\b|\bas in\b|\bmeaning\b|\bi\.e\.|\be\.g\.|\bnote\b|^the word\b|search and replace", re.I)
# Names that keep their capital at the start of an expected text.
PROPER = frozenset(
    "hall gaussian bayesian markov fourier monte boltzmann bell newton newtonian euler euclidean "
    "poisson laplace laplacian lagrange lagrangian hamiltonian riemann hilbert kalman pareto "
    "boolean darwinian brownian doppler ohm coulomb kelvin raman hessian jacobian wiener "
    "internet android python java microsoft google amazon english chinese arabic indian".split()
)


class Skip(Exception):
    """A row is left out; the argument is the reason."""


def papers(text: str) -> int:
    text = text.replace(",", "").strip()
    return int(text) if text.isdigit() else 0


# ---------------------------------------------------------------- query

def tokenize_query(query: str) -> list[tuple[str, str]]:
    """(kind, value) tokens: PHRASE, WORD, OP (AND/OR/NOT), LP, RP."""
    tokens: list[tuple[str, str]] = []
    pos = 0
    query = query.strip()
    while pos < len(query):
        m = TOKEN_RE.match(query, pos)
        if not m or m.end() == pos:
            raise Skip("ambiguous_query")
        pos = m.end()
        phrase, proximity, lp, rp, bare = m.groups()
        if proximity:
            raise Skip("proximity")
        if phrase is not None:
            tokens.append(("PHRASE", " ".join(phrase.split())))
        elif lp:
            tokens.append(("LP", "("))
        elif rp:
            tokens.append(("RP", ")"))
        elif bare is not None:
            if bare.upper() in ("AND", "OR", "NOT", "ADN") and bare.isupper():
                tokens.append(("OP", "AND" if bare.upper() == "ADN" else bare.upper()))
            elif "*" in bare or "?" in bare:
                raise Skip("wildcard")
            elif re.search(r"~\d+$", bare) or bare.startswith("~"):
                raise Skip("proximity")
            else:
                tokens.append(("WORD", bare))
    return tokens


def parse_group(tokens: list[tuple[str, str]], i: int) -> tuple[list[list[tuple[bool, str]]], int]:
    """Parse `( term OR term ... )` or a single term at i into DNF (list of alternatives, each a
    list of (negated, phrase)), not negated; returns the DNF and the next index."""
    kind, value = tokens[i]
    if kind in ("PHRASE", "WORD"):
        return [[(False, value)]], i + 1
    if kind != "LP":
        raise Skip("ambiguous_query")
    alternatives: list[list[tuple[bool, str]]] = []
    i += 1
    expect_term = True
    while i < len(tokens) and tokens[i][0] != "RP":
        kind, value = tokens[i]
        if expect_term:
            if kind not in ("PHRASE", "WORD"):
                raise Skip("ambiguous_query")
            alternatives.append([(False, value)])
            expect_term = False
        else:
            if (kind, value) != ("OP", "OR"):
                raise Skip("ambiguous_query")  # only OR groups inside parentheses
            expect_term = True
        i += 1
    if i >= len(tokens) or expect_term:
        raise Skip("ambiguous_query")
    return alternatives, i + 1


def parse_query(query: str) -> list[tuple[str, list[list[tuple[bool, str]]]]]:
    """The (tortured phrase, conditions in DNF) pairs a query yields. Conditions: a list of
    alternatives, each a list of (negated, phrase); [] means no condition."""
    tokens = tokenize_query(query)
    if not tokens or tokens[0][0] != "PHRASE":
        raise Skip("ambiguous_query")
    # Bare words directly after one another are separate terms joined by an implicit AND.
    ops = [v for k, v in tokens if k == "OP"]
    if "OR" in ops and "LP" not in [k for k, _ in tokens]:
        # Only a plain disjunction of quoted phrases is read (one entry per phrase).
        if all(k == "PHRASE" for k in [k for k, _ in tokens[0::2]]) and all(
            t == ("OP", "OR") for t in tokens[1::2]
        ) and len(tokens) % 2 == 1:
            return [(value, []) for _, value in tokens[0::2]]
        raise Skip("ambiguous_query")
    key = tokens[0][1]
    dnf: list[list[tuple[bool, str]]] = [[]]
    i = 1
    while i < len(tokens):
        kind, value = tokens[i]
        if kind == "OP":
            op = value
            i += 1
            if i >= len(tokens):
                raise Skip("ambiguous_query")
        elif kind == "WORD":
            op = "AND"  # implicit AND between terms
        else:
            raise Skip("ambiguous_query")
        if op == "OR":
            raise Skip("ambiguous_query")  # OR outside parentheses after the key
        group, i = parse_group(tokens, i)
        if op == "NOT":
            if len(group) != 1:
                raise Skip("ambiguous_query")
            negated = [(True, phrase) for _, phrase in group[0]]
            dnf = [alt + negated for alt in dnf]
        else:
            dnf = [alt + g for alt in dnf for g in group]
    for alt in dnf:
        for _, phrase in alt:
            if not DOC_RE.match(phrase):
                raise Skip("ambiguous_query")
    return [(key, [alt for alt in dnf if alt])]


def split_acronym(phrase: str, dnf: list) -> tuple[str, list]:
    """`words (ACR)` -> key `words`, every alternative also requiring `next:PUNCT & next2:acr`
    (the acronym in brackets right after the phrase)."""
    m = re.match(r"^(.*\S)\s*\((\w+(?:['-]\w+)*)\)$", phrase)
    if not m or not KEY_RE.match(" ".join(m.group(1).split())):
        return phrase, dnf
    acronym = ("next", "PUNCT"), ("next2", m.group(2).lower())
    return m.group(1), [alt + list(acronym) for alt in (dnf or [[]])]


def context_of(dnf: list[list[tuple[bool, str]]]) -> str:
    def cond(neg, phrase):
        if neg in ("next", "next2"):  # a token condition from split_acronym
            return f"{neg}:{phrase}"
        return ("!" if neg else "") + "doc:" + phrase

    return " | ".join(" & ".join(cond(neg, phrase) for neg, phrase in alt) for alt in dnf)


# ---------------------------------------------------------------- key and expected text

def normalise_key(phrase: str) -> str:
    phrase = " ".join(phrase.split())
    if not KEY_RE.match(phrase):
        raise Skip("key_not_words")
    words = []
    for word in phrase.split():
        keep = any(c.isupper() for c in word[1:])
        words.append(word if keep else word.lower())
    return " ".join(words).replace("’", "'").replace("‐", "-").replace("‑", "-")


# Misspellings in the list's expected column, corrected word by word.
EXPECTED_SPELLING = {"particule": "particle", "particules": "particles"}


def normalise_expected(text: str, key: str, raw_key: str) -> str:
    text = " ".join(EXPECTED_SPELLING.get(word, word) for word in text.strip().split(" "))
    text = text.strip()
    text = text.replace('\\"', '"')
    while len(text) >= 2 and text[0] in "\"'“" and text[-1] in "\"'”":
        text = text[1:-1].strip()
    if not text or "?" in text:
        raise Skip("uncertain_expected")
    if "[...]" in text or "..." in text or "…" in text:
        raise Skip("uncertain_expected")
    # Parenthesised groups, innermost first.
    while True:
        m = None
        for m in re.finditer(r"\s*\(([^()]*)\)", text):
            break
        if m is None:
            break
        inner = m.group(1).strip()
        upper = sum(c.isupper() for c in inner)
        acronym = bool(ACRONYM_RE.match(inner)) and (upper >= 2 or (upper >= 1 and any(c.isdigit() for c in inner)))
        trailing = not text[m.end():].strip()
        if acronym:
            text = (text[: m.start()] + text[m.end():]).strip()
        elif trailing and not HEDGE_RE.search(inner):
            text = text[: m.start()].strip()
        else:
            raise Skip("uncertain_expected")
    # Bracketed editorial additions are dropped.
    text = re.sub(r"\s*\[[^\[\]]*\]\s*", " ", text).strip()
    text = " ".join(text.split())
    if not text:
        raise Skip("uncertain_expected")
    if NOTE_RE.search(text):
        raise Skip("note_not_replacement")
    if re.search(r"\b(AND|OR|NOT)\b", text):
        raise Skip("note_not_replacement")  # a query, not a replacement
    if "/" in text:
        raise Skip("alternatives")
    if re.search(r"\bor\b", text, re.I) and not re.search(r"\bor\b", key, re.I):
        raise Skip("alternatives")
    if text.count(",") > key.count(","):
        raise Skip("alternatives")
    if re.search(r"[()\[\]\"*=<>:;|&\t]", text):
        raise Skip("note_not_replacement")
    if raw_key[:1].islower():
        words = text.split(" ")
        for i, word in enumerate(words):
            if (
                word[:1].isupper()
                and not any(c.isupper() for c in word[1:])
                and word.lower().split("-")[0] not in PROPER
            ):
                words[i] = word.lower()
        text = " ".join(words)
    return text


# ---------------------------------------------------------------- review overrides

def read_review(path: Path) -> dict[str, tuple[str, str]]:
    overrides: dict[str, tuple[str, str]] = {}
    if not path.exists():
        return overrides
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cols = raw.split("\t")
        if len(cols) != 3 or cols[1] not in ("exclude", "evidence", "unambiguous"):
            sys.exit(f"{path}:{number}: expected tortured<TAB>exclude|evidence|unambiguous<TAB>reason")
        key = " ".join(cols[0].split()).lower()
        if key in overrides:
            sys.exit(f"{path}:{number}: {cols[0]!r} reviewed twice")
        overrides[key] = (cols[1], cols[2].strip())
    return overrides


# ---------------------------------------------------------------- build

def build(csv_path: Path, review_path: Path) -> tuple[list[tuple], dict]:
    raw = csv_path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    rows = list(csv.DictReader(raw.decode("utf-8").splitlines()))
    total_papers = sum(papers(r["num_papers"]) for r in rows)
    reasons: Counter[str] = Counter()
    candidates = []  # (row index, key, expected, dnf, n)
    for index, row in enumerate(rows):
        n = papers(row["num_papers"])
        try:
            parsed = parse_query(row["tortured_phrase"])
            out = []
            for phrase, dnf in parsed:
                phrase, dnf = split_acronym(phrase, dnf)
                key = normalise_key(phrase)
                expected = normalise_expected(row["expected_phrase"], key, phrase)
                if expected.lower() == key.lower():
                    raise Skip("identity")
                out.append((index, key, expected, dnf, n))
            candidates.extend(out)
        except Skip as skip:
            reasons[skip.args[0]] += 1
    dropped: dict[int, str] = {}

    def drop(index: int, reason: str) -> None:
        dropped.setdefault(index, reason)

    # Real terms: the expected texts (lower case) of every row that has a usable one.
    legitimate = {c[2].lower() for c in candidates}
    for index, key, *_ in candidates:
        if key.lower() in legitimate:
            drop(index, "legitimate_term")
    # Duplicates.
    groups: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    for cand in candidates:
        if cand[0] not in dropped:
            groups[(cand[1].lower(), context_of(cand[3]))].append(cand)
    chosen = []
    for (_key, _ctx), members in groups.items():
        if len({m[2].lower() for m in members}) > 1:
            for m in members:
                drop(m[0], "conflicting_expected")
            continue
        members.sort(key=lambda m: (-m[4], m[0]))
        chosen.append(members[0])
        for m in members[1:]:
            drop(m[0], "duplicate")
    # Class.
    overrides = read_review(review_path)
    used_overrides: set[str] = set()
    entries = []
    for index, key, expected, dnf, n in chosen:
        ctx = context_of(dnf)
        single = len(key.split()) == 1 and "-" not in key
        has_doc = "doc:" in ctx
        if single and not ctx:
            if zipf_frequency(key, "en") >= SINGLE_WORD_COMMON_ZIPF:
                cls, reason = None, "single_common_word"
            else:
                cls, ctx = "evidence", "*"
        elif single or has_doc:
            cls = "evidence"
        elif zipf_frequency(key, "en") >= PHRASE_NATURAL_ZIPF:
            cls, ctx = "evidence", ctx or "*"
        else:
            cls = "unambiguous"
        override = overrides.get(key.lower())
        if override:
            used_overrides.add(key.lower())
            decision = override[0]
            if decision == "exclude":
                cls, reason = None, "reviewed_exclude"
            elif decision == "evidence":
                cls, ctx = "evidence", ctx or "*"
            else:
                cls = "unambiguous"
        if cls is None:
            drop(index, reason)
            continue
        entries.append((key, expected, cls, ctx, n, index))
    for key in sorted(set(overrides) - used_overrides):
        print(f"warning: review line for {key!r} matches no kept row", file=sys.stderr)
    for reason in dropped.values():
        reasons[reason] += 1
    kept_rows = {e[5] for e in entries}
    kept_papers = sum(papers(rows[i]["num_papers"]) for i in kept_rows)
    # Order: unambiguous then evidence; most papers first; conditioned lines before '*' ones
    # of the same key (the first line whose context holds wins).
    order = {"unambiguous": 0, "evidence": 1}
    first_seen: dict[str, tuple] = {}
    for e in sorted(entries, key=lambda e: (order[e[2]], -e[4], e[0].lower(), e[3])):
        first_seen.setdefault(e[0].lower(), (order[e[2]], -e[4], e[0].lower()))
    entries.sort(key=lambda e: (first_seen[e[0].lower()], e[3] in ("", "*"), e[3]))
    classes = Counter(e[2] for e in entries)
    coverage = {
        "source": {"file": "tortured.csv", "commit": SOURCE_COMMIT, "sha256": digest},
        "rows_total": len(rows),
        "rows_kept": len(kept_rows),
        "rows_kept_share": round(len(kept_rows) / len(rows), 4),
        "papers_total": total_papers,
        "papers_kept": kept_papers,
        "papers_kept_share": round(kept_papers / total_papers, 4),
        "entries": len(entries),
        "entries_by_class": dict(sorted(classes.items())),
        "left_out": dict(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
        "left_out_total": sum(reasons.values()),
    }
    return entries, coverage


HEADER = """# textfix-lexicon 1
# family: academic
# description: tortured phrases of paraphrased scientific papers ("profound learning" -> deep learning, "counterfeit consciousness" -> artificial intelligence, "bosom" -> breast in a paper that also says breast), with document conditions (doc:/!doc:) from the fingerprints' AND / NOT / OR clauses
# source: Problematic Paper Screener "Tortured" fingerprints (Cabanac, Labbé, Magazinov), via hahuyhoang411/tortured-phrase commit {commit}, file data/tortured.csv sha256 {sha256}
# license: third-party data, attribution required (see README); licence not verified at the primary source
# version: 1
#
# GENERATED by tools/build_academic_lexicon.py from the PPS list and tools/academic_review.tsv:
# do not edit by hand (change the script or the review file and run it again).
# {entries} entries ({by_class}); {kept} of {total} fingerprint rows kept, covering {share:.1%} of the
# list weighted by num_papers; the curation rules are in the script's docstring.
#
# Columns (TAB-separated) = spun, original, class, context; see FORMAT.md
# unambiguous = a tortured phrase hardly ever written otherwise; evidence = fires only in a document that
# already shows spin and whose context holds (doc:PHRASE = the document contains PHRASE).
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--review", type=Path, default=DEFAULT_REVIEW)
    parser.add_argument("--coverage", type=Path, default=DEFAULT_COVERAGE)
    args = parser.parse_args(argv)
    entries, coverage = build(args.csv, args.review)
    classes = coverage["entries_by_class"]
    lines = [
        HEADER.format(
            commit=SOURCE_COMMIT, sha256=coverage["source"]["sha256"], entries=len(entries),
            by_class=", ".join(f"{v} {k}" for k, v in classes.items()),
            kept=coverage["rows_kept"], total=coverage["rows_total"], share=coverage["papers_kept_share"],
        ).rstrip("\n")
    ]
    section = None
    for key, expected, cls, ctx, _n, _i in entries:
        if cls != section:
            section = cls
            lines.append("")
            lines.append(f"# ===== {cls} =====")
        lines.append("\t".join([key, expected, cls] + ([ctx] if ctx else [])))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args.coverage.write_text(json.dumps(coverage, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"rows kept: {coverage['rows_kept']} / {coverage['rows_total']} ({coverage['rows_kept_share']:.1%})")
    print(f"papers covered: {coverage['papers_kept']} / {coverage['papers_total']} ({coverage['papers_kept_share']:.1%})")
    print(f"entries: {len(entries)} " + " ".join(f"{k}={v}" for k, v in classes.items()))
    print("left out:")
    for reason, count in coverage["left_out"].items():
        print(f"  {reason}: {count}")
    print(f"wrote {args.out} and {args.coverage}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
