"""Build the held-out set's spun and gold texts from its markup sources.

Each markup file holds one document with `{spun|original}` at every substitution; the spun text
takes the left sides and the gold text the right, so the two differ only there. Abstracts'
substitutions are their tortured phrases, listed in tortured.tsv (tortured, original, file).
Clean documents are copied as they are.

    python benchmarks/heldout/build.py
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ITEM = re.compile(r"\{([^{}|]+)\|([^{}|]+)\}")


def sides(markup: str) -> tuple[str, str, list[tuple[str, str]]]:
    items = ITEM.findall(markup)
    spun, gold = ITEM.sub(lambda m: m.group(1), markup), ITEM.sub(lambda m: m.group(2), markup)
    if any(c in spun + gold for c in "{}|"):
        raise ValueError("unbalanced markup")
    return spun, gold, items


def main() -> None:
    tortured: list[str] = []
    for directory in ("spun", "gold", "clean"):
        (HERE / directory).mkdir(exist_ok=True)
    for path in sorted((HERE / "markup").iterdir()):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".txt":
            (HERE / "clean" / path.name).write_text(text, encoding="utf-8")
            continue
        try:
            spun, gold, items = sides(text)
        except ValueError as error:
            sys.exit(f"{path.name}: {error}")
        name = path.stem + ".txt"
        (HERE / "spun" / name).write_text(spun, encoding="utf-8")
        (HERE / "gold" / name).write_text(gold, encoding="utf-8")
        if path.name.startswith("abstract_"):
            tortured += [f"{s}\t{o}\t{name}" for s, o in items]
    (HERE / "tortured.tsv").write_text("\n".join(tortured) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
