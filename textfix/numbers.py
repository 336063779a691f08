"""The numeric values a run of words states, in digits or in words.

The spinner rewrites numbers without changing them ("two" -> "2", "75th" -> "seventy fifth");
an editor who updates a figure changes its value. Telling the two apart needs the values.
"""
from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_DIGITS = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?:st|nd|rd|th|s|'s|’s)?$")


def _digits(word: str) -> float | None:
    match = _DIGITS.match(word)
    if not match:
        return None
    try:
        return float(match.group(1).replace(",", ""))
    except ValueError:
        return None


def values(words: list[str]) -> list[float]:
    """The numbers the words state, in order: ["seventy", "fifth"] -> [75.0], ["2", "of"] -> [2.0]."""
    out: list[float] = []
    total = current = 0.0
    in_number = False

    def close() -> None:
        nonlocal total, current, in_number
        if in_number:
            out.append(total + current)
        total = current = 0.0
        in_number = False

    for raw in words:
        word = raw.lower().strip(".,;:!?\"'“”‘’()")
        parts = word.split("-") if "-" in word and not word[0].isdigit() else [word]
        for part in parts:
            number = _digits(part)
            if number is not None:
                close()
                out.append(number)
            elif part in _UNITS or part in _ORDINALS:
                current += _UNITS.get(part, _ORDINALS.get(part, 0))
                in_number = True
                if part in _ORDINALS:
                    close()
            elif part in _SCALES and in_number:
                scale = _SCALES[part]
                if scale == 100:
                    current *= scale
                else:
                    total += current * scale
                    current = 0.0
            elif part in _SCALES:
                current, in_number = float(_SCALES[part]), True
            elif part == "and" and in_number:
                continue
            else:
                close()
    close()
    return out
