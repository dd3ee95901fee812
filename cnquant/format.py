"""Write a quantity back in news style: the inverse of :func:`cnquant.parse`.

>>> from cnquant import format, parse
>>> format(parse("1.3亿元"))
'1.3亿元'
>>> format(parse("1.3亿元"), numerals="chinese")
'一亿三千万元'
>>> format(parse("1.3亿元"), numerals="capital")
'壹亿叁仟万元'
>>> format(parse("1.3亿元"), script="traditional")
'1.3億元'
>>> format(parse("约3至5万吨"))
'3万至5万吨'
>>> format(parse("50余公顷"), width="full")
'超过５０公顷'

Chinese numerals come from cn2an's ``an2cn``.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any

import cn2an

from cnquant._resources import data_path
from cnquant.mention import Approx, Mention

__all__ = ["format"]

_BEFORE = {"about": "约", "more_than": "超过", "less_than": "不到", "nearly": "近"}
_AFTER = {"at_least": "以上", "at_most": "以下"}
_STYLES = ("arabic", "chinese", "capital")


@lru_cache(maxsize=1)
def _s2t() -> dict[int, str]:
    table: dict[int, str] = {}
    for line in data_path("s2t.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            src, dst = line.split("\t")
            table[ord(src)] = dst
    return table


def _unit_words(locale: str) -> dict[str, str]:
    """pint unit -> the first alias that means it (plain factor) in ``locale``."""
    from cnquant import default_extractor

    words: dict[str, str] = {}
    for alias, sense in default_extractor().vocab.units.items():
        if sense.factor != 1:
            continue
        words.setdefault(sense.for_locale(locale), alias)
    return words


def _magnitude(value: Decimal, numerals: str) -> str:
    if numerals != "arabic":
        return str(cn2an.an2cn(format_decimal(value), "up" if numerals == "capital" else "low"))
    sign = "-" if value < 0 else ""
    v = abs(value)
    for word, power in (("亿", 8), ("万", 4)):
        scale = Decimal(10) ** power
        if v >= scale:
            return sign + format_decimal(v / scale) + word
    return sign + format_decimal(v)


def format_decimal(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: ``Decimal('1.30E+8')`` -> ``'130000000'``."""
    text = f"{value.normalize():f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _unit_text(unit: str, classifier: str | None, locale: str) -> str:
    if not unit:
        return classifier or ""
    words = _unit_words(locale)
    if unit in words:
        return words[unit]
    if "/" in unit:
        num, _, den = unit.partition("/")
        if num.strip() in words and den.strip() in words:
            return words[num.strip()] + "/" + words[den.strip()]
    raise ValueError(f"no Chinese word for the unit {unit!r}")


def format(q: Mention | Any, numerals: str = "arabic", script: str = "simplified", *,
           width: str = "half", locale: str = "zh-CN") -> str:
    """``q`` (a :class:`Mention` or a pint Quantity) as Chinese news would write it.

    ``numerals`` is ``arabic`` (1.3亿), ``chinese`` (一亿三千万) or ``capital``
    (壹亿叁仟万); ``script`` is ``simplified`` or ``traditional``; ``width``
    ``half`` or ``full`` (digits as in １３).
    """
    if numerals not in _STYLES:
        raise ValueError(f"numerals must be one of {', '.join(_STYLES)}, not {numerals!r}")
    if script not in ("simplified", "traditional"):
        raise ValueError(f"script must be simplified or traditional, not {script!r}")
    if width not in ("half", "full"):
        raise ValueError(f"width must be half or full, not {width!r}")
    if isinstance(q, Mention):
        value, low, high = q.value, q.low, q.high
        unit, classifier, approx = q.unit, q.classifier, str(q.approx)
    elif hasattr(q, "magnitude") and hasattr(q, "units"):
        value, low, high = q.magnitude, None, None
        unit = "" if q.dimensionless and str(q.units) == "dimensionless" else str(q.units)
        classifier, approx = None, "exact"
    else:
        raise TypeError(f"format() takes a Mention or a pint Quantity, not {type(q).__name__}")
    words = _unit_text(unit, classifier, locale)
    if approx == Approx.RANGE:
        if low is None or high is None:
            raise ValueError("a range needs both ends")
        text = (_magnitude(Decimal(str(low)), numerals) + "至"
                + _magnitude(Decimal(str(high)), numerals) + words)
    elif value is None:
        raise ValueError("a vague amount has no value to write")
    else:
        text = _magnitude(Decimal(str(value)), numerals) + words
        text = _BEFORE.get(approx, "") + text + _AFTER.get(approx, "")
    if script == "traditional":
        text = text.translate(_s2t())
    if width == "full":
        text = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    return text
