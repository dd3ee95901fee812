"""Stage 2: propose candidate windows with one compiled pattern.

The pattern is built from the same vocabulary as the grammar's terminals.  A
window starts where a quantity can start (a digit, a numeral, a prefix word
followed by a number) and runs over any tokens a quantity can contain (numerals,
units, measure words, markers, separators).  Windows are generous: the grammar
later takes the longest prefix it accepts.

Every repetition in the pattern is bounded, and after a match nothing can fail,
so the regex engine never backtracks: scanning is linear in the input, even on
hostile text (a megabyte of digits, of 万, of 约).

>>> from cnquant.plugins import load_vocabulary
>>> scanner = Scanner(load_vocabulary(["core"]))
>>> [w.text for w in scanner.windows("总投资50亿元,一期投资10.8亿元,占地50余公顷")]
['50亿元,一', '10.8亿元,', '50余公顷']

(The grammar then keeps the longest prefix it accepts, ``50亿元``.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from cnquant.grammar import NUMERAL_CHARS
from cnquant.vocab import Vocabulary

__all__ = ["Scanner", "Window", "trie_regex"]

#: Characters a Chinese numeral may start with.
LEADING_NUMERALS = "零〇一二三四五六七八九两俩壹贰叁肆伍陆柒捌玖十拾廿卅"
#: Longest run of numeral characters one token may take.
MAX_RUN = 32
#: Most tokens one window may take (a numeral character is one token).
MAX_TOKENS = 48


def trie_regex(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` shaped as a trie (fast, no backtracking).

    >>> trie_regex(["元", "万元", "万吨"])
    '(?:万(?:元|吨)|元)'
    """
    trie: dict[str, Any] = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        alts = []
        optional = "" in node
        for ch in sorted(k for k in node if k):
            alts.append(re.escape(ch) + render(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not optional else "(?:" + "|".join(alts) + ")"
        if optional:
            body = body + "?" if body.startswith("(?:") else "(?:" + body + ")?"
        return body

    return render(trie) or "(?!)"


@dataclass(frozen=True, slots=True)
class Window:
    """A candidate window of the normalised text."""

    start: int
    end: int
    text: str
    number_start: int  # where the first numeral of the window starts


class Scanner:
    """Finds candidate windows; see the module docstring."""

    def __init__(self, vocab: Vocabulary) -> None:
        digits = "0-9"
        numerals = re.escape(NUMERAL_CHARS)
        num_char = f"[{digits}{numerals}]"
        # words that may open a quantity before its number
        openers = (set(vocab.markers.get("before", {})) | set(vocab.prefixes)
                   | {"每", "负", "零下", "-", "翻", "翻了", "半"})
        # words that may stand inside or after one
        inside = (set(vocab.units) | set(vocab.classifiers)
                  | set(vocab.markers.get("after", {})) | set(vocab.markers.get("inner", {}))
                  | set(vocab.separators) | set(vocab.vague) | set(vocab.vague_mult)
                  | {"点", "又", "/", "分之", "成", "折", "番", "半", "k", "K", "M", "."})
        vague = set(vocab.vague) | set(vocab.vague_mult)
        number = (
            # Arabic: never start inside a run of digits, letters or a decimal
            rf"(?<![0-9A-Za-z.]){'[0-9]'}{{1,{MAX_RUN}}}(?:[.,][0-9]{{1,{MAX_RUN}}}){{0,8}}"
            # a Chinese numeral starts with a digit or 十 (a bare 万 or 亿 is no number),
            # or with 百/千 before 万/亿 (千万美元)
            rf"|(?:[{re.escape(LEADING_NUMERALS)}]|[百千佰仟](?=[万亿]))"
            rf"{num_char}{{0,{MAX_RUN}}}"
        )
        percent_of = r"[百佰千仟万] ?分 ?之"
        units = trie_regex(vocab.units)
        lead = (
            rf"(?P<num>{number})"
            rf"|(?P<per>每 ?{units}) ?(?={num_char})"
            # up to three opening words: 约合人民币9.4亿元
            rf"|(?P<pre>(?:{trie_regex(openers)}) ?(?:(?:{trie_regex(openers)}) ?){{0,2}})"
            rf"(?={num_char}|{percent_of})"
            rf"|(?P<frac>{percent_of})"
            rf"|(?P<vague>{trie_regex(vague)})(?=[十百千万亿]|{trie_regex(vocab.classifiers)})"
        )
        # vocabulary words first: 千瓦时 is a unit, not the numeral 千 and then 瓦
        body = (
            rf"{trie_regex(inside)}|[{numerals}]|[0-9.,]{{1,{MAX_RUN}}}"
            rf"|{trie_regex(openers)}|{percent_of}| (?=\S)"
        )
        self.pattern = re.compile(rf"(?:{lead})(?:{body}){{0,{MAX_TOKENS}}}")

    def windows(self, text: str, pos: int = 0) -> Iterator[Window]:
        """Every window, left to right, without overlaps."""
        while True:
            w = self.next_window(text, pos)
            if w is None:
                return
            yield w
            pos = w.end

    def next_window(self, text: str, pos: int) -> Window | None:
        """The first window at or after ``pos``."""
        m = self.pattern.search(text, pos)
        if m is None:
            return None
        start, end = m.span()
        number_start = start
        opener = "pre" if m.group("pre") is not None else "per" if m.group("per") else None
        if opener is not None:
            number_start = m.end(opener)
            while number_start < end and text[number_start] == " ":
                number_start += 1
        return Window(start, end, text[start:end], number_start)
