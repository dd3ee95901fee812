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
['50亿元,一', '10.8亿元', '50余公顷']

(The grammar then keeps the longest prefix it accepts, ``50亿元``.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from cnquant.grammar import GAP, NUMERAL_CHARS, gapped
from cnquant.vocab import Vocabulary

__all__ = ["Scanner", "Window", "trie_regex"]

#: Characters a Chinese numeral may start with.
LEADING_NUMERALS = "零〇一二三四五六七八九两俩壹贰叁肆伍陆柒捌玖十拾廿卅"
#: Digits a multiplier with an implied one may take after it (千三 is 1300).
DIGIT_CHARS = "一二三四五六七八九两壹贰叁肆伍陆柒捌玖"
#: Longest run of numeral characters one token may take.
MAX_RUN = 32
#: Most tokens one window may take (a numeral character is one token).
MAX_TOKENS = 48


def trie_regex(words: Iterable[str], *, gaps: bool = False) -> str:
    """A regex alternation of ``words`` shaped as a trie (fast, no backtracking).

    >>> trie_regex(["元", "万元", "万吨"])
    '(?:万(?:元|吨)|元)'

    With ``gaps``, up to two spaces may stand between the characters of a word
    (but not between two ASCII letters or digits):

    >>> trie_regex(["百分点"], gaps=True)
    '百 {0,2}分 {0,2}点'
    """
    trie: dict[str, Any] = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, Any], prev: str) -> str:
        alts = []
        optional = "" in node
        for ch in sorted(k for k in node if k):
            gap = GAP if gaps and prev and gapped(prev, ch) else ""
            alts.append(gap + re.escape(ch) + render(node[ch], ch))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not optional else "(?:" + "|".join(alts) + ")"
        if optional:
            body = body + "?" if body.startswith("(?:") else "(?:" + body + ")?"
        return body

    return render(trie, "") or "(?!)"


@dataclass(frozen=True, slots=True)
class Window:
    """A candidate window of the normalised text."""

    start: int
    end: int
    text: str
    number_start: int  # where the first numeral of the window starts
    #: where to read again when the window does not parse from its start: each later
    #: opening word (比超过三成: 超过三成), then the number
    retry: tuple[int, ...] = ()


