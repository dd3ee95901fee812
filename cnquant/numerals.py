"""Values for ``grammars/numerals.lark``: one transformer method per rule.

Values are :class:`Num`, exact decimals that also remember what a range
needs to know (the power of ten of a trailing multiplier) and whether a single
digit may be an abbreviation (三万五 = 35000).

>>> from cnquant import parse
>>> parse("一千五百九十点四二").value
1590.42
>>> parse("四亿五千六百四十二万零一十五").value
456420015
>>> parse("三万五").value
35000
>>> parse("十四万七六八二个").value
147682
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from lark import Token, Transformer, v_args

__all__ = ["DIGIT_VALUES", "Num", "NumeralError", "NumeralTransformer"]

DIGIT_VALUES: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5,
    "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
MULTIPLIERS: dict[str, int] = {"十": 1, "拾": 1, "百": 2, "佰": 2, "千": 3, "仟": 3,
                               "万": 4, "亿": 8, "兆": 12}

TEN = Decimal(10)


class NumeralError(ValueError):
    """A well-formed token sequence that is not a number (e.g. 两 as a digit pair)."""


@dataclass(frozen=True, slots=True)
class Num:
    """A parsed number.

    ``value`` is None for a pair such as 三四百 (then ``low``/``high`` hold it)
    or a vague amount.  ``exp`` is the power of ten of the trailing multiplier
    (5万 -> 4), which the other end of a range may borrow (3至5万吨).
    ``abbrev`` marks a lone digit that abbreviates after a unit (三万五).
    ``implied`` marks a multiplier standing alone for one of it (千 in 近千人),
    ``big`` a number written with a multiplier of 万 or more anywhere (3万5千).
    ``abbreviated`` is the power of ten a last, abbreviating digit stands for
    (3 in 一万一 = 11000), 0 if there is none.
    """

    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    flag: str = "exact"
    exp: int = 0
    abbrev: bool = False
    chinese: bool = False
    implied: bool = False
    big: bool = False
    abbreviated: int = 0
    #: in a number with a big multiplier, the power of ten of the multiplier of the
    #: part before it: 3 in 两千万 (2 x 10**3 x 10**4), 0 in 5万
    lead_exp: int = 0

    def scaled(self, power: int) -> Num:
        f = TEN ** power
        return Num(
            None if self.value is None else self.value * f,
            None if self.low is None else self.low * f,
            None if self.high is None else self.high * f,
            # 两千万: the multipliers chain (千万, 10**7) when nothing follows the first
            self.flag, power + self.exp, False, self.chinese, big=True, lead_exp=self.exp,
        )

    def plus(self, other: Num) -> Num:
        if self.value is not None and other.value is None and other.low is not None \
                and other.high is not None:
            # 一千五六百, 一万二三千: a pair in the lower part keeps the higher one
            return Num(None, self.value + other.low, self.value + other.high, flag="range",
                       chinese=self.chinese or other.chinese, big=self.big or other.big)
        if self.value is None or other.value is None:
            raise NumeralError("a range cannot take a lower part")
        flag = other.flag if other.flag != "exact" else self.flag
        return Num(self.value + other.value, flag=flag, chinese=self.chinese or other.chinese,
                   big=self.big or other.big, abbreviated=other.abbreviated)


def _digit(tok: Token) -> Num:
    return Num(Decimal(DIGIT_VALUES[str(tok)]), abbrev=True, chinese=True)


def _arabic(tok: Token) -> Num:
    s = str(tok).replace(",", "")
    value = Decimal(s)
    return Num(value, abbrev=(len(s) == 1))


def _digits(tok: Token) -> Num:
    return Num(Decimal("".join(str(DIGIT_VALUES[c]) for c in str(tok))), chinese=True)


def _pair(tok: Token) -> Num:
    """A two-digit pair before a multiplier is a range: 三四百 = 300 to 400."""
    if len(str(tok)) != 2:
        raise NumeralError(f"{tok!s} is not a pair of digits")
    a, b = (DIGIT_VALUES[c] for c in str(tok))
    if not 0 < a < b:
        raise NumeralError(f"{tok!s} is not a pair of rising digits")
    return Num(None, Decimal(a), Decimal(b), flag="range", chinese=True)


def _lead(tok: Token) -> Num:
    if tok.type.endswith("PAIR"):
        return _pair(tok)
    if tok.type.endswith("DIGITS"):
        return _digits(tok)
    if tok.type.endswith("ARABIC"):
        return _arabic(tok)
    return _digit(tok)


def _times(n: Num, power: int) -> Num:
    """``n`` times 10**power, keeping a pair a pair."""
    f = TEN ** power
    if n.value is None:
        assert n.low is not None and n.high is not None
        return Num(None, n.low * f, n.high * f, n.flag, chinese=n.chinese)
    return Num(n.value * f, flag=n.flag, chinese=n.chinese)


def _tail(n: Num | None, power: int) -> Num | None:
    """The lower part after a positional unit of 10**power; a lone digit abbreviates."""
    if n is None:
        return None
    if n.abbrev and n.value is not None and n.value == n.value.to_integral_value():
        return replace(_times(n, power - 1), abbreviated=power - 1)
    return n


def _implied_one(items: tuple[Any, ...]) -> tuple[Num, Num | None]:
    """The lead and the tail of a positional section; 千三 has an implied one."""
    lead = items[0] if isinstance(items[0], Num) else Num(Decimal(1), chinese=True)
    tail = items[-1] if len(items) > 1 and isinstance(items[-1], Num) else None
    return lead, tail


def _after_zero(tok: Token, below: int) -> Num:
    """The digit(s) after 零 in a section: 一百零五, 1千零20 (a plain number, no abbreviation)."""
    text = str(tok)
    value = Decimal(DIGIT_VALUES[text]) if text in DIGIT_VALUES else Decimal(text)
    if not 0 < value < below or value != value.to_integral_value():
        raise NumeralError(f"{text} cannot follow 零 here")
    return Num(value, chinese=True)


def _positional(lead: Num, tail: Num | None, power: int) -> Num:
    high = _times(lead, power)
    low = _tail(tail, power)
    if low is None:  # 五百, 两千: the other end of a range may borrow the 百 (三到五百)
        return replace(high, chinese=True, exp=power)
    if high.value is None:
        raise NumeralError("a pair takes no lower part")
    return high.plus(low)


def _frac(tok: Token) -> Decimal:
    return Decimal("0." + "".join(str(DIGIT_VALUES[c]) for c in str(tok)))


@v_args(inline=True)
class NumeralTransformer(Transformer[Any, Any]):
    """Gives every rule of numerals.lark its :class:`Num`."""

    def __init__(self, inner_flags: Mapping[str, str]) -> None:
        super().__init__()
        self.inner_flags = dict(inner_flags)

    # -- single tokens
    digit = staticmethod(_digit)
    arabic = staticmethod(_arabic)
    digits = staticmethod(_digits)
    pair = staticmethod(_pair)

    def zero(self, tok: Token) -> Num:
        return Num(Decimal(0), chinese=True)

    def lead(self, tok: Token) -> Num:
        return _lead(tok)

    # -- sections below 10^4
    def thousands(self, *items: Any) -> Num:
        return _positional(*_implied_one(items), 3)

    def hundreds(self, *items: Any) -> Num:
        return _positional(*_implied_one(items), 2)

    def pair_tens(self, pair: Token, _ten: Token) -> Num:
        """五六十 after 百: 50 to 60."""
        return _times(_pair(pair), 1)

    def tens_pair(self, *items: Any) -> Num:
        """十二三 (12 to 13), 二十七八 (27 to 28): tens, then two rising digits."""
        pair = _pair(items[-1])
        lead = items[0] if len(items) == 3 else None
        if isinstance(lead, Num) and lead.value is None:
            raise NumeralError("a pair takes no pair of ones")
        tens = TEN * (lead.value if isinstance(lead, Num) and lead.value is not None else
                      Decimal(DIGIT_VALUES[str(lead)]) if lead is not None else 1)
        assert pair.low is not None and pair.high is not None
        return Num(None, tens + pair.low, tens + pair.high, flag="range", chinese=True)

    def tens(self, *items: Any) -> Num:
        lead: Num | None = None
        ones: Token | None = None
        seen_ten = False
        for item in items:
            if isinstance(item, Num):
                lead = item
            elif str(item) in ("十", "拾"):
                seen_ten = True
            elif seen_ten:
                ones = item
            else:
                lead = _digit(item)
        base = _times(lead, 1) if lead is not None else Num(TEN, chinese=True)
        if ones is None:
            return base if base.chinese else replace(base, chinese=True)
        if base.value is None:
            raise NumeralError("a pair takes no ones")
        return Num(base.value + Decimal(DIGIT_VALUES[str(ones)]), chinese=True)

    def twenty(self, _t: Token, ones: Token | None = None) -> Num:
        return Num(Decimal(20 + (DIGIT_VALUES[str(ones)] if ones else 0)), chinese=True)

    def thirty(self, _t: Token, ones: Token | None = None) -> Num:
        return Num(Decimal(30 + (DIGIT_VALUES[str(ones)] if ones else 0)), chinese=True)

    def zero_tens(self, *items: Token) -> Num:
        toks = [str(t) for t in items[1:]]
        i = toks.index(next(t for t in toks if t in ("十", "拾")))
        tens = DIGIT_VALUES[toks[0]] if i == 1 else 1
        ones = DIGIT_VALUES[toks[i + 1]] if i + 1 < len(toks) else 0
        return Num(Decimal(tens * 10 + ones), chinese=True)

    def zero_ones_place(self, _z: Token, d: Token) -> Num:
        return _after_zero(d, 10)

    def zero_tens_place(self, _z: Token, d: Token) -> Num:
        return _after_zero(d, 100)

    def zero_inner(self, _z: Token, tok: Token) -> Num:
        return Num(Decimal(0), flag=self.inner_flags[str(tok)], chinese=True)

    def tail_abbrev(self, d: Token) -> Num:
        return _digit(d)

    # -- big units
    def _big(self, items: tuple[Any, ...], power: int) -> Num:
        big: Num = items[0]
        flag = next((self.inner_flags[str(t)] for t in items[1:]
                     if isinstance(t, Token) and t.type == "INNER"), big.flag)
        low: Num | None = items[-1] if isinstance(items[-1], Num) and len(items) > 2 else None
        high = big.scaled(power)
        if low is None:
            return replace(high, flag=flag, chinese=big.chinese)
        tail = _tail(low, power)
        assert tail is not None
        if high.value is not None and tail.value is None:
            return high.plus(tail)  # 一万二三千: a pair in the lower part
        if high.value is None or tail.value is None:
            raise NumeralError("a pair takes no lower part")
        if tail.flag != "exact":
            flag = tail.flag
        return Num(high.value + tail.value, flag=flag, chinese=big.chinese or tail.chinese,
                   big=True, abbreviated=tail.abbreviated)

    def wan(self, *items: Any) -> Num:
        return self._big(items, 4)

    def yi(self, *items: Any) -> Num:
        return self._big(items, 8)

    def zhao(self, *items: Any) -> Num:
        return self._big(items, 12)

    def _low(self, *items: Any) -> Num:
        n: Num = items[-1]
        return replace(n, abbrev=False) if len(items) > 1 else n  # after 零: a plain digit

    low_y = low_w = low_s = _low

    def implied_big(self, tok: Token) -> Num:
        return Num(TEN ** MULTIPLIERS[str(tok)], chinese=True)

    # -- decimals and inner markers
    def decimal(self, n: Num, _p: Token, frac: Token) -> Num:
        if n.value is None or n.value != n.value.to_integral_value():
            raise NumeralError("only a whole number takes decimals")
        return Num(n.value + _frac(frac), flag=n.flag, chinese=True, big=n.big)

    def sec_dec(self, n: Num, point: Token, frac: Token) -> Num:
        return self.decimal(n, point, frac)

    def mult_one(self, *toks: Token) -> Num:
        power = sum(MULTIPLIERS[str(t)] for t in toks if t.type != "INNER")
        flag = next((self.inner_flags[str(t)] for t in toks if t.type == "INNER"), "exact")
        return Num(TEN ** power, flag=flag, chinese=True, implied=True, big=True)

    def inner(self, n: Num, tok: Token) -> Num:
        return replace(n, flag=self.inner_flags[str(tok)], abbrev=False)
