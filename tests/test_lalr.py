"""The prefix parser (cnquant.lalr) against Lark's own LALR parser.

The driver reads Lark's tables and calls the transformer's callbacks itself, so
it must agree with ``Lark.parse`` on every input that Lark reads whole, and it
must never claim a longer prefix than the input holds.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from lark import Token

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


def _interactive(lark: Any, window: str) -> tuple[int, Any] | None:
    """The same longest prefix read with Lark's own interactive parser, token by token
    (what cnquant did before cnquant.lalr): the reference of the differential test."""
    ip = lark.parse_interactive(window)
    state = ip.parser_state
    table = state.parse_conf.states
    tokens = ip.lexer_thread.lex(state)
    ends: list[tuple[int, Any]] = []
    pending: int | None = None
    while True:
        try:
            token = next(tokens)
        except StopIteration:
            break
        except FAIL:
            break
        if pending is not None:
            ends.append((pending, state.copy(deepcopy_values=False)))
            pending = None
        try:
            state.feed_token(token)
        except FAIL:
            break
        if "$END" in table[state.position]:
            pending = token.end_pos or 0
    if pending is not None:
        ends.append((pending, state))
    for end, at_end in reversed(ends):
        with contextlib.suppress(*FAIL):
            return end, at_end.feed_token(Token("$END", ""), True)
    return None


@given(st.sampled_from(EXPRESSIONS), st.text(alphabet="，。的万亿元吨%个约多 3五至两", max_size=6))
@example("三千两百两", "五")
def test_the_prefix_is_the_one_lark_reads(parsers: tuple[object, PrefixParser],
                                          expr: str, tail: str) -> None:
    """Token by token, Lark's interactive parser finds the same prefix and value.
    (Lark.parse of the prefix alone may differ: a terminal's lookahead sees what
    follows the prefix, 三千两百两 + 五.)"""
    lark, prefix = parsers
    text = expr + tail
    got = prefix.parse(text)
    assert got == _interactive(lark, text)
    if got is not None:
        assert 0 < got[0] <= len(text)
    if _lark(lark, text) is not None:
        # ignored spaces at the end are not part of the quantity
        assert got is not None and got[0] == len(text.rstrip(" "))
