"""The grammar itself: its LALR conflicts are pinned, its scanning is linear.

Lark resolves a shift/reduce conflict as shift without a word (and refuses a
reduce/reduce one).  Building the parser with ``debug=True`` makes it log each
conflict; the test below pins that list, so that a new conflict is a decision
someone makes, with its reason written here.
"""

from __future__ import annotations

import logging
import os
import re
import time

import pytest
from lark import Lark, logger

import cnquant
from cnquant._resources import grammars_dir
from cnquant.grammar import grammar_text
from cnquant.plugins import load_vocabulary

#: (terminal, rule that could be reduced instead) -> why shifting is right
EXPECTED_CONFLICTS = {
    ("numerals__POINT", "<numerals__sec_x : numerals__sec_any>"):
        "一十一点五: 点 is the decimal point of the section (sec_dec); the same value "
        "either way (numerals.lark)",
    ("HALF", "<measured : signed unit>"):
        "一年半: 半 after a unit adds a half (measured_half) rather than ending the amount",
    ("HALF", "<unit : CLASSIFIER>"):
        "两个半小时: 半 after a measure word goes on to the unit (classifier_half)",
    ("HALF", "<unit : CHENG>"):
        "三成半: 半 after 成 is half a tenth (cheng_half)",
    ("DIGIT", "<unit : CHENG>"):
        "七成六: a digit after 成 is the next digit of the percentage (cheng_digit)",
    ("ARABIC", "<unit : CHENG>"):
        "1成4: so is an Arabic digit (cheng_digit takes one digit only)",
    ("ZERO", "<unit : CLASSIFIER>"):
        "一块零五: 零 after a measure word opens a digit of hundredths "
        "(classifier_hundredths; where none follows, 3个零件, the longest prefix is 3个)",
}


def _conflicts(vocab_plugins: list[str] | None) -> set[tuple[str, str]]:
    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record.getMessage())

    handler = Collect()
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        Lark(grammar_text(load_vocabulary(vocab_plugins)), parser="lalr", lexer="contextual",
             import_paths=[str(grammars_dir())], maybe_placeholders=False, debug=True)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    found = set()
    terminal = None
    for message in "\n".join(records).splitlines():
        m = re.match(r"Shift/Reduce conflict for terminal (\S+): \(resolving as shift\)", message)
        if m:
            terminal = m.group(1)
        elif message.startswith(" * ") and terminal is not None:
            found.add((terminal, message[3:].strip()))
        else:
            terminal = None
    return found


@pytest.mark.parametrize("plugins", [["core"], None], ids=["core", "all-plugins"])
def test_the_grammar_has_exactly_the_known_conflicts(plugins):
    assert _conflicts(plugins) == set(EXPECTED_CONFLICTS)


@pytest.mark.parametrize("unit", ["1", "万", "约", "一二三四五六七八九十", "1,1", "个 百 分 ",
                                  "大于1小于", "十一", "http://a.b/1%20", "3至5万吨、"])
def test_extraction_is_linear_on_hostile_text(unit):
    """Every repetition of the scanner's pattern is bounded and the context rules
    look up what they need instead of rescanning: 20 times the text takes about 20
    times as long (a square would take 400 times)."""

    def timed(text: str) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            cnquant.extract(text, bare_numbers=True)
            best = min(best, time.perf_counter() - start)
        return best

    small_text = (unit * (1000 // len(unit) + 1))[:1000]
    small = max(timed(small_text), 0.001)
    large = timed(small_text * 20)
    assert large < small * 20 * 5


def test_the_disk_cache_keeps_only_the_newest_grammars(tmp_path, monkeypatch):
    from cnquant import grammar

    monkeypatch.setenv("CNQUANT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("CNQUANT_NO_CACHE", raising=False)
    monkeypatch.setattr(grammar, "MAX_CACHED_GRAMMARS", 2)
    monkeypatch.setattr(grammar, "_parsers", {})
    directory = tmp_path / "lark"
    directory.mkdir()
    for i in range(3):  # files of other grammars, used long ago
        (directory / f"old{i}.pickle").write_bytes(b"x")
        os.utime(directory / f"old{i}.pickle", (i, i))
    vocab = load_vocabulary(["core"])
    grammar.build_parser(vocab, object())  # a new grammar file: the oldest go
    names = sorted(p.name for p in directory.iterdir())
    assert len(names) == 2 and "old2.pickle" in names
