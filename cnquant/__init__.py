"""cnquant: every quantity in Chinese economic news, as a typed, unit-aware value.

>>> import cnquant
>>> m = cnquant.parse("年產(chǎn)10萬噸鋼絲")
>>> m.value, m.unit, m.metric, m.subject, m.per
(100000, 'metric_ton', '年产', '钢丝', 'year')
>>> [(m.text, m.value, m.unit) for m in cnquant.extract("總投資50億元，占地50余公頃")]
[('50億元', 5000000000, 'CNY'), ('50余公頃', 50, 'hectare')]

The public API is small: :func:`parse`, :func:`extract`, :func:`format`, the
result type :class:`Mention` with its flag :class:`Approx`, :class:`Extractor`
to choose plugins, :class:`ParseError`, and the unit registry :data:`ureg`.
"""

from __future__ import annotations

import threading

from cnquant.extractor import Extractor, ParseError
from cnquant.format import format
from cnquant.mention import Approx, Mention
from cnquant.units import ureg

__all__ = ["Approx", "Extractor", "Mention", "ParseError", "__version__", "extract",
           "format", "parse", "ureg"]
__version__ = "0.1.0"

_default: Extractor | None = None
_lock = threading.Lock()


def default_extractor() -> Extractor:
    """The extractor behind :func:`parse` and :func:`extract`: every available plugin."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = Extractor()
    return _default


def parse(expr: str, *, locale: str = "zh-CN") -> Mention:
    """Parse one quantity expression, with its indicator and subject if written.

    >>> parse("50余公頃").approx
    <Approx.MORE_THAN: 'more_than'>
    >>> parse("9月14日")
    Traceback (most recent call last):
    ...
    cnquant.extractor.ParseError: not a quantity (calendar) (at position 0 of '9月14日')
    """
    return default_extractor().parse(expr, locale=locale)


def extract(text: str, *, locale: str = "zh-CN", bare_numbers: bool = False) -> list[Mention]:
    """Find every quantity in ``text``; see :meth:`Extractor.extract`.

    >>> extract("")
    []
    """
    return default_extractor().extract(text, locale=locale, bare_numbers=bare_numbers)

