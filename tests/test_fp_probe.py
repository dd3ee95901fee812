"""150 short sentences dense with what is not a quantity (dates, times, ranks, codes,
document numbers, model names, slogans, idioms), each beside or without a real one.

``tests/data/fp-probe.jsonl`` was written from ``shared/spec/mentions.md`` and
committed (6f0426f) before cnquant was run on it; then 146 of 150 came out right.
Each line lists the mention texts that must be found (``expect``) and those that may
be (``optional``, matched by overlap); nothing else may be reported.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cnquant import extract

PROBE = Path(__file__).resolve().parent / "data" / "fp-probe.jsonl"
CASES = [json.loads(line) for line in PROBE.read_text(encoding="utf-8").splitlines()
         if line.strip()]


def test_the_probe_is_what_the_docstring_says():
    assert len(CASES) == 150
    assert sum(not c["expect"] for c in CASES) >= 40  # many have no quantity at all


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_only_the_real_quantities_are_found(case):
    got = [m.text for m in extract(case["text"])]
    optional = case.get("optional", [])
    # an optional mention counts whatever its span, as the scorer matches by overlap
    kept = [t for t in got
            if t in case["expect"] or not any(t in o or o in t for o in optional)]
    assert kept == case["expect"], case["why"]
