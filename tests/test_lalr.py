"""The prefix parser (cnquant.lalr) against Lark's own LALR parser.

The driver reads Lark's tables and calls the transformer's callbacks itself, so
it must agree with ``Lark.parse`` on every input that Lark reads whole, and it
must never claim a longer prefix than the input holds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cnquant
from cnquant.lalr import FAIL, PrefixParser
from cnquant.normalise import normalise

DATA = Path(__file__).resolve().parent / "data"


def _gold_expressions() -> list[str]:
    out: set[str] = set()
    for name in ("dev-news.jsonl", "recognizers-text.jsonl", "seed.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            for m in json.loads(line).get("mentions", []):
                out.add(normalise(m["text"]).text.strip(" "))
    return sorted(out)


EXPRESSIONS = _gold_expressions()


@pytest.fixture(scope="module")
def parsers() -> tuple[object, PrefixParser]:
    lark = cnquant.default_extractor()._parser
    return lark, PrefixParser(lark)


def _lark(lark: object, text: str) -> object | None:
    try:
        return lark.parse(text)  # type: ignore[attr-defined]
    except FAIL:
        return None


def test_agrees_with_lark_on_every_gold_expression(parsers: tuple[object, PrefixParser]) -> None:
    lark, prefix = parsers
    assert len(EXPRESSIONS) > 500
    whole = 0
    for text in EXPRESSIONS:
        expected = _lark(lark, text)
        got = prefix.parse(text)
        if expected is not None:
            whole += 1
            assert got == (len(text), expected), text
        else:
            assert got is None or got[0] < len(text), text
    assert whole > 0.9 * len(EXPRESSIONS)  # the comparison is not vacuous


@given(st.sampled_from(EXPRESSIONS), st.text(alphabet="，。的万亿元吨%个约多 3五至", max_size=6))
def test_a_prefix_is_what_lark_reads_whole(parsers: tuple[object, PrefixParser],
                                            expr: str, tail: str) -> None:
    lark, prefix = parsers
    text = expr + tail
    got = prefix.parse(text)
    if got is not None:
        end, value = got
        assert 0 < end <= len(text)
        assert _lark(lark, text[:end]) == value
    if _lark(lark, text) is not None:
        # ignored spaces at the end are not part of the quantity
        assert got is not None and got[0] == len(text.rstrip(" "))
