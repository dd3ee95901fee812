"""The pipeline: normalise -> scan -> parse -> transform -> context -> Mention.

:class:`Extractor` holds one vocabulary (a set of plugins) and everything built
from it: the compiled grammar, the scanner and the context rules.  Parses of
identical candidate windows are cached.

>>> ex = Extractor(plugins=["core"])
>>> [m.text for m in ex.extract("總投資50億元，占地50余公頃")]
['50億元', '50余公頃']
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache

from cnquant.context import LEVEL_LINKS, Candidate, ContextReader, Reading
from cnquant.grammar import NUMERAL_CHARS, build_parser
from cnquant.lalr import PrefixParser
from cnquant.mention import Approx, Mention
from cnquant.normalise import Normalised, normalise
from cnquant.plugins import Plugin, load_vocabulary
from cnquant.scan import Scanner, Window, trie_regex
from cnquant.transform import Expr, make_transformer

__all__ = ["LOCALES", "Extractor", "ParseError"]

LOCALES = ("zh-CN", "zh-TW", "zh-HK")
#: A window of numerals and digits alone: a bare number at most.
_BARE_WINDOW = re.compile(rf"[0-9.,{re.escape(NUMERAL_CHARS)} ]+")


class ParseError(ValueError):
    """The input is not one quantity expression.

    ``position`` is the offset in the input where reading stopped.
    """

    def __init__(self, message: str, text: str, position: int) -> None:
        super().__init__(f"{message} (at position {position} of {text!r})")
        self.text = text
        self.position = position


def _number(d: Decimal | None) -> int | float | None:
    if d is None:
        return None
    if d == d.to_integral_value() and abs(d) < Decimal(10) ** 18:
        return int(d)
    return float(d)


def _span(text: str, start: int, parsed: tuple[int, Expr]) -> tuple[int, int, Expr]:
    """Where a parse that starts at ``start`` lies in ``text``, frame words excluded."""
    length, expr = parsed
    end = start + length
    if expr.inner is not None:
        end = start + expr.inner[1]
        start += expr.inner[0]
        while start < end and text[start] == " ":
            start += 1
        while end > start and text[end - 1] == " ":
            end -= 1
    return start, end, expr


def _without(text: str, words: frozenset[str], *, at_end: bool) -> str:
    """``text`` without one of ``words`` at its end (or start), and the spaces there."""
    for word in sorted(words, key=len, reverse=True):
        if at_end and text.endswith(word):
            return text[: -len(word)].rstrip(" ")
        if not at_end and text.startswith(word):
            return text[len(word):].lstrip(" ")
    return text


def _check_text(text: object, what: str = "text") -> str:
    if not isinstance(text, str):
        raise TypeError(f"{what} must be str, not {type(text).__name__}")
    return text


def _check_locale(locale: object) -> str:
    if locale not in LOCALES:
        raise ValueError(f"locale must be one of {', '.join(LOCALES)}, not {locale!r}")
    return str(locale)


class Extractor:
    """Extracts quantities with a chosen set of plugins.

    ``plugins`` names the plugins to use (``core`` is always included); None
    means every available plugin.  ``locale`` is the default for
    :meth:`extract` and :meth:`parse`.  ``cache_size`` bounds the cache of
    window parses (about 0.6 KB an entry; 0 turns it off).
    """

    def __init__(self, plugins: Sequence[str | Plugin] | None = None, *,
                 locale: str = "zh-CN", cache_size: int = 16384) -> None:
        self.locale = _check_locale(locale)
        self.vocab = load_vocabulary(plugins)
        self._parser = build_parser(self.vocab, make_transformer(self.vocab))
        self._prefix = PrefixParser(self._parser)
        self._scanner = Scanner(self.vocab)
        self._context = ContextReader(self.vocab)
        self._unit_links = tuple(self.vocab.words("unit_links"))
        # 增加1.2万手至13.8万手: the change and the level it reached
        self._level_links = tuple(w for w in LEVEL_LINKS if w in self.vocab.separators)
        self._prefixes = tuple(sorted(self.vocab.prefixes, key=len, reverse=True))
        # words a quantity never starts or ends inside (签约 is not 约, 上下游 not 上下)
        not_markers = self.vocab.not_markers
        self._not_markers = re.compile(trie_regex(not_markers)) if not_markers else None
        # the characters such a word may have before its last one (the window ends there)
        self._not_marker_inner = frozenset(ch for w in not_markers for ch in w[:-1])
        self._parse_window = lru_cache(maxsize=cache_size)(self._parse_uncached)
        self._parse_expr = lru_cache(maxsize=cache_size)(self._parse_expr_uncached)

    def clear_cache(self) -> None:
        """Forget the cached parses (of candidate windows and of :meth:`parse` inputs) and
        the phrases the context stage has read."""
        self._parse_window.cache_clear()
        self._parse_expr.cache_clear()
        self._context.clear_cache()

    @property
    def plugins(self) -> tuple[str, ...]:
        """The names of the plugins in use."""
        return self.vocab.plugin_names

    # ------------------------------------------------------------------ parsing
    def _parse_uncached(self, window: str) -> tuple[int, Expr] | None:
        """The longest prefix of ``window`` that is a quantity, with its value
        (one pass of the LALR parser, see :mod:`cnquant.lalr`)."""
        return self._prefix.parse(window)

    def parse(self, expr: str, *, locale: str | None = None) -> Mention:
        """Read ``expr`` as one quantity expression (with its indicator, if any).

        Raises :class:`ParseError` when ``expr`` holds no quantity, and
        :class:`TypeError` when it is not a string.  Mentions are immutable, so
        the result for an expression read before comes from a cache.
        """
        _check_text(expr, "expr")
        loc = _check_locale(locale or self.locale)
        return self._parse_expr(expr, loc)

    def _parse_expr_uncached(self, expr: str, loc: str) -> Mention:
        norm = normalise(expr)
        found = self._candidates(norm.text)
        if not found:
            raise ParseError("not a quantity", expr, 0)
        readings = self._context.read(norm.text, found, locale=loc, bare_numbers=True,
                                      expression=True)
        kept = [(c, r) for c, r in zip(found, readings, strict=False) if r.keep]
        if not kept:
            raise ParseError(f"not a quantity ({readings[0].reason})", expr,
                             norm.to_original(found[0].start, found[0].start)[0])
        c, r = max(kept, key=lambda cr: cr[0].end - cr[0].start)
        tail = norm.text[c.end:].strip(" ")
        head = norm.text[:c.start].rstrip(" ")
        if c.expr.inner is not None:  # the frame of 在3%至5%之间 is part of the expression
            tail = _without(tail, self.vocab.connective("between_after"), at_end=False)
            head = _without(head, self.vocab.connective("between_before"), at_end=True)
        if tail and r.subject is None:
            raise ParseError("unexpected text after the quantity", expr,
                             norm.to_original(c.end, c.end)[0])
        if head and r.metric is None and self._context.metric_words(head):
            # (function words before the amount, 仅 or 高达, are fine)
            raise ParseError("unexpected text before the quantity", expr, 0)
        return self._mention(norm, c, r, loc)

    def parse_number(self, numeral: str) -> Decimal:
        """The exact value of ``numeral`` read as one number, without context rules.

        >>> ex = Extractor(plugins=["core"])
        >>> ex.parse_number("一千五百九十点四二"), ex.parse_number("貳萬零五")
        (Decimal('1590.42'), Decimal('20005'))
        >>> ex.parse_number("1.3亿")
        Decimal('130000000')

        Raises :class:`ParseError` when ``numeral`` is not exactly one number: a
        unit, a marker or a range (两三 is two to three) are not numbers.
        """
        _check_text(numeral, "numeral")
        text = normalise(numeral).text.strip(" ")
        parsed = self._parse_window(text) if text else None
        if parsed is None or parsed[0] != len(text):
            raise ParseError("not a number", numeral, parsed[0] if parsed else 0)
        expr = parsed[1]
        if not expr.bare or expr.value is None or expr.approx != "exact":
            raise ParseError("not one exact number", numeral, 0)
        value = expr.value
        return value.to_integral_value() if value == value.to_integral_value() else \
            value.normalize()

    # ------------------------------------------------------------------ extraction
    def _candidates(self, text: str, *, bare_numbers: bool = True) -> list[Candidate]:
        """Parsed candidates, left to right.  Without ``bare_numbers`` a window of
        numerals alone (no unit, measure word or marker) is not parsed: it can only
        be a bare number, unless a list link after it shares a unit with it."""
        found: list[Candidate] = []
        pos = 0
        scanner = self._scanner
        while True:
            w = scanner.next_window(text, pos)
            if w is None:
                return found
            if not bare_numbers and _BARE_WINDOW.fullmatch(w.text) and \
                    not text.startswith(self._unit_links, w.end):
                pos = w.end
                continue
            start = w.start
            cut = self._word_across_end(text, w)
            parsed = self._parse_window(w.text if cut is None else text[w.start:cut])
            for again in w.retry if parsed is None else ():
                # 占比超过三成: not 比…, but 超过三成
                start = again
                parsed = self._parse_window(text[start:w.end])
                if parsed is not None:
                    break
            if parsed is None:
                pos = w.number_start + 1
                continue
            start, end, expr = _span(text, start, parsed)
            prefix = self._prefix_at_end(text, start, end)
            if prefix is not None:
                # 赔偿李四人民币50元: 人民币 opens the amount after it
                pos = max(prefix, w.number_start + 1)
                continue
            crossing = self._crossing(text, start, end)
            if crossing is None and start < w.number_start:
                # 外资买超3521张: 超 ends the indicator 买超, it is no marker
                crossing = self._context.indicator_across(text, start, w.number_start + 1)
            if crossing is not None:
                trimmed = self._trim(text, start, end, w.number_start, crossing)
                if trimmed is None:
                    pos = max(w.number_start, start) + 1
                    continue
                start, end, expr = trimmed
            if expr.approx == "range" and self._context.change_before(text, start):
                parts = self._change_and_level(text, start, end, expr)
                if parts is not None:
                    found.extend(parts)
                    pos = end
                    continue
            found.append(Candidate(start, end, expr))
            pos = end

    def _change_and_level(self, text: str, start: int, end: int,
                          expr: Expr) -> list[Candidate] | None:
        """持仓量增加1.2万手至13.8万手: after a word of a change, two amounts of one
        unit joined by 至 are the change and the level reached, not a range, where each
        is written whole and the level is at least three times the change (增长5%至8%
        and 增加3万至5万吨 stay ranges)."""
        if expr.low is None or expr.high is None or expr.low <= 0 or \
                expr.high < 3 * expr.low or not (expr.units or expr.classifier) or \
                any(u.kind == "ratio" for u, _ in expr.units):
            return None
        for sep in self._level_links:
            i = text.find(sep, start, end)
            if i <= start:
                continue
            left, right = self._parse_window(text[start:i]), self._parse_window(text[i + 1:end])
            if left is None or right is None or left[0] != i - start or \
                    right[0] != end - i - 1:
                return None
            a, b = _span(text, start, left), _span(text, i + 1, right)
            if a[2].units != b[2].units or a[2].classifier != b[2].classifier:
                return None
            return [Candidate(*a), Candidate(*b)]
        return None

    def _prefix_at_end(self, text: str, start: int, end: int) -> int | None:
        """Where a currency word that may open an amount (人民币) starts, when it follows
        a lone numeral character that ends a name (李四) and a number follows it: the
        word belongs to that number, the numeral to the name."""
        if end >= len(text) or not (text[end].isdigit() or text[end] in NUMERAL_CHARS):
            return None
        if start == 0 or text[start] not in NUMERAL_CHARS or \
                not "\u4e00" <= text[start - 1] <= "\u9fff" or text[start - 1] in NUMERAL_CHARS:
            return None
        for form in self._prefixes:
            if end - len(form) == start + 1 and text.endswith(form, start, end):
                return start + 1
        return None

    def _word_across_end(self, text: str, w: Window) -> int | None:
        """Where a not-marker word that the window ends inside begins, when it begins
        after the number: the window is read up to there (9块9包邮: 包 is no measure
        word, so 9 is a digit of tenths)."""
        if self._not_markers is None or text[w.end - 1:w.end] not in self._not_marker_inner:
            return None
        for m in self._not_markers.finditer(text, max(w.number_start + 1, w.end - 4),
                                            w.end + 4):
            if m.start() < w.end < m.end():
                return m.start()
        return None

    def _crossing(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """A not-marker word that crosses the edge of ``[start, end)``, if any.  An
        indicator that ends inside the word splits it: 收入超过 is 收入 + 超过, not 入超."""
        if self._not_markers is None:
            return None
        for edge in (start, end):
            lo = max(0, edge - 4)
            for m in self._not_markers.finditer(text, lo, edge + 4):
                if m.start() < edge < m.end() and \
                        self._context.indicator_across(text, m.start(), m.end()) is None:
                    return m.span()
        return None

    def _trim(self, text: str, start: int, end: int, number_start: int,
              word: tuple[int, int]) -> tuple[int, int, Expr] | None:
        """Re-read a candidate without the marker that belongs to ``word``."""
        if word[0] < start < word[1] and number_start > start:
            start = number_start  # 签约3个: drop 约
        elif word[0] < end < word[1]:
            end = word[0]  # 30家上下游: drop 上下
        else:
            return None
        parsed = self._parse_window(text[start:end])
        if parsed is None:
            return None
        return _span(text, start, parsed)

    def extract(self, text: str, *, locale: str | None = None,
                bare_numbers: bool = False) -> list[Mention]:
        """Every quantity mention in ``text``, in order.

        ``locale`` (``zh-CN``, ``zh-TW`` or ``zh-HK``) says what a bare 元 is.
        With ``bare_numbers`` numbers without a unit are reported too.
        """
        _check_text(text)
        loc = _check_locale(locale or self.locale)
        if not text:
            return []
        norm = normalise(text)
        cands = self._candidates(norm.text, bare_numbers=bare_numbers)
        readings = self._context.read(norm.text, cands, locale=loc, bare_numbers=bare_numbers)
        return [self._mention(norm, c, r, loc)
                for c, r in zip(cands, readings, strict=True) if r.keep]

    def _mention(self, norm: Normalised, c: Candidate, r: Reading, locale: str) -> Mention:
        e = r.expr or c.expr
        start, end = norm.to_original(c.start, c.end)
        return Mention(
            start=start, end=end, text=norm.original[start:end],
            value=_number(e.value), low=_number(e.low), high=_number(e.high),
            unit=e.unit_name(locale), classifier=e.classifier, approx=Approx(e.approx),
            metric=r.metric, subject=r.subject, per=r.per,
            metric_key=r.sense.key if r.sense else None,
            metric_gloss=(r.sense.gloss or None) if r.sense else None,
            direction=r.direction, comparison=r.comparison,
        )

