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

Every flag has its marker, every unit of the vocabulary its word, a percentage
in Chinese numerals is written 百分之, a count keeps its measure word and a vague
amount its order of magnitude:

>>> tuple(format(parse(s), numerals="chinese") for s in ("5%", "0.3个百分点", "318个", "数十万元"))
('百分之五', '零点三个百分点', '三百一十八个', '数十万元')
>>> format(parse("不到20吨")), format(parse("3亿元以上")), format(parse("每吨500元"))
('不到20吨', '3亿元以上', '500元/吨')

Chinese numerals come from cn2an's ``an2cn``.  What ``format`` writes,
:func:`cnquant.parse` reads back to the same value, unit and flag (a property
test checks it over the whole vocabulary).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cnquant.mention import Approx, Mention
from cnquant.normalise import char_table

__all__ = ["MAX_CHINESE", "format", "format_decimal"]

#: Markers written for each flag: (before the amount, after it).
MARKERS: dict[str, tuple[str, str]] = {
    "exact": ("", ""),
    "about": ("约", ""),
    "more_than": ("超过", ""),
    "at_least": ("", "以上"),
    "less_than": ("不到", ""),
    "at_most": ("", "以下"),
    "nearly": ("近", ""),
}
_STYLES = ("arabic", "chinese", "capital")
#: Chinese numerals (an2cn) reach up to 16 integer digits.
MAX_CHINESE = Decimal(10) ** 16
#: Multipliers written after Arabic digits, largest first.
_ARABIC_MULTIPLIERS = (("万亿", 12), ("亿", 8), ("万", 4))
#: Characters that begin a multiplier, and some unit words (千克).
_MULTIPLIER_CHARS = "十百千万亿兆拾佰仟"
#: Units written as a fraction in Chinese numerals: 百分之五, 千分之三.
_FRACTION_WORDS = {"percent": "百分之", "permille": "千分之"}


def _unit_words(locale: str) -> dict[str, str]:
    """pint unit -> the first alias that means it (plain factor) in ``locale``, one that
    needs no context words (度 is a kilowatt-hour only where electricity is named)."""
    from cnquant import default_extractor

    words: dict[str, str] = {}
    for alias, sense in default_extractor().vocab.units.items():
        if sense.factor != 1 or sense.context:
            continue
        words.setdefault(sense.for_locale(locale), alias)
    return words


def format_decimal(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: ``Decimal('1.30E+8')`` -> ``'130000000'``.

    >>> format_decimal(Decimal("1.30E+8")), format_decimal(Decimal("-0.050"))
    ('130000000', '-0.05')
    """
    text = f"{value.normalize():f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _chinese(value: Decimal, numerals: str) -> str:
    if abs(value) >= MAX_CHINESE:
        raise ValueError(f"{format_decimal(value)} is too large for Chinese numerals")
    import cn2an  # imported when first needed: it takes ~70 ms

    return str(cn2an.an2cn(format_decimal(value), "up" if numerals == "capital" else "low"))


def _magnitude(value: Decimal, numerals: str) -> str:
    if numerals != "arabic":
        return _chinese(value, numerals)
    sign = "-" if value < 0 else ""
    v = abs(value)
    for word, power in _ARABIC_MULTIPLIERS:
        scale = Decimal(10) ** power
        if v >= scale:
            return sign + format_decimal(v / scale) + word
    return sign + format_decimal(v)


def _vague(low: Decimal | None, numerals: str) -> str:
    """数十, 数百万, 若干: the order of magnitude a vague amount gives."""
    if low is None:
        return "若干"
    power = low.adjusted()
    if low != Decimal(10) ** power or power < 1:
        raise ValueError(f"a vague amount starts at a power of ten, not {low}")
    words = []
    for word, step in (("亿", 8), ("万", 4), ("千", 3), ("百", 2), ("十", 1)):
        while power >= step:
            words.append(word)
            power -= step
    return "数" + "".join(reversed(words))


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


def _number(x: Any) -> Decimal | None:
    return None if x is None else Decimal(str(x))


def format(q: Mention | Any, numerals: str = "arabic", script: str = "simplified", *,
           width: str = "half", locale: str = "zh-CN") -> str:
    """``q`` (a :class:`Mention` or a pint Quantity) as Chinese news would write it.

    ``numerals`` is ``arabic`` (1.3亿), ``chinese`` (一亿三千万) or ``capital``
    (壹亿叁仟万); ``script`` is ``simplified`` or ``traditional``; ``width``
    ``half`` or ``full`` (digits as in １３); ``locale`` picks the word of a
    currency (TWD is 元 in ``zh-TW``, 新台币 elsewhere).

    Raises :class:`ValueError` for an option it does not know, a unit with no
    Chinese word, a range without both ends, or a number too large for Chinese
    numerals (16 digits); :class:`TypeError` for anything but a Mention or a
    Quantity.

    >>> import cnquant
    >>> format(cnquant.ureg.Quantity(2.5, "kilowatt_hour"), numerals="chinese")
    '二点五千瓦时'
    >>> format(cnquant.parse("近两成"), script="traditional")
    '近20%'
    >>> format(cnquant.parse("新台幣5億元"), locale="zh-TW"), format(cnquant.parse("新台幣5億元"))
    ('5亿元', '5亿新台币')
    """
    if numerals not in _STYLES:
        raise ValueError(f"numerals must be one of {', '.join(_STYLES)}, not {numerals!r}")
    if script not in ("simplified", "traditional"):
        raise ValueError(f"script must be simplified or traditional, not {script!r}")
    if width not in ("half", "full"):
        raise ValueError(f"width must be half or full, not {width!r}")
    if isinstance(q, Mention):
        value, low, high = _number(q.value), _number(q.low), _number(q.high)
        unit, classifier, approx = q.unit, q.classifier, str(q.approx)
    elif hasattr(q, "magnitude") and hasattr(q, "units"):
        value, low, high = _number(q.magnitude), None, None
        unit = "" if str(q.units) == "dimensionless" else str(q.units).replace(" ", "")
        classifier, approx = None, "exact"
    else:
        raise TypeError(f"format() takes a Mention or a pint Quantity, not {type(q).__name__}")
    fraction = _FRACTION_WORDS.get(unit) if numerals != "arabic" else None
    words = "" if fraction else _unit_text(unit, classifier, locale)

    def amount(v: Decimal) -> str:
        text = _magnitude(v, numerals)
        return fraction + text if fraction else text + words

    if approx == Approx.RANGE:
        if low is None or high is None:
            raise ValueError("a range needs both ends")
        first, second = _magnitude(low, numerals), _magnitude(high, numerals)
        if fraction or (words and first[-1:] != second[-1:] and second[-1:] in "万亿") \
                or (words and (words[0] in _MULTIPLIER_CHARS or second[-1] in "十百千拾佰仟")):
            # 500元至1万元: "500至1万元" would carry 万 to the first end (3至5万吨);
            # 一至一千比特: 一千比特 reads as 1 kilobit, and the first end would borrow it
            text = amount(low) + "至" + amount(high)
        else:
            text = first + "至" + second + words
    elif approx == Approx.VAGUE:
        text = _vague(low, numerals) + words
    elif value is None:
        raise ValueError(f"an amount flagged {approx} needs a value")
    else:
        before, after = MARKERS[approx]
        text = before + amount(value) + after
    if script == "traditional":
        text = text.translate(char_table("s2t.tsv"))
    if width == "full":
        text = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
    return text
