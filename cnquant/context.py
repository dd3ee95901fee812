"""Stage 5: read the context of each parsed quantity.

This stage decides two things:

* whether a parsed expression is a quantity at all: dates (2019年), ranks
  (第3位, 前3名), slogans (四个一批), numbers inside names (一带一路), "a/one"
  (一个), bare numbers without a unit;
* what it measures: the indicator before it (``metric``, with a stable key and
  an English gloss from the vocabulary), the thing counted or produced after it
  (``subject``), the period a rate implies (``per``), the direction of a change
  and its basis, and what a list of quantities shares (年产10万吨钢丝、5万吨钢丝绳).

All word lists come from the vocabulary (``context.toml``, ``indicators.toml``,
``subjects.toml``, ``names.toml``); this module holds only the rules.

>>> from cnquant import extract
>>> [(m.text, m.metric, m.subject) for m in extract("规划建设年产10万吨钢丝、5万吨钢丝绳项目")]
[('10万吨', '年产', '钢丝'), ('5万吨', '年产', '钢丝绳')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from cnquant.grammar import NUMERAL_CHARS
from cnquant.scan import trie_regex
from cnquant.transform import Expr
from cnquant.vocab import IndicatorSense, Vocabulary

__all__ = ["Candidate", "ContextReader", "Reading"]

MAX_METRIC_CHARS = 20
MAX_SUBJECT_CHARS = 10
MAX_COMPOUND_HEAD = 4
#: The longest indicator form looked for across a word boundary, in characters.
MAX_INDICATOR_CHARS = 24
_DATE_HEAD = re.compile(rf"^(?:第?[0-9{NUMERAL_CHARS}][0-9{NUMERAL_CHARS}\-—~至到]*"
                        rf"(?:月份|月|年|日|号|季度))+")
#: Words of reaching a level after a change (增长至, 降到); the extractor splits a change
#: and the level it reached at them (增加1.2万手至13.8万手)
LEVEL_LINKS = ("至", "到")
#: An abbreviation in parentheses inside the name of an indicator: (M2), (FDI), (ADS)
_ACRONYM = re.compile(r"[A-Za-z][A-Za-z0-9]{0,5}")
#: ASCII marks that follow a stray letter in the anti-copy junk of crawled forums
_JUNK_MARKS = frozenset("&'\"()%#@!*+-/\\|_^~`{}[]<>;:=$")
#: A chainage (K86+320) and a day named by month and day (3·15) before a number
_CHAINAGE = re.compile(r"[0-9A-Za-z]\+$")
_DOTTED_DAY = re.compile(r"[0-9一二三四五六七八九十][·・]$")
#: An ordinal and a list link right before a number: 第一、二轮 (the second is one too)
_ORDINAL_LIST = re.compile(rf"第[0-9{NUMERAL_CHARS}]{{1,3}}[、和及至到]$")
_ENUMERATOR = re.compile(rf"^[0-9{NUMERAL_CHARS}]{{1,3}}[.、)]")
#: Spaces between an indicator and its number (U+3000 is not folded to " ").
SPACES = " \u3000"
#: How far back the indicator of a quantity is looked for, in characters.
MAX_SEGMENT = 48
#: how many characters (自有资金, 每股) may stand between 以 and the price of a deal
MAX_DEAL_MEANS = 4
#: how far after an amount a word of money makes 块 the yuan (七八千块收入, 四千来块的成本)
MAX_MONEY_AFTER = 4
#: how far back a word of a term (届) makes N次 the number of a session
MAX_SESSION_GAP = 8
PERIODS = ("year", "quarter", "month", "week", "day")


@dataclass
class Candidate:
    """A parsed expression at a place in the normalised text."""

    start: int
    end: int
    expr: Expr


@dataclass
class Reading:
    """What the context says about one candidate."""

    keep: bool = True
    reason: str = ""
    metric: str | None = None
    sense: IndicatorSense | None = None
    subject: str | None = None
    per: str | None = None
    direction: str | None = None
    comparison: str | None = None
    expr: Expr | None = None  # a replacement (a unit shared along a list)
    lead: str | None = None  # the verb a list shares, each member adding its object


#: An indicator read for a quantity: the metric as written and its sense (None for a
#: phrase that is no indicator of the vocabulary).
_Found = tuple[str, IndicatorSense | None]


def _chars(words: Iterable[str]) -> str:
    return "".join(sorted({w for w in words if len(w) == 1}))


#: Digits in a row that are an ID or a phone number wherever they stand.
MIN_ID_DIGITS = 11
#: Digits in a row that are a phone number or a code after a word such as 电话.
MIN_CODE_DIGITS = 5
_POSITIONAL = "十百千万亿兆拾佰仟廿卅"
#: Financial capitals: written for amounts of money, not for counts of things.
_CAPITALS = "壹贰叁肆伍陆柒捌玖拾佰仟"
#: Digits, groups of them joined by hyphens (0371-67181234).
_DIGIT_GROUPS = re.compile(r"[0-9]+(?:-[0-9]+)*")
#: A web address: its digits (%20, id=17859) are never quantities.
_URL = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]{0,15}://|www\.)[!-~]+")


def _is_han(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")


class _Spans:
    """Spans of the text sorted by start, looked up by start in logarithmic time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((t - s for s, t in self.spans), default=0)

    def starting_in(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans that start at ``lo`` or later and before ``hi``."""
        return self.spans[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]


class ContextReader:
    """Applies the context rules with one vocabulary."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        w = vocab.words
        self.clause_breaks = _chars(w("clause_breaks"))
        self.phrase_breaks = _chars(w("phrase_breaks"))
        self._breaks = self.phrase_breaks + self.clause_breaks
        self.list_links = w("list_links")
        self.unit_links = w("unit_links")
        self.tail_words = w("metric_tail_words")
        self.head_words = w("metric_head_words")
        self._head_word_ends = tuple(self.head_words)
        self.tail_re = re.compile(f"(?:{trie_regex(self.tail_words)})+$")
        self.kept_tails = tuple(w("kept_tails"))
        self.deal_fillers = sorted(w("deal_fillers"), key=len, reverse=True)
        self.head_re = re.compile(f"(?:{trie_regex(self.head_words)})+")
        # words that contain an indicator form without being one (规模以上 is not 规模)
        # and nouns of the subject lexicon that contain one (生产线 is not 生产)
        self.not_indicators = w("not_indicators") | (vocab.subjects - set(vocab.indicators))
        self.indicator_re = re.compile(trie_regex(set(vocab.indicators) | self.not_indicators))
        self.names_re = re.compile(trie_regex(vocab.names)) if vocab.names else None
        self.subject_re = re.compile(trie_regex(vocab.subjects)) if vocab.subjects else None
        self.subject_stop_re = re.compile(trie_regex(w("subject_stops")))
        self.generic_tails = sorted(w("subject_generic_tails"), key=len, reverse=True)
        self.comparisons = [(word, kind) for kind in ("yoy", "mom", "qoq")
                            for word in w("comparison_" + kind)]
        self.comparisons.sort(key=lambda p: -len(p[0]))
        self.period_prefixes = [(word, p) for p in PERIODS for word in w("period_" + p)]
        self.period_prefixes.sort(key=lambda p: -len(p[0]))
        self.distributive = w("distributive_periods")
        self.subordinators = tuple(w("time_clause_ends"))
        self.detached_about = tuple(w("detached_about"))
        self.detached_about_re = re.compile(trie_regex(self.detached_about))
        self.conversion_words = tuple(w("conversion_words"))
        self.restate_words = w("restate_words")
        self.yuan_classifiers = w("yuan_classifiers")
        self.money_words = tuple(w("money_words"))
        self.yuan = vocab.units.get("元")
        self.not_level_ends = tuple(w("not_level_ends"))
        self.reach_words = w("reach_words")
        self.tenor_after = tuple(w("tenor_after"))
        self.class_after = tuple(w("class_after"))
        self.reference_before = tuple(w("reference_before"))
        self.by_words = tuple(w("by_words"))
        self.not_by_words = tuple(w("not_by_words"))
        self.total_words = w("total_words")
        self._total_word_ends = tuple(self.total_words)
        # what may stand between a word of a total and its number (合计为, 合计约为)
        about = {f for f, flag in vocab.markers.get("before", {}).items() if flag == "about"}
        self.total_links = tuple(sorted(self.reach_words | about, key=len, reverse=True))
        self.base_openers = tuple(w("base_openers"))
        self.comparison_ends = tuple(sorted(w("comparison_ends"), key=len, reverse=True))
        self.base_periods = w("base_periods")
        self.word_classifiers = w("word_classifiers")
        self.modal_words = sorted(w("modal_words"), key=len, reverse=True)
        self.level_modals = w("level_modal_words")
        self.deal_verbs = sorted(w("deal_verbs"), key=len, reverse=True)
        self.duration_words = tuple(f for f, s in vocab.indicators.items()
                                    if s.key == "duration")
        self.ordinal_before = tuple(w("ordinal_before"))
        self.rank_before = tuple(w("rank_before"))
        self.not_rank_before = tuple(w("not_rank_before"))
        self.rank_classifiers = w("rank_classifiers")
        self.session_marks = tuple(w("session_marks"))
        self.session_classifiers = w("session_classifiers")
        self.weekday_before = tuple(w("weekday_before"))
        self.address_classifiers = w("address_classifiers")
        self.furniture_before = tuple(w("furniture_before"))
        self.address_before = tuple(w("address_before"))
        self.occasion_units = w("occasion_units")
        self.distributive_words = tuple(w("distributive_words"))
        self.level_particles = tuple(w("level_particles"))
        # measure words that may follow 每 at the head of a span (每箱280元), not units
        each = {f for f in vocab.classifiers if f not in vocab.units}
        self.each_re = re.compile(trie_regex(each)) if each else None
        self._before_markers = vocab.markers.get("before", {})
        self.calendar_after = tuple(sorted(w("calendar_after"), key=len, reverse=True))
        self.date_after_year = tuple(w("date_after_year"))
        self.date_after_big_year = tuple(w("date_after_big_year"))
        self.date_before_year = tuple(w("date_before_year"))
        self.slogan_links = tuple(w("slogan_links"))
        self.code_before = tuple(w("code_before"))
        self.bare_neighbours = w("bare_neighbours")
        self.measure_noun_ends = tuple(w("measure_noun_ends"))
        self.quote_words = sorted(w("quote_words"), key=len, reverse=True)
        self.since_openers = tuple(w("since_openers"))
        self.name_titles = tuple(w("name_titles"))
        self.name_nicknames = tuple(w("name_nicknames"))
        self.done_verbs = sorted(w("done_verbs"), key=len, reverse=True)
        self.list_closers = tuple(w("list_closers"))
        self.keep_verbs = w("keep_verbs")
        self.topic_ends = tuple(w("topic_ends"))
        self.dimension_words = w("dimension_words")
        self.verb_particles = w("verb_particles")
        self.since_ends = tuple(w("since_ends"))
        # the same phrase is cleaned and searched several times a document (once for
        # each rule that reads it): all three are pure functions of their arguments
        self._clean = lru_cache(maxsize=4096)(self._clean)  # type: ignore[method-assign]
        self._find = lru_cache(maxsize=4096)(self._find)  # type: ignore[method-assign]
        self._indicator = lru_cache(maxsize=4096)(self._indicator)  # type: ignore[method-assign]

    def clear_cache(self) -> None:
        """Forget the phrases cleaned and searched so far."""
        self._clean.cache_clear()  # type: ignore[attr-defined]
        self._find.cache_clear()  # type: ignore[attr-defined]
        self._indicator.cache_clear()  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ filters
    def _rejects(self, text: str, c: Candidate, locale: str, bare_numbers: bool,
                 names: _Spans, urls: _Spans, expression: bool = False) -> str:
        """Why ``c`` is not a quantity, or ``""``."""
        e = c.expr
        before = text[max(0, c.start - 4):c.start]
        after = text[c.end:c.end + 4]
        span = text[c.start:c.end]
        for s, t in names.starting_in(c.start - names.longest, c.start + 1):
            if c.end <= t:
                return "inside a name"
            if s < c.start < t:
                return "the end of a name"  # 登陆部队 is not 陆部
        for _s, t in urls.starting_in(0, c.end)[-1:]:  # they do not overlap each other
            if c.start < t:
                return "inside a web address"
        if before.endswith(self.ordinal_before):
            return "ordinal"
        if e.bare:
            if not bare_numbers:
                return "bare number"
            return self._bare_rejects(text, c, before, after)
        if self._code_digits(text, c, span):
            return "phone or code"  # 拨打12345热线, 电话12345678个 (a measure word misread)
        if span[-1:].isascii() and span[-1:].isalpha() and after[:1].isascii() and \
                after[:1].isdigit():
            return "part of a code"  # 11522726MB1H45872T: no megabytes (10GWTOPCon电池 is)
        if len(span) >= 3 and span[-2] == " " and span[-1].isascii() and span[-1].isalpha() \
                and (after[:1] in _JUNK_MARKS or before[-1:] in _JUNK_MARKS):
            return "crawl junk"  # 1 g& Y) R%, % @4 L.: a letter and marks that a forum sprinkles
        units = {s.unit for s, _ in e.units}
        if e.classifier in self.rank_classifiers and self._rank_word(before):
            return "rank"
        if e.classifier in self.session_classifiers and self._after_session_mark(text, c.start):
            return "the number of a session"
        head = text[max(0, c.start - 8):c.start]
        if head.endswith((" ", ":", "：")) and \
                head.rstrip(" :：").endswith(self.furniture_before):
            return "page furniture"  # 来源:市工信局 浏览:1046次 (浏览120万人次 counts)
        if e.classifier in self.address_classifiers and before.endswith(self.address_before):
            return "an address"  # 羊坪村三组, 家住三组的村民
        if span[:1] in "一二三四五六日" and before.endswith(self.weekday_before):
            return "a day of the week"  # 施政辩论将于下周二起一连三日举行
        if units == {"year"} and self._is_year_date(e, span, before, after, locale):
            return "date"
        if before[-1:] == "+" and _CHAINAGE.search(before):
            return "a chainage or a code"  # 出口位于K86+320处
        if before[-1:] in "·・" and _DOTTED_DAY.search(before):
            return "a day named by month and day"  # “3·15”, 5·12地震
        if before[-1:] in "、和及至到" and _ORDINAL_LIST.search(text, max(0, c.start - 8),
                                                         c.start):
            return "an ordinal after one"  # 第一、二轮共发放消费券
        if (e.units or e.classifier) and after.startswith(self.class_after):
            return "a class"  # 百亿元级项目, 20万吨级泊位
        if e.kinds == frozenset({"time"}) and after.startswith(self.tenor_after):
            return "tenor"
        if e.kinds == frozenset({"time"}) and e.value == 1 and span.startswith("一") and \
                before.endswith(self.reference_before):
            return "one period referred to"  # 较前一交易日, 比上一年
        for sense, _ in e.units:
            # (or right after it: 24亿度绿电)
            if sense.context and not any(w in text[max(0, c.start - MAX_SEGMENT):c.end + 2]
                                         for w in sense.context):
                return f"{sense.unit} needs one of {', '.join(sense.context)} around it"
            if span[-1:] in self.occasion_units and len(span) == 2 and \
                    span[0] in NUMERAL_CHARS and not text.startswith(sense.context, c.end):
                return "a number of occasions"  # 三度申请, 两度延期 (三度电 is energy)
        if e.classifier and not e.units and e.approx == "exact" and e.value == 1 \
                and span.lstrip().startswith("一") and len(span.strip()) == 2:
            return "article"
        if e.chinese and self._in_person_name(text, c, span):
            return "part of a person's name"  # 负责人张六根, 田老五家有
        if e.chinese and e.value == 0 and (e.classifier or e.units):
            return "a word with 零"  # 零件, 零部件
        if e.classifier and not e.units and span.strip()[:1] in _CAPITALS and \
                len(span.strip()) == 2 and not expression:
            return "part of a word"  # 拾起: a capital numeral counts money, not things
        if e.classifier == "个" and after.startswith(self.slogan_links) and e.chinese:
            return "slogan"
        if e.classifier in self.word_classifiers and span.rstrip().endswith(e.classifier) \
                and _is_han(after[:1]) and after[:1] not in self.bare_neighbours \
                and after[:1] not in self.word_classifiers:
            return "a measure word that begins a word"  # 1999市民专线
        if e.approx == "vague" and e.low is None and e.kinds == frozenset({"time"}):
            return "vague time"
        if self._in_short_quote(text, c):
            return "inside a quoted name"
        return ""

    def _in_person_name(self, text: str, c: Candidate, span: str) -> bool:
        """Whether ``span``, one numeral and a character, is part of a name: a count after
        老 or 阿 written after a character (田老五家), or one or two characters after a
        word that names people (村民李七斤, 种粮大户孙小六)."""
        if len(span) != 2 or span[0] not in NUMERAL_CHARS or span[0] in _POSITIONAL:
            return False
        before = text[max(0, c.start - 10):c.start]
        if before.endswith(self.name_nicknames) and len(before) >= 2 and _is_han(before[-2]):
            return not c.expr.units  # (养老三年 is three years)
        # the word that names people nearest the number (村民代表张六根: 代表)
        end = max((before.rfind(t) + len(t) for t in self.name_titles if t in before),
                  default=-1)
        given = before[end:] if end >= 0 else ""
        return 1 <= len(given) <= 2 and all(_is_han(ch) and ch not in NUMERAL_CHARS
                                            for ch in given)

    def _is_year_date(self, e: Expr, span: str, before: str, after: str, locale: str) -> bool:
        values = [v for v in (e.value, e.low, e.high) if v is not None]
        if any(v >= 1000 for v in values):
            return True
        if e.chinese and re.fullmatch(r"[〇零一二三四五六七八九]{2,4} ?年", span.strip()):
            return True  # 二〇二五年, 一九九八年
        if before.endswith(self.duration_words):
            return False  # 屋龄35年的公寓, 工期2年: a time span, whatever follows
        if after.startswith(self.date_after_year):
            return True
        if after.startswith(self.date_after_big_year) and all(v >= 100 for v in values):
            return True
        if re.match(r"[0-9一二三四五六七八九十]{1,2}月", after):
            return True
        if before.endswith(self.date_before_year):
            return True
        return locale == "zh-TW" and any(100 <= v < 200 for v in values)

    def _bare_rejects(self, text: str, c: Candidate, before: str, after: str) -> str:
        """Why a bare number (bare-number mode) is not one, or ``""``."""
        span = text[c.start:c.end].strip()
        if after.startswith(self.calendar_after) or after.startswith("年"):
            return "calendar"
        if re.match(r"[:：][0-9]", after) or re.search(r"[0-9][:：]$", before):
            return "clock"
        if re.match(r"[-/.][0-9]", after) or re.search(r"[0-9][-/]$", before):
            return "date or code"
        if re.match(r"[A-Za-z]", after) or (re.search(r"[A-Za-z]$", before)
                                            and re.match(r"[-.]?[0-9]", span)):
            return "identifier"  # A4, G20; but x大于10 is a comparison
        runs = [(m.group(), m.start()) for m in re.finditer(r"[0-9][0-9,.]*", span)]
        for run, at in runs:
            digits = run.replace(",", "").replace(".", "")
            plain = run.isdigit()
            if plain and len(run) >= MIN_ID_DIGITS:
                return "phone or ID"  # 13800138000
            if plain and len(run) >= MIN_CODE_DIGITS and self._after_code_word(text, c.start):
                return "phone or code"  # 电话12345678, 邮编100000
            if len(digits) > 1 and run.startswith("0") and not run.startswith("0.") \
                    and not span[:at].endswith("."):
                return "code"  # 002271
        if self._rank_word(before):
            return "rank"
        if self._part_of_word(text, c.start, c.end):
            return "part of a word"  # 一切, 四川, 拾取, 十足
        return ""

    def _rank_word(self, before: str) -> bool:
        """Whether ``before`` ends in a word that makes the number a rank (前3位)."""
        return before.endswith(self.rank_before) and not before.endswith(self.not_rank_before)

    def _after_session_mark(self, text: str, start: int) -> bool:
        """Whether a word of a term (届) stands in the phrase just before ``start``
        (十四届人大三次会议: the third session, not three meetings)."""
        head = text[max(0, start - MAX_SESSION_GAP):start]
        at = max(head.rfind(w) for w in self.session_marks)
        return at >= 0 and not any(ch in self._breaks for ch in head[at:])

    def _code_digits(self, text: str, c: Candidate, span: str) -> bool:
        """A plain run of at least MIN_CODE_DIGITS digits (a hyphen may join parts:
        0371-67181234) after a word such as 电话 or 拨打."""
        m = _DIGIT_GROUPS.match(span)
        return m is not None and len(m.group().replace("-", "")) >= MIN_CODE_DIGITS and \
            self._after_code_word(text, c.start)

    def _after_code_word(self, text: str, start: int) -> bool:
        head = text[max(0, start - 8):start].rstrip(" :：#")
        return head.endswith(self.code_before)

    def _part_of_word(self, text: str, start: int, end: int) -> bool:
        """A lone numeral character (or two digits, 九九) written against a Chinese
        character that is not a function word: part of a word, not a number."""
        span = text[start:end]
        if not 1 <= len(span) <= 2 or any(ch not in NUMERAL_CHARS for ch in span):
            return False
        if len(span) == 2 and any(ch in _POSITIONAL for ch in span):
            return False  # 十二, 三百: a real numeral
        for ch in (text[start - 1] if start else "", text[end] if end < len(text) else ""):
            if _is_han(ch) and ch not in NUMERAL_CHARS and ch not in self.bare_neighbours:
                return True
        return False

    def _names(self, text: str) -> list[tuple[int, int]]:
        """Where the names of the vocabulary occur (overlapping occurrences too)."""
        if self.names_re is None:
            return []
        spans = []
        pos = 0
        while (m := self.names_re.search(text, pos)) is not None:
            spans.append(m.span())
            pos = m.start() + 1
        return spans

    def _in_short_quote(self, text: str, c: Candidate) -> bool:
        opening = max(text.rfind("“", max(0, c.start - 8), c.start),
                      text.rfind('"', max(0, c.start - 8), c.start))
        if opening < 0:
            return False
        close = re.compile(r"[”\"]").search(text, c.end, c.end + 8)
        if close is None:
            return False
        inner = text[opening + 1:close.start()]
        return 0 < len(inner) <= 8 and not re.search(r"[,。;]", inner)

    # ------------------------------------------------------------------ metric
    def _label_gap(self, text: str, start: int, floor: int) -> int:
        """Where the phrase before ``start`` ends, past the spaces that crawled pages put
        between an indicator and its number (总投资 19.8 亿元) and past a line break
        after a line that ends without punctuation (a flattened table row, a soft
        wrap: 进口\n2,111.4亿元)."""
        i = start
        while i > floor and text[i - 1] in SPACES:
            i -= 1
        if i > floor and text[i - 1] == "\n":
            # the line before ends without punctuation: a label, or a soft line break
            j = i - 1
            while j > floor and text[j - 1] in SPACES:
                j -= 1
            if j > floor and text[j - 1] not in self._breaks:
                i = j
        return i if i > floor and text[i - 1] not in self._breaks else start

    def indicator_across(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """The span of an indicator that begins before ``start`` and ends inside
        ``[start, end)``, if any.

        >>> from cnquant import default_extractor
        >>> reader = default_extractor()._context
        >>> reader.indicator_across("年销售收入超过", 4, 6), reader.indicator_across("入超", 0, 2)
        ((0, 5), None)
        """
        return self._across(text, start, end, nested=True)

    def change_before(self, text: str, pos: int) -> bool:
        """Whether a word of a change (增加, 下降 ...) ends right at ``pos``.

        >>> from cnquant import default_extractor
        >>> reader = default_extractor()._context
        >>> reader.change_before("持仓量增加", 5), reader.change_before("持仓量", 3)
        (True, False)
        """
        lo = max(0, pos - MAX_INDICATOR_CHARS)
        while (m := self.indicator_re.search(text, lo, pos)) is not None:
            sense = self.vocab.indicators.get(m.group())
            if m.end() == pos and sense is not None and sense.direction is not None and \
                    m.group() not in self.not_indicators:
                return True
            lo = m.start() + 1
        return False

    def _across(self, text: str, start: int, end: int, *, nested: bool) -> tuple[int, int] | None:
        pos = max(0, start - MAX_INDICATOR_CHARS)
        while (m := self.indicator_re.search(text, pos, end - 1)) is not None and \
                m.start() < start:
            if m.end() > start and m.group() in self.vocab.indicators and \
                    m.group() not in self.not_indicators and \
                    not (nested and self._across(text, m.start(), m.end(), nested=False)):
                # (收入超过: 入超 is no indicator where 收入 ends inside it)
                return m.span()
            pos = m.start() + 1
        return None

    def _segment(self, text: str, start: int, floor: int) -> tuple[int, str]:
        """The phrase before ``start``: back to a phrase break or ``floor``.

        A closed parenthesis is transparent (年产(药用)食用菌4万吨 reads 年产), its
        content is dropped from the phrase, but for an abbreviation inside the name
        (广义货币(M2)余额).
        """
        floor = max(floor, start - MAX_SEGMENT)
        i = self._label_gap(text, start, floor)
        kept: list[str] = []
        while i > floor:
            ch = text[i - 1]
            if ch == ")":
                opening = text.rfind("(", floor, i - 1)
                if opening >= 0 and text.find(")", opening, i - 1) < 0:
                    if kept and _ACRONYM.fullmatch(text, opening + 1, i - 1) and \
                            text[opening + 1:i - 1] not in self.vocab.indicators:
                        # 广义货币(M2)余额: an abbreviation inside the name stays in it
                        # (one that is an indicator itself, 每股纯益(EPS)上看, does not)
                        kept.extend(reversed(text[opening:i]))
                    i = opening
                    continue
            if ch in self.phrase_breaks or ch in self.clause_breaks:
                break
            kept.append(ch)
            i -= 1
        return i, "".join(reversed(kept))

    def _phrase(self, text: str, start: int, floor: int) -> tuple[int, str]:
        """:meth:`_segment`, and before it the things listed before 等 (年加工芒果、
        番石榴等热带水果2.5万吨: the object of the verb before them)."""
        seg_start, segment = self._segment(text, start, floor)
        while seg_start > floor and text[seg_start - 1] == "、" and \
                any(w in segment for w in self.list_closers):
            seg_start, head = self._segment(text, seg_start - 1, floor)
            segment = head + "、" + segment
        return seg_start, segment

    def _indicator(self, segment: str, *, level: bool = False, key: str | None = None,
                   skip_key: str | None = None) -> tuple[str, IndicatorSense] | None:
        """See :meth:`_find`; the surface form, with a distributive period word before it
        (年均增长), and its sense."""
        hit = self._find(segment, level=level, key=key, skip_key=skip_key)
        if hit is None:
            return None
        form, sense, start = hit
        for word, _period in self.period_prefixes:
            if word in self.distributive and segment.endswith(word, 0, start):
                return word + form, sense
        if len(form) == 1 and sense.direction is None and sense.key != "share":
            # 率, 价: a one-character noun indicator ends a compound (不良贷款率, 股价)
            head = start
            while head > 0 and start - head < MAX_COMPOUND_HEAD:
                ch = segment[head - 1]
                if ch.isdigit() or ch in NUMERAL_CHARS or not "\u4e00" <= ch <= "\u9fff" or \
                        segment.endswith(self._head_word_ends, 0, head) or \
                        self._by_word_end(segment, head) == head:  # (以总价: 总价)
                    break
                head -= 1
            form = segment[head:start] + form
        return form, sense

    def _find(self, segment: str, *, level: bool = False, key: str | None = None,
              skip_key: str | None = None) -> tuple[str, IndicatorSense, int] | None:
        """The indicator in ``segment`` that ends nearest its end (longest on ties).

        With ``level``, indicators of a change (增长, 下降) are passed over; with
        ``key``, only indicators of that key count.
        """
        found: list[tuple[int, int, str]] = []
        pos = 0
        search = self.indicator_re.search
        while (m := search(segment, pos)) is not None:
            # every place, not only after the last match: 年产值 holds 产值 too
            pos = m.start() + 1
            if m.group() in self.not_indicators:
                pos = m.end()
                continue
            sense = self.vocab.indicators[m.group()]
            if (level and sense.direction) or (key is not None and sense.key != key) or \
                    sense.key == skip_key:
                continue
            if (len(m.group()) == 1 or m.group() in self.head_words) and key is None and \
                    self._clean(segment[m.end():]) != "":
                # 增 降 投 alone count only right before the number (起降航班 is no 降);
                # so does a word that may also open the phrase as its topic (项目累计完成
                # 土石方2860万立方米: 项目 is who, not what)
                continue
            if segment.startswith(self.subordinators, m.end()):
                continue  # 项目建成后, 建设高峰期: a time clause, not what is measured
            found.append((m.end(), len(m.group()), m.group()))
        if not found:
            return None
        found.sort(reverse=True)
        best = found[0]
        for f in found[1:]:
            # 亩产能到1.5吨: 亩产 and then 能到, not 亩 and then 产能 (an indicator that
            # begins before the nearest one and ends inside it, with only function words
            # after it, and more of them than the rest of the nearest one: 新增产能 is 产能)
            if not f[0] - f[1] < best[0] - best[1] < f[0] < best[0]:
                continue
            rest = segment[f[0]:].rstrip(" ")
            after = next((rest[len(w):] for w in self.modal_words if rest.startswith(w)), None)
            if len(rest) > best[0] - f[0] and after is not None and \
                    (not after or self.tail_re.fullmatch(after)):
                best = f
                break
        if self.vocab.indicators[best[2]].weak:
            # 年生产能力预计达: a weak word gives way to a plain indicator before it
            plain = [f for f in found if f[0] <= best[0] - best[1]
                     and not self.vocab.indicators[f[2]].weak
                     and not self.vocab.indicators[f[2]].direction]
            if plain:
                best = plain[0]
        return best[2], self.vocab.indicators[best[2]], best[0] - best[1]

    def metric_words(self, phrase: str) -> str:
        """What is left of ``phrase`` as a metric once scope, time and function words
        are dropped ("" for 仅, 高达, 其中)."""
        return self._clean(phrase)

    def _clean(self, phrase: str) -> str:
        """A fallback metric: the phrase without scope, time and function words."""
        phrase = phrase.strip(" ")
        if phrase in self.tail_words or phrase in self.head_words:
            return ""
        for _ in range(3):  # heads and tails may alternate: 其中全市…为
            before = phrase
            m = self.tail_re.search(phrase) if not phrase.endswith(self.kept_tails) else None
            if m is not None and m.start() > 0:
                phrase = phrase[: m.start()]
            m = self.head_re.match(phrase)
            if m is not None and m.end() < len(phrase):
                phrase = phrase[m.end():]
            if phrase == before:
                break
        phrase = _DATE_HEAD.sub("", phrase)
        phrase = _ENUMERATOR.sub("", phrase)  # 1. 二、 3)
        if phrase.startswith(self.since_openers) and phrase.endswith(self.since_ends):
            return ""  # 自董事会审议通过之日起: when, not what
        if phrase in self.tail_words or phrase in self.head_words or phrase in self.modal_words:
            return ""
        return phrase[-MAX_METRIC_CHARS:]

    def _comparison(self, segment: str) -> str | None:
        for word, kind in self.comparisons:
            if word in segment:
                return kind
        return None

    def _period(self, metric: str, sense: IndicatorSense | None) -> str | None:
        if sense is not None and sense.period:
            return sense.period
        for word, period in self.period_prefixes:
            if metric.startswith(word):
                return period
        return None

    # ------------------------------------------------------------------ subject
    def _subject(self, text: str, end: int, limit: int, *, lexicon_only: bool = False
                 ) -> str | None:
        """The thing counted or produced, written right after ``end``.

        Words of the subject lexicon are read whole (生产线 is not cut at 生产); any
        other character ends the subject at a stop word, punctuation or a number.
        With ``lexicon_only`` (money) only a lexicon word makes a subject.
        """
        i = end
        if text.startswith("的", i):
            i += 1
        j = i
        lexical = False
        while j < limit and j - i < MAX_SUBJECT_CHARS:
            m = self.subject_re.match(text, j) if self.subject_re is not None else None
            if m is not None:
                j = m.end()
                lexical = True
                continue
            ch = text[j]
            if lexical or lexicon_only:
                break  # after a lexicon word only another one continues the subject
            if ch in self.phrase_breaks or ch in self.clause_breaks or ch == " ":
                break
            if ch.isdigit() or ch in NUMERAL_CHARS:
                break
            if self.subject_stop_re.match(text, j) or self._change_at(text, j) or \
                    (j > i and self._indicator_starts(text, j)):
                break
            j += 1
        subject = text[i:j]
        if not subject or (lexicon_only and not lexical):
            return None
        if self.subject_stop_re.match(subject) or self._change_at(subject, 0):
            return None
        return subject

    def _indicator_at(self, text: str, pos: int = 0) -> tuple[str, IndicatorSense] | None:
        """The indicator of the vocabulary that begins at ``pos``, with its sense."""
        m = self.indicator_re.match(text, pos)
        if m is None or m.group() not in self.vocab.indicators or \
                m.group() in self.not_indicators:
            return None
        return m.group(), self.vocab.indicators[m.group()]

    def _indicator_starts(self, text: str, pos: int) -> bool:
        """Whether an indicator of two characters or more begins at ``pos``: what is
        measured next, not the subject (一亩地纯收入: the subject is 地纯)."""
        hit = self._indicator_at(text, pos)
        return hit is not None and len(hit[0]) >= 2

    def _change_at(self, text: str, pos: int) -> bool:
        """Whether an indicator of a change (增长, 下降 ...) starts at ``pos``."""
        hit = self._indicator_at(text, pos)
        return hit is not None and hit[1].direction is not None

    # ------------------------------------------------------------------ all
    def read(self, text: str, cands: list[Candidate], *, locale: str = "zh-CN",
             bare_numbers: bool = False, expression: bool = False) -> list[Reading]:
        """A :class:`Reading` for every candidate, in order.  With ``expression``,
        ``text`` was given as one quantity (:meth:`Extractor.parse`): the rules that
        tell a word from a quantity written inside running text do not apply."""
        names = _Spans(self._names(text))
        urls = _Spans([m.span() for m in _URL.finditer(text)]
                      if ("://" in text or "www." in text) else [])
        readings = [Reading() for _ in cands]
        self._share_units(text, cands, readings)
        for c, r in zip(cands, readings, strict=False):
            if r.expr is not None:
                c.expr = r.expr
        kept: list[int] = []
        for i, c in enumerate(cands):
            if i and readings[i - 1].keep and self._per_one(text, cands[i - 1], c):
                # (before the other rules: 四块五一斤 holds the holiday 五一)
                why = "the unit of a price before it (三十五块一斤)"
                self._price_per(cands[i - 1], c)
            else:
                why = self._rejects(text, c, locale, bare_numbers, names, urls, expression)
            if why:
                readings[i] = Reading(keep=False, reason=why)
            else:
                kept.append(i)
        prev: int | None = None
        distributed: set[int] = set()  # list members given the marker of the first
        for n, i in enumerate(kept):
            c, r = cands[i], readings[i]
            prev_c = cands[prev] if prev is not None else None
            prev_r = readings[prev] if prev is not None else None
            before_prev = cands[kept[n - 2]].end if n >= 2 else 0
            segment = self._metric(text, c, r, prev_c, prev_r, before_prev)
            each = self._per_each(text, c) if not r.metric else ""
            if each:
                # 每人不超过1000元: with no other words, what one of them is (每人)
                r.metric = each
            if c.expr.approx == "exact" and self.detached_about_re.search(segment):
                r.expr = replace(r.expr or c.expr, approx="about")
            flag = None
            if c.expr.approx == "exact" and prev_c is not None and prev_r is not None:
                flag = self._distributed(text, prev_c, prev_r, c, prev in distributed)
                if flag is not None:
                    distributed.add(i)
            if flag is not None:
                r.expr = replace(r.expr or c.expr, approx=flag)
            if r.sense is not None:
                r.direction = r.sense.direction
                r.comparison = r.sense.comparison
            r.comparison = self._comparison(segment) or r.comparison
            r.per = self._period(r.metric, r.sense) if r.metric else None
            nxt = cands[kept[n + 1]] if n + 1 < len(kept) else None
            r.subject = self._subject_of(text, c, nxt)
            if c.expr.classifier in self.yuan_classifiers and self.yuan is not None and \
                    (not r.subject or any(w in r.subject for w in self.money_words)) and \
                    (any(w in segment or w in (r.metric or "") or
                         w in text[c.end:c.end + MAX_MONEY_AFTER] for w in self.money_words) or
                     self._after_money(c, prev_c, prev_r, text) or
                     (c.expr.chinese and (c.end == len(text) or text[c.end] in self._breaks
                                          or text.startswith("钱", c.end))) or
                     (c.expr.value is not None and
                      c.expr.value != c.expr.value.to_integral_value())):
                # 一年能挣五六万块: where money is spoken of (before it, or right after
                # it: 七八千块收入, 四千来块的成本; or by a price just before it in the
                # sentence: 4到6块一斤，好果子能上7块), where a number in words
                # ends the phrase (得四五十块; but 组件约930万块。 counts panels), or
                # where tenths follow (9块9包邮: no count has them), and nothing is
                # counted after it (买了两块屏幕), 块 is the yuan of speech
                e = r.expr or c.expr
                r.expr = replace(e, units=((self.yuan, 1),), classifier=None)
                r.subject = None  # (收入, 成本 after it say what the money is, not a thing)
            prev = i
        return readings

    def _distributed(self, text: str, prev_c: Candidate, prev_r: Reading,
                     c: Candidate, prev_distributed: bool) -> str | None:
        """The flag of a marker before the first member of a list opened by 分别
        (分别不低于15%、32%、52%), for a later member without a marker of its own."""
        flag = (prev_r.expr or prev_c.expr).approx
        if flag == "exact" or flag == "range" or \
                text[prev_c.end:c.start].strip(" ") not in self.list_links or \
                (prev_c.expr.units, prev_c.expr.classifier) != (c.expr.units, c.expr.classifier):
            return None  # (三年累计: not a member of a list of amounts of money)
        if prev_distributed:
            return flag
        head = text[max(0, prev_c.start - 4):prev_c.start]
        if head.endswith(self.distributive_words) and \
                any(text.startswith(m, prev_c.start) for m in self._before_markers):
            return flag
        return None

    def _per_each(self, text: str, c: Candidate) -> str:
        """每 and a measure word that open the span of ``c`` (每人1000元: 每人), or ""."""
        if not text.startswith("每", c.start) or self.each_re is None:
            return ""
        m = self.each_re.match(text, c.start + 1)
        return "每" + m.group() if m is not None and m.end() < c.end else ""

    def _after_money(self, c: Candidate, prev_c: Candidate | None, prev_r: Reading | None,
                     text: str) -> bool:
        """Whether the quantity before ``c`` in its sentence is a price of speech: a
        rate of money (4到6块一斤) or 块 read as the yuan (not 总投资1亿元, after which
        安装组件350万块 counts panels)."""
        if prev_c is None or prev_r is None or \
                any(ch in text[prev_c.end:c.start] for ch in self.clause_breaks):
            return False
        units = (prev_r.expr or prev_c.expr).units
        spoken = prev_c.expr.classifier in self.yuan_classifiers
        return any(u.kind == "currency" for u, _ in units) and \
            (spoken or any(p < 0 for _, p in units))

    def _price_per(self, price: Candidate, one: Candidate) -> None:
        """三十五块一斤, 80元一斤: the price becomes a rate written out (CNY/jin), its
        span reaching over 一斤, as 每斤35元 is one."""
        e = price.expr
        money = e.units if e.units else ((self.yuan, 1),) if self.yuan is not None else ()
        if not money or len(one.expr.units) != 1:
            return
        per = one.expr.units[0][0]
        price.expr = replace(e, units=(*money, (per, -1)), classifier=None)
        price.end = one.end

    def _per_one(self, text: str, before: Candidate, c: Candidate) -> bool:
        """Whether ``c`` is 一 and a unit right after an amount of money: what the
        price is for (三十五块一斤, 3元一公斤), not one of something."""
        e = c.expr
        money = any(u.kind == "currency" for u, _ in before.expr.units) or \
            before.expr.classifier in self.yuan_classifiers
        return money and before.end == c.start and e.value == 1 and bool(e.units) and \
            text.startswith("一", c.start) and \
            not any(u.kind == "currency" for u, _ in e.units)

    def _clause_start(self, text: str, start: int) -> int:
        """Where the clause of a quantity at ``start`` begins (at most MAX_SEGMENT back)."""
        floor = max(0, start - MAX_SEGMENT)
        return max(floor, *(text.rfind(ch, floor, start) + 1 for ch in self.clause_breaks))

    def _metric(self, text: str, c: Candidate, r: Reading, prev_c: Candidate | None,
                prev_r: Reading | None, before_prev: int) -> str:
        """Set ``r.metric`` and ``r.sense``; return the phrase they were read from."""
        clause_start = self._clause_start(text, c.start)
        same_clause = prev_c is not None and prev_c.end >= clause_start
        floor = prev_c.end if prev_c is not None else 0
        seg_start, segment = self._phrase(text, c.start, floor)
        if seg_start > 0 and not self._clean(segment) and text[seg_start - 1] in ":(" and \
                not (same_clause and prev_c is not None and prev_c.end == seg_start - 1):
            # a label (回购金额:不低于5000万元), or a quantity opening a parenthesis that
            # qualifies what precedes it (占比最大(约4成)): read before the mark
            seg_start, segment = self._segment(text, seg_start - 1, floor)
        if same_clause and prev_c is not None and prev_r is not None and prev_r.subject and \
                not prev_c.expr.units and \
                seg_start == prev_c.end and segment.startswith(prev_r.subject) and \
                self.subject_re is not None and self.subject_re.fullmatch(prev_r.subject) and \
                self._clean(segment[len(prev_r.subject):]):
            # 18个国家设有42家工厂: 国家 belongs to the count before (after a measure,
            # 62%铁矿石指数报, the words name what this one measures)
            segment = segment[len(prev_r.subject):]
        cleaned = self._clean(segment)
        base = self._comparison_base(segment, cleaned) if same_clause else None
        if prev_r is not None and prev_r.metric and base is not None:
            # 出口货值为4071亿元，较二〇二三年同月的3999亿元上升1.8%: the amount compared
            # with measures what the one before measured; 毛利率为26.3%，上年同期为22.1%:
            # in the period named (上年同期毛利率)
            r.metric, r.sense = base + prev_r.metric, prev_r.sense
            return segment
        if same_clause and prev_r is not None and prev_r.metric and \
                (any(w in segment for w in self.conversion_words) or
                 segment.strip(" ") in self.restate_words):
            # 98563元，按年平均汇率折算为7386美元: the same thing, in other money (or
            # restated: 总投资的20%，即4.27亿元)
            r.metric, r.sense = prev_r.metric, prev_r.sense
            return segment
        total = self._total_at_end(segment)
        if total is not None:
            r.metric = total
            return segment
        compared = self._compared_at_end(segment)
        if compared is not None:
            r.metric = compared
            return segment
        if c.expr.kinds == frozenset({"time"}) and \
                (not cleaned or cleaned.endswith(self.subordinators)):
            # 签订出让合同后6个月内开工: when, then what is done in that time
            done = next((w for w in self.done_verbs if text.startswith(w, c.end)), None)
            if done is not None:
                r.metric = done
                return segment
        after = self._after_amount(text, c, segment, cleaned)
        if after is not None:
            r.metric, r.sense = after
            return segment
        found: _Found | None = self._indicator(segment)
        if found is None and prev_c is not None and same_clause and \
                prev_c.expr.kinds == frozenset({"time"}) and cleaned == "":
            # 粮食总产量连续8年稳定在60亿斤: read past the duration, and keep the verb
            # after it (粮食总产量稳定在; 已连续3年维持在2%以上: 维持在)
            _, earlier = self._segment(text, prev_c.start, before_prev)
            found = self._indicator(self._clean(earlier) or earlier, skip_key="duration")
            verb = segment.strip(" ")
            if verb and len(verb) >= 2:
                found = (found[0] + verb, found[1]) if found is not None else (verb, None)
        if c.expr.units and all(u.kind == "ratio" for u, _ in c.expr.units):
            # 占签约项目总数的38%: a share verb governs a percentage
            share = self._indicator(segment, key="share")
            changes = found is not None and found[1] is not None and bool(found[1].direction)
            if share is not None and not changes and \
                    any(u.unit == "percent" for u, _ in c.expr.units):
                found = share
            elif share is None and not changes and segment.rstrip(" ").endswith("的") and \
                    cleaned.find("为") > 0:
                # 项目资本金为总投资的20%: the part and the whole it is a share of
                found = cleaned, found[1] if found is not None else None
            elif share is None and not changes and segment.rstrip(" ").endswith("的"):
                # 完成全年目标的90.4%, 完成全年1.3万亿元额度的近九成: the share of a
                # target that is done (the verb opens the phrase, or the phrase of the
                # amount of the target right before)
                head = cleaned
                if same_clause and prev_c is not None and prev_r is not None and \
                        seg_start == prev_c.end and prev_r.metric:
                    head = prev_r.metric
                hit = self._indicator_at(head)
                if hit is not None and hit[1].weak:
                    r.metric, r.sense = hit
                    return segment
        level = self._level_after_change(text, c, segment, prev_c, prev_r, before_prev) \
            if same_clause else None
        if level is not None:
            r.metric = level
            return segment
        to_level = segment.rstrip(" ")
        if to_level.endswith(self.level_particles) and \
                to_level[:-1].endswith(LEVEL_LINKS):
            to_level = to_level[:-1]  # 提高到了18万元: 提高到
        reached = to_level.endswith(LEVEL_LINKS) and not to_level.endswith(self.not_level_ends)
        if reached and ((found is None and to_level.strip(" ") in LEVEL_LINKS)
                        or (found is not None and found[1] is not None and found[1].direction)):
            # 销量增长了3%至1100万部, 在港时间缩短至21.5小时: the level reached is what the
            # quantity measures, not the change
            changed = None
            if same_clause and prev_c is not None and prev_r is not None and prev_r.metric \
                    and prev_r.direction is None:
                changed = self._changed(text, prev_c, before_prev, prev_r.metric)
            found = self._level_reached(to_level, text[clause_start:c.start], changed) or found
        if found is not None and found[1] is not None:
            found = self._widen(found, found[1], segment, cleaned, c)
        if found is not None:
            r.metric, r.sense = found[0], found[1]
            return segment
        inherit = same_clause and prev_r is not None and bool(prev_r.metric)
        if inherit and prev_c is not None and prev_r is not None and \
                self._linked(text[prev_c.end:c.start]) and \
                not self._parallel(text, prev_c, prev_r, before_prev, segment):
            r.metric, r.sense = prev_r.metric, prev_r.sense
            own = self._clean(segment.lstrip("".join(self.list_links)))
            if own in self.dimension_words:
                r.metric, r.sense = own, None  # 长198米、宽25米: a dimension of its own
            elif own and r.sense is not None and (seg_start > prev_c.end or text[
                    prev_c.end:c.start].lstrip(" ").startswith(tuple(self.list_links))):
                # (not in 年产12万吨硫酸钾及8万吨工业盐: 硫酸钾 is what the member before
                # produces, written after it)
                self._own_member(text, prev_c, prev_r, before_prev, r, own)
            elif own and r.sense is None and r.metric:
                r.metric = self._member_of_kind(r.metric, own) or r.metric
            return segment
        if not cleaned and seg_start - 1 > floor and \
                text[seg_start - 1] in self.phrase_breaks:
            # 海外生产比方面,5月为45.6%: a phrase of function words after a topic
            _, before = self._phrase(text, seg_start - 1, floor)
            topic = next((before[:-len(w)] for w in self.topic_ends if before.endswith(w)),
                         "")
            if self._clean(topic):
                r.metric = self._clean(topic)
                return segment
        if c.expr.units and all(u.kind == "ratio" for u, _ in c.expr.units) and \
                (not cleaned or cleaned in self.keep_verbs) and self._change_at(text, c.end):
            # 连续6个月保持20%以上增长: the change written after a rate
            hit = self._indicator_at(text, c.end)
            assert hit is not None
            r.metric, r.sense = hit
            return segment
        r.metric = cleaned or next((w for w in self.total_words
                                    if segment.strip(" ").startswith(w)), None)
        particle = next((p for p in self.verb_particles
                         if cleaned and segment.rstrip(" ").endswith(cleaned + p)), None)
        if particle is not None and len(cleaned) + len(particle) <= MAX_METRIC_CHARS:
            # 他家种了45亩, 大个的能卖到一块五: the verb keeps what completes it
            r.metric = cleaned + particle
        if r.metric is None and inherit and prev_r is not None:
            r.metric, r.sense = prev_r.metric, prev_r.sense
        return segment

    def _member_of_kind(self, metric: str, own: str) -> str | None:
        """The metric of a list member that names a thing of the subject lexicon where
        the member before it ended in one: the thing replaces it (全线设桥梁142座、
        隧道19座: 全线设隧道).  Members outside the lexicon keep the metric they share
        (配套电源包括新能源1050万千瓦、煤电400万千瓦: 煤电 is no word of it)."""
        subjects = self.vocab.subjects
        if own not in subjects:
            return None
        for k in range(min(len(metric) - 1, MAX_SUBJECT_CHARS), 1, -1):
            if metric[-k:] in subjects:
                return metric[:-k] + own
        return None

    def _own_member(self, text: str, prev_c: Candidate, prev_r: Reading, floor: int,
                    r: Reading, own: str) -> None:
        """The metric of a list member named by words of its own (``own``) after a
        member whose indicator (``r.sense``, shared) it would otherwise inherit.

        After a verb and its object the member is the verb's next object: 共有桥梁79座、
        隧道42座 (共有隧道), 年产葛粉3000吨、糊化粉3000吨 (年产糊化粉).  After a noun
        with words before it, the member replaces those words: 玉米种植面积241.8万亩、
        大豆58.3万亩 (大豆种植面积).  After an indicator alone, the member names its
        own thing: 存栏生猪860头、黄牛120头 (黄牛), as it does after a noun of a thing
        (标准厂房16栋、研发楼2栋) or where it names a measure of its own (装机容量的15%、
        时长4小时)."""
        sense = r.sense
        assert sense is not None
        if sense.direction is not None:
            return
        lead = prev_r.lead
        if lead is None:
            metric = prev_r.metric or ""
            verb = metric.rfind(sense.form)
            _, before = self._phrase(text, prev_c.start, floor)
            i = before.rfind(sense.form)
            if verb < 0 or i < 0:
                return
            if sense.object or self._clean(before[i + len(sense.form):]):
                lead = metric[:verb + len(sense.form)]
            elif self._clean(before[:i]) and sense.form.endswith(self.measure_noun_ends) \
                    and not own.endswith(self.measure_noun_ends):
                r.metric, r.sense = own + sense.form, sense
                return
            else:
                r.metric, r.sense = own, None
                return
        r.metric, r.lead = lead + own, lead

    def _compared_at_end(self, segment: str) -> str | None:
        """A comparison that ends ``segment``, from its base opener (增速比全省平均水平
        高: 比全省平均水平高), or None."""
        phrase = segment.rstrip(" ")
        if not phrase.endswith(self.comparison_ends):
            return None
        end = next(w for w in self.comparison_ends if phrase.endswith(w))
        hit = self._find(phrase)
        if hit is not None and hit[2] + len(hit[0]) == len(phrase) and len(hit[0]) > len(end):
            return None  # 较改造前提高: a change (提高), read as one
        opener = max(phrase.rfind(w) for w in self.base_openers)
        if opener < 0 or len(phrase) - opener > MAX_METRIC_CHARS or \
                len(phrase) - opener <= len(end) + 1:
            return None
        return phrase[opener:]

    def _level_after_change(self, text: str, c: Candidate, segment: str,
                            prev_c: Candidate | None, prev_r: Reading | None,
                            floor: int) -> str | None:
        """The level reached after the change before it, where only a word of reaching
        stands between them: 融资余额增加35.28亿元，达3112亿元 (融资余额达),
        持仓量增加1.2万手至13.8万手 (持仓量增加至, as 利润增长至; after a change in
        another unit, 股息提高10%至每股0.22美元, :meth:`_level_reached` reads it)."""
        word = segment.strip(" ")
        if prev_c is None or prev_r is None or not prev_r.direction or \
                word not in self.reach_words:
            return None
        if word in LEVEL_LINKS and (prev_c.expr.units != c.expr.units or
                                    prev_c.expr.classifier != c.expr.classifier):
            return None
        _, before = self._segment(text, prev_c.start, floor)
        change, head = self._change_head(before)
        if change is None or not head or head.endswith(self.subordinators):
            return None
        return head + (change[0] + word if word in LEVEL_LINKS else word)

    def _change_head(self, segment: str) -> tuple[tuple[str, IndicatorSense, int] | None, str]:
        """The indicator nearest the end of ``segment`` (the change, in 融资余额增加),
        and the words before it without function words (what changes: 融资余额)."""
        change = self._find(segment)
        return change, self._clean(segment[:change[2]]) if change is not None else ""

    def _total_at_end(self, segment: str) -> str | None:
        """The phrase and the word of a total that ends it (短期投资及长期定期存款合计为:
        the total, not 投资), or None where no such word ends ``segment``."""
        phrase = segment.rstrip(" ")
        if phrase.endswith(self.total_links):
            word = next(w for w in self.total_links if phrase.endswith(w))
            phrase = phrase[:-len(word)]  # 合计为, 合计约 (the marker stays out)
        if not phrase.endswith(self._total_word_ends):
            return None
        total = next(w for w in self.total_words if phrase.endswith(w))
        head = self._clean(phrase[:-len(total)])
        if not head:
            return total  # 以10、11月合计562.6亿元: the total alone
        # the words of scope stay (全年股息合共: the total of the year)
        raw = phrase[:-len(total)].strip(" ")
        head = raw if raw.endswith(head) and len(raw) + len(total) <= MAX_METRIC_CHARS else head
        return head + total if len(head) + len(total) <= MAX_METRIC_CHARS else None

    def _comparison_base(self, segment: str, cleaned: str) -> str | None:
        """Whether ``segment`` introduces the amount a quantity is compared with
        (较二〇二三年同月的, 比去年同期的: ""; 上年同期为: the period, 上年同期), else None."""
        phrase = segment.strip(" ")
        if phrase.startswith(self.base_openers) and phrase.endswith("的"):
            return ""
        return cleaned if cleaned in self.base_periods else None

    def _by_word_end(self, s: str, end: int | None = None) -> int:
        """Where the last "by" word of ``s[:end]`` (以, 按照) ends, or -1; a word that
        only begins with one (按揭, 以上) is none."""
        end = len(s) if end is None else end
        found = -1
        for w in self.by_words:
            at = s.rfind(w, 0, end)
            while at >= 0 and s.startswith(self.not_by_words, at):
                at = s.rfind(w, 0, at)
            if at >= 0:
                found = max(found, at + len(w))
        return found

    def _after_amount(self, text: str, c: Candidate, segment: str,
                      cleaned: str) -> _Found | None:
        """The indicator written after the amount, where only a "by" word stands
        before it: 按照每斤2.2元的均价计算 (均价), 由城投置业以16.3亿元竞得 (竞得)."""
        if cleaned in self.by_words and text.startswith("的", c.end):
            hit = self._indicator_at(text, c.end + 1)
            if hit is not None:
                return hit
        tail = segment.rstrip(" ")
        by = self._by_word_end(tail)
        if by >= 0 and len(tail) - by <= MAX_DEAL_MEANS and \
                (by == len(tail) or self._indicator(tail[by:]) is None):
            # the price of a deal (由城投置业以16.3亿元竞得), also with what it is per
            # between 以 and it (以每股268元挂牌; but 以总价25.96亿元竞得 names its
            # measure, 总价): the verb after it says which, after a word of a price
            # band (以每股180元至220元区间买回)
            at = c.end + next((len(w) for w in self.deal_fillers
                               if text.startswith(w, c.end)), 0)
            deal = next((w for w in self.deal_verbs if text.startswith(w, at)), None)
            if deal is not None:
                return deal, None
        return None

    def _level_reached(self, segment: str, clause: str, changed: str | None) -> _Found | None:
        """The metric of a level reached after a change (``segment`` ends with 至 or 到):
        what changes, then the change and 至 (毛利率提升至36.8%).  ``changed`` is what
        the quantity before measured, when the change starts from it (利润由10.5亿美元
        增长至12.1亿美元); ``clause`` is the whole clause before the quantity."""
        level = self._indicator(segment, level=True)
        change, head = self._change_head(segment)
        if head and change is not None:
            # 社零增速有望回升至: the modal word before the change stays with it
            modal = next((w for w in self.level_modals
                          if segment.endswith(head + w, 0, change[2])), None)
            head += modal or ""
        reach = ""
        if change is not None:
            reach = change[0] if change[0].endswith(LEVEL_LINKS) else \
                change[0] + segment.rstrip(" ")[-1]
        if head and not head.endswith(self.subordinators):
            # (扩建完成后将提升至6万吨/日: a time clause is not what reaches it)
            return head + reach, level[1] if level is not None and head.endswith(level[0]) \
                else None
        if level is not None:
            return level
        if change is not None and not head and changed is not None:
            return changed + reach, None
        return self._indicator(clause, level=True)

    def _widen(self, found: _Found, sense: IndicatorSense, segment: str, cleaned: str,
               c: Candidate) -> _Found:
        """The indicator ``found`` in ``segment`` (``cleaned``: the segment without its
        function words), with the words after it that belong to the metric."""
        form = found[0]
        after = segment[segment.rfind(form) + len(form):]
        if sense.weak:
            # 预计年均可消纳新能源电量31亿千瓦时: a modal or generic word is not what is
            # measured when words of no indicator follow it
            tail = self._clean(after)
            if tail:
                return tail, None
            # 差异幅度预计不超过5%: nor where words of no indicator come before it
            return (cleaned, None) if cleaned and not cleaned.endswith(form) else found
        m = self.indicator_re.match(after)
        if m is not None and m.group() in self.vocab.indicators and \
                self.vocab.indicators[m.group()].weak and \
                (m.end() == len(after) or self.tail_re.fullmatch(after, m.end())) and \
                cleaned.endswith(m.group()) and form in cleaned:
            # 国内航线完成21632万人次: an indicator and a weak word right after it (which
            # gave way to it) make the metric together, with the phrase before them
            return cleaned, sense
        if sense.object:
            # 全县共有脱贫户2.35万户: the verb and what it has, with the words that go
            # with the verb before it (规划建设, 配套建设)
            obj = after.strip(" ")
            m = self.tail_re.search(obj)
            if m is not None:
                obj = obj[:m.start()]
            lead = self._clean(segment[:len(segment) - len(after)])
            lead = lead if lead.endswith(form) else form
            if obj and len(lead) + len(obj) <= MAX_METRIC_CHARS:
                return lead + obj, sense
            return found
        if sense.direction is None and sense.key != "share":
            # 全体受雇员工平均经常性薪资为4万6146元: a noun of a measure after the
            # indicator (员工 says whose) is what the quantity measures
            # (调查失业率平均值, 货币资金余额: a measure of a measure keeps its sense; 员工
            # 薪资 is no count of jobs)
            rest = self._clean(after)
            rest = next((rest[:-len(w)] for w in self.quote_words if rest.endswith(w)), rest)
            if len(rest) >= 2 and rest.endswith(self.measure_noun_ends) and \
                    rest[0] not in NUMERAL_CHARS and not self._change_at(rest, 0):
                metric = cleaned if form in cleaned and cleaned.endswith(rest) else form + rest
                return metric, sense if form.endswith(self.measure_noun_ends) else None
        if sense.direction is None and sense.key != "share" and c.expr.classifier and \
                not c.expr.units:
            # 中欧班列累计开行2800列: what is counted, then what was done with it (the
            # whole phrase)
            rest = self._clean(after)
            if rest and form in cleaned and cleaned.endswith(rest):
                return cleaned, sense
        return found

    def _parallel(self, text: str, prev_c: Candidate, prev_r: Reading, floor: int,
                  segment: str) -> bool:
        """Whether the list member of ``segment`` is named by a noun of its own, as the
        member before it is (光伏800MW、风电400MW), rather than sharing its indicator
        (年产葛粉3000吨、糊化粉3000吨) or its verb (设置分输站9座、阀室12座)."""
        if prev_r.sense is not None or not prev_r.metric:
            return False
        own = self._clean(segment.lstrip("".join(self.list_links)))
        _, before = self._segment(text, prev_c.start, floor)
        if not own or prev_r.metric != self._clean(before):
            return False
        # names of one kind: as short as this one, or ending as it does (积体电路产业2家、
        # 光电产业1家)
        return len(prev_r.metric) <= len(own) + 2 or \
            (len(own) >= 3 and prev_r.metric[-2:] == own[-2:])

    def _changed(self, text: str, c: Candidate, floor: int, metric: str) -> str:
        """What changes from the quantity ``c`` on (贷款最高额度由80万元提高至…): the
        phrase before the 由 or 从 that opens it, or else the metric of ``c``."""
        _, segment = self._segment(text, c.start, floor)
        cut = max(segment.rfind("由"), segment.rfind("从"))
        head = self._clean(segment[:cut]) if cut > 0 else ""
        return head if metric in head else metric

    def _subject_of(self, text: str, c: Candidate, nxt: Candidate | None) -> str | None:
        """The subject of ``c``; ``nxt`` is the quantity after it, if any."""
        limit = nxt.start if nxt is not None and nxt.start > c.end else len(text)
        money = any(u.kind == "currency" for u, _ in c.expr.units)
        subject = self._subject(text, c.end, limit, lexicon_only=money)
        if subject and c.expr.units and not money:
            # 年产5万吨钢丝绳项目: the product is 钢丝绳, the project is another thing
            for tail in self.generic_tails:
                if subject.endswith(tail) and len(subject) > len(tail):
                    subject = subject[: -len(tail)]
                    break
        if nxt is not None and text[c.end:nxt.start].strip() == "":
            # 120台2.5MW风机: the subject comes after the next quantity
            subject = self._subject(text, nxt.end, len(text), lexicon_only=money) or subject
        return subject

    def _linked(self, gap: str) -> bool:
        """Whether ``gap`` (between two quantities) joins members of one list.

        It does when it is made of list links only (、 和 及 ...), or when it
        holds a link and, after it, a short name and no indicator of its own:
        年产葛粉3000吨、糊化粉3000吨 (the second shares 年产).
        """
        gap = gap.strip(" ")
        if not gap:
            return True
        rest = gap
        for word in sorted(self.list_links, key=len, reverse=True):
            rest = rest.replace(word, "")
        if not rest.strip(" "):
            return True
        # an indicator of its own, not a word that only contains one (锰合金 of the
        # subject lexicon is not an indicator)
        if len(gap) > MAX_SUBJECT_CHARS + 2 or self._indicator(gap) is not None:
            return False
        for word in self.kept_tails:
            gap = gap.replace(word, "")  # (触及 holds no 及 of a list)
        return any(gap.startswith(w) or w in gap for w in ("、", "和", "及", "与", "以及"))

    def _share_units(self, text: str, cands: list[Candidate], readings: list[Reading]) -> None:
        """高于全国、全省1.2个、0.5个百分点: the last member's unit is everyone's.

        A bare number, or a count with 个 before 个百分点, takes the unit of the
        quantity it is listed with.
        """
        for a in range(len(cands) - 2, -1, -1):
            ca, cb = cands[a], cands[a + 1]
            eb = readings[a + 1].expr or cb.expr
            ea = ca.expr
            if ea.units or not eb.units or \
                    text[ca.end:cb.start].strip(" ") not in self.unit_links:
                continue
            if ea.classifier and not (ea.classifier == "个" and any(
                    s.unit == "percentage_point" for s, _ in eb.units)):
                continue
            if not ea.classifier and not ea.bare:
                continue
            if not ea.units and not ea.classifier and text.startswith("、", ca.end) and \
                    (ca.start == 0 or text[ca.start - 1] in " \u3000\n\t" or
                     text[ca.start - 1] in self._breaks):
                continue  # 一、2023年工作回顾: a heading's number, no member of a list
            readings[a].expr = Expr(ea.value, ea.low, ea.high, eb.units, None, ea.approx,
                                    False, ea.exp, ea.chinese, eb.unit_factor)
