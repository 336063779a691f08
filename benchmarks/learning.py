"""How much of a gold restoration `textfix learn` recovers, with the corpus pairs removed from
the lexicons it compares against.

The reference is independent of textfix's aligner: the substitutions the gold shows are the
spans of scoring.changed_spans (difflib over whitespace tokens, as ../shared/eval/score.py
defines them), with punctuation stripped and case folded.

- one-word substitutions: the spans of one word on each side, and the word-for-word pairs of
  spans as long on both sides ("despatched greater" -> "sent more" holds two);
- recovery: the share of those that learn writes as an entry of one word on each side;
- precision: the share of learn's entries that match a gold span: once the words both sides
  share at their edges (the neighbour an entry for a dropped word carries) are set aside,
  the spun words lie in order inside one span's spun words and the original words inside its
  gold words.

Before learning, every packaged lexicon line whose (spun, original) is a substitution of the
corpus's two gold alignments is removed, so the "packaged" column cannot lean on them (learn
does not consult the lexicons to find substitutions; the check shows it).

    python benchmarks/learning.py     # writes results/learn.json
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import textfix  # noqa: E402
from scoring import changed_spans  # noqa: E402
from textfix.compiled import builtin_lexicon_paths  # noqa: E402
from textfix.learning import Learned, learn  # noqa: E402
from textfix.tokens import normalise  # noqa: E402

CORPUS = HERE / "corpus"
Words = tuple[str, ...]


def _strip(word: str) -> str:
    return normalise(re.sub(r"^\W+|\W+$", "", word))


def gold_spans(spun: str, gold: str) -> list[tuple[Words, Words]]:
    """The substitutions the gold shows: (spun words, gold words), punctuation stripped, lower case."""
    a = spun.split()
    out = []
    for i1, i2, new in changed_spans(a, gold.split()):
        left = tuple(w for w in map(_strip, a[i1:i2]) if w)
        right = tuple(w for w in map(_strip, new) if w)
        if left != right:
            out.append((left, right))
    return out


def one_word_substitutions(spans: list[tuple[Words, Words]]) -> set[tuple[str, str]]:
    pairs = set()
    for left, right in spans:
        if len(left) == len(right):
            pairs.update((a, b) for a, b in zip(left, right) if a != b)
    return pairs


def _inside(part: Words, whole: Words) -> bool:
    return any(whole[k:k + len(part)] == part for k in range(len(whole) - len(part) + 1))


def matches_gold(spun: Words, original: Words, spans: list[tuple[Words, Words]]) -> bool:
    a, b = list(spun), list(original)
    while a and b and a[0] == b[0]:
        a, b = a[1:], b[1:]
    while a and b and a[-1] == b[-1]:
        a, b = a[:-1], b[:-1]
    return bool(a or b) and any(_inside(tuple(a), left) and _inside(tuple(b), right) for left, right in spans)


def lexicons_without(pairs: set[tuple[Words, Words]], directory: Path) -> list[Path]:
    """Copies of the packaged lexicons without the lines whose (spun, original) is in pairs."""
    directory.mkdir(parents=True, exist_ok=True)
    out = []
    for path in builtin_lexicon_paths():
        kept = []
        for line in path.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) >= 3 and not line.startswith("#"):
                key = (tuple(normalise(fields[0]).split()), tuple(normalise(fields[1]).split()))
                if key in pairs:
                    continue
            kept.append(line)
        (directory / path.name).write_text("\n".join(kept) + "\n", encoding="utf-8")
        out.append(directory / path.name)
    return out


def corpus_pairs() -> list[tuple[str, str, str]]:
    return [(p.name, p.read_text(encoding="utf-8"), (CORPUS / "gold" / p.name).read_text(encoding="utf-8"))
            for p in sorted((CORPUS / "seeds").glob("*.txt")) if (CORPUS / "gold" / p.name).exists()]


def corpus_substitutions() -> set[tuple[Words, Words]]:
    pairs: set[tuple[Words, Words]] = set()
    for _, spun, gold in corpus_pairs():
        spans = gold_spans(spun, gold)
        pairs.update(spans)
        pairs.update(((a,), (b,)) for a, b in one_word_substitutions(spans))
    return pairs


def measure(learned: Learned, spun: str, gold: str) -> dict[str, object]:
    spans = gold_spans(spun, gold)
    wanted = one_word_substitutions(spans)
    entries = [(tuple(normalise(c.spun).split()), tuple(normalise(c.original).split()), c) for c in learned.candidates]
    singles = {(a[0], b[0]) for a, b, _ in entries if len(a) == 1 and len(b) == 1}
    wrong = [(" ".join(a), " ".join(b)) for a, b, _ in entries if not matches_gold(a, b, spans)]
    held = [c for a, b, c in entries if len(a) == 1 and len(b) == 1 and (a[0], b[0]) in wanted and c.packaged == "same"]
    return {
        "one_word_substitutions": len(wanted),
        "recovered": len(wanted & singles),
        "recovery": len(wanted & singles) / len(wanted),
        "entries": len(entries),
        "entries_matching_gold": len(entries) - len(wrong),
        "precision": (len(entries) - len(wrong)) / len(entries),
        "missed": sorted(" -> ".join(p) for p in wanted - singles),
        "not_in_gold": wrong,
        "gold_pairs_still_packaged": len(held),
        "set_aside": dict(learned.skipped),
    }


def main() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        lexicons = lexicons_without(corpus_substitutions(), Path(tmp))
        config = textfix.Config(builtin=False, lexicons=tuple(map(str, lexicons)))
        results = {name: measure(learn([(spun, gold)], config), spun, gold) for name, spun, gold in corpus_pairs()}
    for name, r in results.items():
        print(f"{name}: recovery {r['recovered']}/{r['one_word_substitutions']} = {r['recovery']:.1%}; "
              f"precision {r['entries_matching_gold']}/{r['entries']} = {r['precision']:.1%}; "
              f"gold pairs the trimmed lexicons hold: {r['gold_pairs_still_packaged']}; set aside: {r['set_aside']}")
        if r["missed"]:
            print("  missed:", ", ".join(r["missed"]))
        if r["not_in_gold"]:
            print("  not in gold:", ", ".join(f"{a} -> {b}" for a, b in r["not_in_gold"]))
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "learn.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