class Scanner:
    """Finds candidate windows; see the module docstring."""

    def __init__(self, vocab: Vocabulary) -> None:
        digits = "0-9"
        numerals = re.escape(NUMERAL_CHARS)
        num_char = f"[{digits}{numerals}]"
        # words that may open a quantity before its number
        openers = (set(vocab.markers.get("before", {})) | set(vocab.prefixes)
                   | vocab.connective("between_before") | vocab.connective("compare_before")
                   | {"每", "负", "零下", "-", "翻", "翻了", "半"})
        # words that may stand inside or after one
        inside = (set(vocab.units) | set(vocab.minor) | set(vocab.classifiers)
                  | {"/" + form for form in vocab.per}
                  | set(vocab.markers.get("after", {})) | set(vocab.markers.get("inner", {}))
                  | set(vocab.markers.get("compare", {}))
                  | set(vocab.separators) | set(vocab.vague) | set(vocab.vague_mult)
                  | vocab.connective("conjunctions") | vocab.connective("between_links")
                  | vocab.connective("between_after") | vocab.links
                  | vocab.connective("rough_after")
                  | {"点", "又", "/", "分之", "成", "折", "番", "半", "半月", "k", "K", "M", "."}
                  # 元/平方米·月: a period after the dot of a rate
                  | {dot + form for dot in "·・"
                     for form, sense in (*vocab.per.items(), *vocab.units.items())
                     if sense.kind == "time"}
                  # 三个半月, 三个多月: 月 only after 个 and 半 or an inner marker
                  | {m + "月" for m in vocab.markers.get("inner", {})}
                  # 15日内, 1.2日: 日 before 内 or after a decimal (quantity.lark,
                  # DAY_WITHIN and DAY; 内 is a marker after it)
                  | {"日"})
        # 一千比特币: the window must reach the longer unit (比特币), not stop at 千比特
        inside |= {form[0] + other for form in vocab.units if form[0] in "十百千万亿兆"
                   for other in vocab.units if other.startswith(form[1:]) and other != form[1:]}
        vague = set(vocab.vague) | set(vocab.vague_mult)
        inner = trie_regex(vocab.markers.get("inner", {}))
        after = trie_regex(vocab.markers.get("after", {}), gaps=True)
        classifiers = trie_regex(vocab.classifiers)
        rough = trie_regex(vocab.connective("rough_after")) or "(?!)"
        # indicators written in Latin letters, after which a number may start (EPS7.42元,
        # GDP1.2万亿元), where after other letters it is part of a code (A4, PM2.5)
        acronyms = sorted({m.group() for f in vocab.indicators
                           if (m := re.search(r"[A-Za-z]{2,}$", f)) is not None})
        after_acronym = "".join(f"|(?<={re.escape(a)})" for a in acronyms)
        number = (
            # Arabic: never start inside a run of digits, letters or a decimal
            # (nor at a group of three after a digit and a comma: 5,000 read from 000;
            # nor after a digit and a colon: the minutes of 10:00起)
            rf"(?:(?<![0-9A-Za-z.])(?<![0-9]:)(?:(?<![0-9],)|(?![0-9]{{3}}(?![0-9])))"
            rf"{after_acronym})"
            rf"(?:[0-9]{{1,{MAX_RUN}}}(?:[.,][0-9]{{1,{MAX_RUN}}}){{0,8}}"
            rf"|\.[0-9]{{1,{MAX_RUN}}})"
            # a Chinese numeral starts with a digit or 十 (a bare 万 or 亿 is no number),
            # with 百/千 before 万/亿 (千万美元) or a digit (千三), or with a multiplier
            # before an inner marker (百余家); it is one character here, the rest
            # are tokens of the body, where vocabulary words come first (一千瓦时 is 一
            # and 千瓦时, not 一千 and 瓦)
            rf"|[{re.escape(LEADING_NUMERALS)}]|[百千佰仟](?=[万亿{re.escape(DIGIT_CHARS)}])"
            rf"|[百千佰仟](?={inner})"
            # or with a multiplier before a measure word and a marker after it (千头以上),
            # or alone before a word of roughness (百把人)
            rf"|[百千佰仟万](?=(?:{classifiers}) ?(?:{after}))"
            rf"|(?<![{digits}{numerals}])[百千佰仟万](?={rough})"
        )
        percent_of = r"(?:[十拾百佰千仟][万亿]{0,3}|[万亿]{1,3}) {0,3}分 {0,3}之"
        units = trie_regex(vocab.units, gaps=True)
        links = trie_regex(vocab.links) if vocab.links else "(?!)"
        opener = trie_regex(openers, gaps=True)
        lead = (
            # opening words first (零下5 is a negative number, not 零), up to three of
            # them (约合人民币9.4亿元), and a verb after them (至少有10个)
            rf"(?P<pre>(?:{opener}) ?(?:(?:{opener}) ?){{0,2}})(?:(?P<link>{links}) ?)?"
            rf"(?=(?:负|零下|-)?\.?{num_char}|{percent_of}|半|每 ?(?:{units}|{classifiers}) ?"
            rf"(?:(?:{opener}) ?)?{num_char})"
            rf"|(?P<num>{number})"
            # 每吨500元, and with a marker after the unit: 每升约7.9元
            rf"|(?P<per>每 ?(?:{units}|{classifiers})) ?(?=(?:(?:{opener}) ?)?{num_char})"
            rf"|(?P<frac>{percent_of})"
            # 数十, 上千 (before a multiplier); 几个, 若干家 (alone words before a unit)
            rf"|(?P<vague>{trie_regex(vague)})(?=[十百千万亿])"
            rf"|(?P<alone>{trie_regex(vocab.vague) if vocab.vague else '(?!)'})"
            rf"(?={classifiers}|{units})"
            # amounts written without a digit: 打对折 (50%), 半成 (5%), 半折 (50%), 半年,
            # 半个多月
            rf"|(?P<word>打 ?对 ?折|半(?= ?(?:[成折]|{units}|(?:{classifiers}) ?(?:{inner}))))"
        )
        # vocabulary words first: 千瓦时 is a unit, not the numeral 千 and then 瓦.
        # The words are split by their first character so that a numeral or a
        # digit, the commonest tokens, is tried against the few words that
        # begin with one, not against the whole vocabulary; a word can only
        # match where its first character stands, so the first match (and the
        # window) is the same as with one alternation of every word.
        words = inside | openers
        fast = set(NUMERAL_CHARS) | set("0123456789")
        body = (
            rf"{trie_regex((w for w in words if w[0] in fast), gaps=True)}|[{numerals}]"
            rf"|(?=[0-9])[0-9.,]{{1,{MAX_RUN}}}"
            rf"|{trie_regex((w for w in words if w[0] not in fast), gaps=True)}"
            rf"|[0-9.,]{{1,{MAX_RUN}}}|{percent_of}| {{1,4}}(?=\S)"
        )
        self.pattern = re.compile(rf"(?:{lead})(?:{body}){{0,{MAX_TOKENS}}}")
        # every character a window can start with: the scan jumps from one to the next
        # (a plain character-class search) and tries the pattern only there
        # (the openers hold 每 and 半; 打 begins 打对折, . begins .5)
        firsts = {w[0] for w in openers | vague | set(vocab.vague) if w}
        firsts |= set(NUMERAL_CHARS) | set(LEADING_NUMERALS) | set("0123456789.打")
        self._first = re.compile("[" + "".join(re.escape(c) for c in sorted(firsts)) + "]")
        # words that can join two parts of a quantity but never end one: a window
        # is cut before them when they come last (5.2%, → 5.2%), so that equal
        # quantities make equal windows (and share one parse)
        joiners = (set(vocab.separators) | vocab.connective("conjunctions") | vocab.links
                   | vocab.connective("between_links") | {",", " ", "、", "/", "又"})
        self._tail = re.compile(rf"(?:{trie_regex(joiners)})+$")
        self._opener = re.compile(rf"(?:{opener}) ?")

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
        first = self._first.search
        match = self.pattern.match
        while True:
            f = first(text, pos)
            if f is None:
                return None
            m = match(text, f.start())
            if m is not None:
                break
            pos = f.start() + 1
        start, end = m.span()
        tail = self._tail.search(text, start, end)
        if tail is not None and tail.start() > start:
            end = tail.start()
        number_start = start
        opener = ("link" if m.group("link") is not None else
                  "pre" if m.group("pre") is not None else "per" if m.group("per") else None)
        retry: list[int] = []
        if opener is not None:
            number_start = m.end(opener)
            while number_start < end and text[number_start] == " ":
                number_start += 1
            if m.group("pre") is not None:  # the boundaries of the chained opening words
                at = self._opener.match(text, start)
                while at is not None and start < at.end() < m.end("pre"):
                    retry.append(at.end())
                    at = self._opener.match(text, at.end())
            retry.append(number_start)
        return Window(start, end, text[start:end], number_start,
                      tuple(r for r in retry if r > start))
