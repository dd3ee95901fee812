"""The pipeline: normalise -> scan -> parse -> transform -> context -> Mention.

:class:`Extractor` holds one vocabulary (a set of plugins) and everything built
from it: the compiled grammar, the scanner and the context rules.  Parses of
identical candidate windows are cached.

>>> ex = Extractor(plugins=["core"])
>>> [m.text for m in ex.extract("總投資50億元，占地50余公頃")]
['50億元', '50余公頃']
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any

from lark.exceptions import LarkError, UnexpectedInput

from cnquant.context import Candidate, ContextReader, Reading
from cnquant.grammar import build_parser
from cnquant.mention import Approx, Mention
from cnquant.normalise import Normalised, normalise
from cnquant.numerals import NumeralError
from cnquant.plugins import Plugin, load_vocabulary
from cnquant.scan import Scanner
from cnquant.transform import Expr, make_transformer

__all__ = ["LOCALES", "Extractor", "ParseError"]

LOCALES = ("zh-CN", "zh-TW", "zh-HK")
_FAIL = (UnexpectedInput, NumeralError, ArithmeticError, LarkError)


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
    :meth:`extract` and :meth:`parse`.
    """

    def __init__(self, plugins: Sequence[str | Plugin] | None = None, *,
                 locale: str = "zh-CN", cache_size: int = 65536) -> None:
        self.locale = _check_locale(locale)
        self.vocab = load_vocabulary(plugins)
        self._parser = build_parser(self.vocab, make_transformer(self.vocab))
        self._scanner = Scanner(self.vocab)
        self._context = ContextReader(self.vocab)
        self._parse_window = lru_cache(maxsize=cache_size)(self._parse_uncached)

    @property
    def plugins(self) -> tuple[str, ...]:
        """The names of the plugins in use."""
        return self.vocab.plugin_names

    # ------------------------------------------------------------------ parsing
    def _parse_uncached(self, window: str) -> tuple[int, Expr] | None:
        """The longest prefix of ``window`` that is a quantity, with its value."""
        try:
            expr: Expr = self._parser.parse(window)  # type: ignore[assignment]
            return len(window.rstrip(" ")), expr
        except _FAIL:
            pass
        best: tuple[int, Expr] | None = None
        ip = self._parser.parse_interactive(window)
        tokens = ip.lexer_thread.lex(ip.parser_state)  # type: ignore[no-untyped-call]
        while True:
            try:
                token = next(tokens)
            except StopIteration:
                break
            except _FAIL:  # the lexer found nothing it may take here
                break
            try:
                ip.feed_token(token)
            except _FAIL:  # the parser refused the token
                break
            if "$END" in ip.choices():  # type: ignore[no-untyped-call]
                with contextlib.suppress(*_FAIL):
                    best = (token.end_pos or 0,
                            ip.copy().feed_eof())  # type: ignore[no-untyped-call]
        return best

    def parse(self, expr: str, *, locale: str | None = None) -> Mention:
        """Read ``expr`` as one quantity expression (with its indicator, if any).

        Raises :class:`ParseError` when ``expr`` holds no quantity, and
        :class:`TypeError` when it is not a string.
        """
        _check_text(expr, "expr")
        loc = _check_locale(locale or self.locale)
        norm = normalise(expr)
        found = self._candidates(norm.text)
        if not found:
            raise ParseError("not a quantity", expr, 0)
        readings = self._context.read(norm.text, found, locale=loc, bare_numbers=True)
        kept = [(c, r) for c, r in zip(found, readings, strict=False) if r.keep]
        if not kept:
            raise ParseError(f"not a quantity ({readings[0].reason})", expr,
                             norm.to_original(found[0].start, found[0].start)[0])
        c, r = max(kept, key=lambda cr: cr[0].end - cr[0].start)
        tail = norm.text[c.end:].strip(" ")
        head = norm.text[:c.start]
        if tail and r.subject is None:
            raise ParseError("unexpected text after the quantity", expr,
                             norm.to_original(c.end, c.end)[0])
        if head and r.metric is None:
            raise ParseError("unexpected text before the quantity", expr, 0)
        return self._mention(norm, c, r, loc)

    # ------------------------------------------------------------------ extraction
    def _candidates(self, text: str) -> list[Candidate]:
        found: list[Candidate] = []
        pos = 0
        scanner = self._scanner
        while True:
            w = scanner.next_window(text, pos)
            if w is None:
                return found
            start = w.start
            parsed = self._parse_window(w.text)
            if parsed is None and w.number_start > w.start:
                start = w.number_start
                parsed = self._parse_window(text[start:w.end])
            if parsed is None:
                pos = w.number_start + 1
                continue
            length, expr = parsed
            found.append(Candidate(start, start + length, expr))
            pos = start + length

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
        cands = self._candidates(norm.text)
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


_ = Any
