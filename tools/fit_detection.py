"""Fit the detection score's model (textfix/calibration.py) and write textfix/detection_model.json.

Labelled development data only; the held-out set and the other half of the Lee documents are
left for benchmarks/detection.py to measure the fitted score on.

- spun: benchmarks/dev/spun/*.txt and the corpus's two spun articles (seeds 001, 004);
- clean: benchmarks/dev/clean/*.txt, the corpus's three clean articles, and the Lee
  documents at even positions among the distinct ones (the first, third, ... of the file's
  texts, each text once: the file repeats seven).

Two rates per 100 words for each class: unambiguous fingerprints and context-licensed matches
(detect() counts both).

- clean: the pooled rates of the clean texts, with half a count for a kind never seen
  (additive smoothing), so that no rate is zero;
- spun: the lower quartile of the spun texts' rates, for each kind apart. The lexicons were
  written from some of these texts, so their pooled rates overstate what unseen spun text
  shows; the lower quartile asks instead "is this text spun at least as heavily as a lightly
  spun text we know?", which is what a screen should ask.

The prior is the share of spun text assumed in a corpus to be screened.

    python tools/fit_detection.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textfix.calibration import MODEL_PATH, UNIT_WORDS  # noqa: E402
from textfix.engine import Fixer  # noqa: E402

BENCH = ROOT / "benchmarks"
PRIOR = 0.01  # one text in a hundred spun: a cautious default for a corpus nobody has screened
SMOOTHING = 0.5


def lee_documents() -> list[str]:
    """The distinct Lee documents, in file order."""
    lines = (BENCH / "corpus" / "clean" / "lee_background.txt").read_text(encoding="utf-8").splitlines()
    return list(dict.fromkeys(line for line in lines if line.strip()))


def training_texts() -> dict[str, list[str]]:
    seeds = BENCH / "corpus" / "seeds"
    spun = [p.read_text(encoding="utf-8") for p in sorted((BENCH / "dev" / "spun").glob("*.txt"))]
    spun += [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("00[14]_*.txt"))]
    clean = [p.read_text(encoding="utf-8") for p in sorted((BENCH / "dev" / "clean").glob("*.txt"))]
    clean += [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("00[023]_*.txt"))]
    clean += lee_documents()[0::2]
    return {"spun": spun, "clean": clean}


def fit() -> dict[str, object]:
    fixer = Fixer()
    counts: dict[str, dict[str, float]] = {}
    reports = {label: [fixer.detect(t) for t in texts] for label, texts in training_texts().items()}
    for label, found in reports.items():
        counts[label] = {"documents": len(found), "words": sum(r.words for r in found),
                         "fingerprints": sum(r.fingerprints for r in found),
                         "context": sum(r.context for r in found)}
    rates = {}
    units = counts["clean"]["words"] / UNIT_WORDS
    for kind in ("fingerprints", "context"):
        rates[f"clean_{kind}"] = round((counts["clean"][kind] or SMOOTHING) / units, 6)
        per_text = sorted(getattr(r, kind) * UNIT_WORDS / r.words for r in reports["spun"])
        rates[f"spun_{kind}"] = round(per_text[len(per_text) // 4], 6)
    return {"prior": PRIOR, "rates": rates, "unit_words": UNIT_WORDS, "training": counts,
            "fitted_by": "python tools/fit_detection.py"}


def main() -> None:
    model = fit()
    MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(model, indent=1))


if __name__ == "__main__":
    main()
