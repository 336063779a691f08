"""How fast a review report opens in a browser, and the README's screenshot of one.

Three reports are built with textfix.report and opened in headless Chromium (benchmarks/
browser.py), each 5 times; the figure is the median time from the start of navigation to the
end of the load event, which includes parsing the page's data and drawing the summary and the
first page of the top document (the page draws a document a page at a time, 20,000
characters each, and the summary 100 rows at a time):

- corpus:      the five corpus articles;
- 1,000 docs:  the corpus, the held-out set and the Lee news documents, repeated to 1,000;
- 1 MB doc:    the corpus articles joined and repeated to one document of 1 MB.

The goal is under 2 seconds for each. The corpus report, opened at its first spun article in
the side-by-side view with a span focused, is saved as docs/report.png.

    python benchmarks/review.py [--json PATH] [--screenshot PATH]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # measure this checkout's textfix, installed or not
sys.path.insert(0, str(HERE))

import browser  # noqa: E402
import textfix  # noqa: E402

DEFAULT_JSON = HERE / "results" / "review.json"
DEFAULT_SHOT = HERE.parent / "docs" / "report.png"
RUNS = 5
GOAL_SECONDS = 2.0


def corpus() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((HERE / "corpus" / "seeds").glob("*.txt"))}


def many(count: int = 1000) -> dict[str, str]:
    pool = list(corpus().items())
    pool += [(f"heldout/{p.parent.name}/{p.name}", p.read_text(encoding="utf-8"))
             for p in sorted((HERE / "heldout").glob("*/*.txt")) if p.parent.name in ("spun", "clean")]
    lee = (HERE / "corpus" / "clean" / "lee_background.txt").read_text(encoding="utf-8").splitlines()
    pool += [(f"lee/{i:03d}", line) for i, line in enumerate(lee) if line.strip()]
    return {f"{i:04d} {pool[i % len(pool)][0]}": pool[i % len(pool)][1] for i in range(count)}


def one_megabyte() -> dict[str, str]:
    text = "\n".join(corpus().values())
    size = 1_000_000
    return {"1 MB": (text * (size // len(text.encode("utf-8")) + 1))[:size]}


def open_seconds(driver, path: Path) -> float:
    driver.get(path.as_uri())
    assert driver.execute_script("return document.body.dataset.ready") == "true"
    timing = driver.execute_script("const t = performance.getEntriesByType('navigation')[0]; return [t.startTime, t.loadEventEnd];")
    return (timing[1] - timing[0]) / 1000.0


def screenshot(driver, path: Path, out: Path) -> None:
    from selenium.webdriver.common.by import By

    driver.get(path.as_uri())
    driver.execute_script("document.querySelector('input[value=both]').click()")  # no pointer left over a span
    driver.find_element(By.TAG_NAME, "body").send_keys("n")
    driver.switch_to.active_element.send_keys("n")
    driver.execute_script("window.scrollTo(0, document.getElementById('document').offsetTop - 10)")
    driver.switch_to.active_element.send_keys("n")
    out.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(out))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    parser.add_argument("--screenshot", type=Path, default=DEFAULT_SHOT)
    args = parser.parse_args()
    why = browser.missing()
    if why:
        print(f"cannot run: {why}", file=sys.stderr)
        return 2
    results = []
    with tempfile.TemporaryDirectory() as tmp, browser.chromium() as driver:
        for name, documents in (("corpus", corpus()), ("1,000 docs", many()), ("1 MB doc", one_megabyte())):
            start = time.perf_counter()
            page = textfix.report(documents)
            build = time.perf_counter() - start
            path = Path(tmp) / f"{len(results)}.html"
            path.write_text(page, encoding="utf-8")
            times = [open_seconds(driver, path) for _ in range(RUNS)]
            row = {"report": name, "documents": len(documents),
                   "input_mb": round(sum(len(t.encode("utf-8")) for t in documents.values()) / 1e6, 2),
                   "page_mb": round(len(page.encode("utf-8")) / 1e6, 2), "build_s": round(build, 2),
                   "open_s_median": round(statistics.median(times), 3), "open_s_max": round(max(times), 3)}
            results.append(row)
            print(f"{name:>11}: {row['documents']:5d} docs, {row['input_mb']:5.2f} MB in, page {row['page_mb']:5.2f} MB, "
                  f"built in {row['build_s']:.2f} s, opens in {row['open_s_median']:.3f} s (median of {RUNS}, "
                  f"max {row['open_s_max']:.3f})")
            if name == "corpus":
                screenshot(driver, path, args.screenshot)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"goal_seconds": GOAL_SECONDS, "runs": RUNS, "results": results}, indent=2) + "\n")
    slow = [r["report"] for r in results if r["open_s_median"] >= GOAL_SECONDS]
    print("goal met: every report opens in under 2 s" if not slow else f"goal missed: {', '.join(slow)}")
    return 0 if not slow else 1


if __name__ == "__main__":
    sys.exit(main())
