"""Values for ``grammars/quantity.lark``: one transformer method per rule.

The result of a parse is an :class:`Expr`: exact decimal value (or range),
the units it is measured in (as vocabulary senses, so that 元 can still be
resolved by locale), the measure word of a count, and the approximation flag.

>>> from cnquant import parse
>>> m = parse("约3至5万吨")
>>> (m.low, m.high, m.unit, str(m.approx))
(30000, 50000, 'metric_ton', 'range')
>>> parse("每吨500元").unit
'CNY/metric_ton'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, TypeVar

from lark import Token, Transformer, v_args
from lark.visitors import merge_transformers

from cnquant.numerals import DIGIT_VALUES, MULTIPLIERS, Num, NumeralError, NumeralTransformer
from cnquant.units import ureg
from cnquant.vocab import UnitSense, Vocabulary

__all__ = ["Expr", "Reject", "make_transformer"]

Units = tuple[tuple[UnitSense, int], ...]
T = TypeVar("T")


class Reject(NumeralError):
    """The tokens fit the grammar but do not make a quantity (e.g. 十折)."""


@dataclass(frozen=True, slots=True)
class Expr:
    """One parsed quantity expression (before context and locale)."""

    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    units: Units = ()
    classifier: str | None = None
    approx: str = "exact"
    bare: bool = False
    exp: int = 0
    chinese: bool = False
    unit_factor: Decimal = Decimal(1)
    implied: bool = False  # a multiplier alone (千 in 近千人): needs a marker
    big: bool = False  # written with 万, 亿, 兆 (or k, M) somewhere: 3万5千
    #: the part of the parsed text to report, when words frame it (在3%至5%之间)
    inner: tuple[int, int] | None = None
    #: see Num.lead_exp: 3 in 两千万, so that 一千到两千万 borrows only the 万
    lead_exp: int = 0

    def unit_name(self, locale: str = "zh-CN") -> str:
        """The pint unit expression, ``""`` for a count or a bare number."""
        num = [s.for_locale(locale) for s, p in self.units if p > 0]
        den = [s.for_locale(locale) for s, p in self.units if p < 0]
        if not num and not den:
            return ""
        text = " * ".join(num) if num else "1"
        return text + "".join("/" + d for d in den)

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(s.kind for s, _ in self.units)


@dataclass(frozen=True)
class UnitPart:
    """What follows a number: units (with a factor), a measure word, or a ratio form."""

    units: Units = ()
    factor: Decimal = Decimal(1)
    classifier: str | None = None
    ratio: str | None = None  # "cheng" (成) or "zhe" (折)
    extra: Decimal = Decimal(0)  # 七成六: the 6
    alias: str | None = None  # the surface form of a unit (of the numerator of a rate)
    per: str | None = None  # the surface form of the denominator of a rate


def _num_of(n: Num, factor: Decimal = Decimal(1), extra: Decimal = Decimal(0)) -> Num:
    def f(x: Decimal | None) -> Decimal | None:
        return None if x is None else x * factor + extra
    return Num(f(n.value), f(n.low), f(n.high), n.flag, n.exp, n.abbrev, n.chinese, n.implied,
               n.big, n.abbreviated, n.lead_exp)


def _approx_of(n: Num) -> str:
    return "range" if n.flag == "range" else n.flag


def _expr(n: Num, part: UnitPart | None) -> Expr:
    if part is None:
        return Expr(n.value, n.low, n.high, approx=_approx_of(n), bare=True, exp=n.exp,
                    chinese=n.chinese, implied=n.implied, big=n.big, lead_exp=n.lead_exp)
    n = _zhe(n) if part.ratio == "zhe" else _num_of(n, part.factor, part.extra)
    return Expr(n.value, n.low, n.high, part.units, part.classifier, _approx_of(n), False,
                n.exp, n.chinese, part.factor, n.implied, n.big, lead_exp=n.lead_exp)


def _zhe(n: Num) -> Num:
    """八折 = 80%, 75折 = 75%, 9.9折 = 99%: one digit (with decimals) is tenths."""
    v = n.value
    if v is None or v <= 0:
        raise Reject("a discount needs a value")
    if v < 10:
        v = v * 10
    elif not (v < 100 and v == v.to_integral_value()) or v % 10 == 0:
        raise Reject(f"{v}折 is not a discount")  # 十折 is no discount; 75折 is 75%
    return Num(v, flag=n.flag, chinese=n.chinese)


@v_args(inline=True)
class QuantityTransformer(Transformer[Any, Any]):
    """Gives every rule of quantity.lark its value."""

    def __init__(self, vocab: Vocabulary) -> None:
        super().__init__()
        self.vocab = vocab
        self.percent = _sense(vocab, "%")
        self.permille = _sense(vocab, "‰")
        self._tenths_classifiers = vocab.words("yuan_classifiers")
        # the minor forms of a tenth and of a hundredth of money (毛, 角, 毛钱; 分):
        # 一块二毛三, 两块五毛钱, 一块零五分
        self._tenths_minor = _money_minor(vocab, Decimal("0.1"))
        self._cents_minor = _money_minor(vocab, Decimal("0.01"))

    # -- top level
    def start(self, q: Expr) -> Expr:
        return q

    def single(self, *items: Any) -> Expr:
        """A range keeps its flag; a marker inside the number (五百多) comes next, then
        one before it (约), then one after it (左右)."""
        pre, expr, post = self._markers(items)
        approx = expr.approx
        if expr.implied and pre is None and approx == "exact" and \
                not (post is not None and expr.classifier):
            # 千头以上 counts heads; 亿元以上项目 names a class of projects
            raise Reject("a multiplier alone needs a marker before it (近千人, not 千人), "
                         "or after a measure word (千头以上)")
        if approx == "exact":
            if pre is not None:
                approx = pre
            elif post is not None:
                approx = post
        return expr if approx == expr.approx else replace(expr, approx=approx)

    def _markers(self, items: tuple[Any, ...]) -> tuple[str | None, Expr, str | None]:
        pre = post = None
        expr: Expr | None = None
        for item in items:
            if isinstance(item, Expr):
                expr = item
            elif expr is None:
                pre = item
            else:
                post = item
        assert expr is not None
        return pre, expr, post

    def pre(self, tok: Token, _link: Token | None = None) -> str:
        return _lookup(self.vocab.markers["before"], tok)

    def post(self, tok: Token) -> str:
        return _lookup(self.vocab.markers["after"], tok)

    def compared(self, _bi: Token, expr: Expr, cmp: Token) -> Expr:
        if expr.approx != "exact" or expr.implied:
            raise Reject("比 compares with a plain number")
        return replace(expr, approx=_lookup(self.vocab.markers["compare"], cmp))

    def between(self, *items: Any) -> Expr:
        """在3%至5%之间: the range; the span is the range without its frame (3%至5%),
        since 在 and 之间 say nothing about how exact it is."""
        a, b = (i for i in items if isinstance(i, Expr))
        first, last = items[0], items[-1]
        start = first.end_pos if isinstance(first, Token) and first.end_pos else 0
        end = last.start_pos if isinstance(last, Token) and last.start_pos else None
        e = self.range(a, b)
        return replace(e, inner=(start, end)) if end is not None else e

    def two_sided(self, *items: Any) -> Expr:
        """A lower bound and an upper bound, each with its marker, make a range."""
        first = items[0]
        # single CONJ single, or single pre amount post?
        second = items[2] if isinstance(items[1], Token) else self.single(*items[1:])
        bounds = {_SIDE.get(first.approx): first, _SIDE.get(second.approx): second}
        low, high = bounds.get("low"), bounds.get("high")
        if low is None or high is None:
            raise Reject("a two-sided range needs a lower and an upper bound")
        if low.units and high.units:
            # 不低于3000万元且不超过6000万元: two bounds, each a full amount, as
            # announcements state them (大于10且小于20 is one range of numbers)
            raise Reject("two bounds with units of their own are two quantities")
        low, high = replace(low, approx="exact"), replace(high, approx="exact")
        if low.value is None or high.value is None or low.value >= high.value:
            raise Reject("the lower bound must be below the upper one")
        return self.range(low, high)

    def range(self, *items: Any) -> Expr:
        exprs = [i for i in items if isinstance(i, Expr)]
        a, b = exprs
        if a.units and a.chinese and b.chinese and b.bare and not b.units and \
                not b.classifier and a.unit_factor == 1 and \
                any(u.kind == "ratio" for u, _ in a.units):
            # 百分之八至十: the second end of a share in words is of the same share
            # (not 三成至四: 成 scales its own number only)
            b = replace(b, units=a.units, bare=a.bare)
        if a.value is None or b.value is None:
            raise Reject("a range of ranges")
        if a.implied or b.implied:
            raise Reject("a multiplier alone is no end of a range")
        low = a.value
        # a first end without a unit of its own borrows the second end's multiplier
        # (3至5万吨, 3至5万) and unit factor (六至七成); a first end with its own unit
        # is complete (500元至1万元), and so is one that borrowing would put above
        # the second end (5000至1万元)
        carry = Decimal(10) ** b.exp if not a.big and b.exp else Decimal(1)
        if not a.big and a.exp and b.exp > a.exp:
            # 一千到两千万, 五百至一千万: a first end with a small multiplier of its own
            # borrows the big one after the second end's (万); 3千至5万 borrows nothing
            carry = Decimal(10) ** (b.exp - b.lead_exp) if a.exp <= b.lead_exp else Decimal(1)
        if not a.units and not a.classifier:
            factor = b.unit_factor if b.units else Decimal(1)
            if carry != 1 and not abs(low * carry * factor) < abs(b.value):
                carry = Decimal(1)
            if carry < 10_000 and abs(low) < 1:
                carry = Decimal(1)  # 零点一至一百: 十, 百 and 千 carry only to a whole first end
            a = replace(a, value=low * carry * factor, units=b.units, classifier=b.classifier,
                        bare=b.bare)
        per = tuple(u for u in a.units if u[1] < 0)
        if per and b.units and _unit_key(b.units) == _unit_key(
                tuple(u for u in a.units if u[1] > 0)):
            b = replace(b, units=a.units)  # 每公斤6元至8元: 8元 is per kilogram too
        if a.units and b.units and _unit_key(a.units) != _unit_key(b.units) and \
                len(a.units) == len(b.units) == 1 and a.units[0][0].kind == "currency" and \
                b.units[0][0].kind == "currency" and b.units[0][0].locale and \
                not a.units[0][0].locale:
            b = replace(b, units=a.units)  # 新台币720元至780元: 元 is the money named first
        if a.units and b.units and _unit_key(a.units) != _unit_key(b.units):
            try:
                a = _convert(a, b.units)
            except Exception as exc:
                raise Reject("the ends of a range have different units") from exc
        if a.bare != b.bare or a.classifier != b.classifier:
            raise Reject("the ends of a range are of different kinds")
        assert a.value is not None and b.value is not None
        low, high = a.value, b.value
        if high < low <= 0:
            low, high = high, low  # 亏损-86亿元到-88亿元: from -88 to -86 hundred million
        units = b.units
        if _unit_key(a.units) == _unit_key(b.units) and any(s.locale for s, _ in b.units) \
                and not any(s.locale for s, _ in a.units):
            units = a.units  # 人民币50亿元至55亿元 in Hong Kong: 元 is the yuan named first
        return Expr(None, low, high, units, b.classifier, "range", b.bare,
                    chinese=a.chinese or b.chinese)

    def minor(self, n: Num, tok: Token) -> tuple[Num, str]:
        return n, _plain(tok)

    def _minor_part(self, first: Expr, n: Num, form: str) -> Expr:
        """角, 分, 时 after a larger unit: the unit of that form with the first part's
        dimension (分 is a cent after 元, a minute after 小时)."""
        for sense in self.vocab.minor[form]:
            units = ((sense, 1),)
            if first.units and _dim(units) == _dim(first.units):
                return _expr(n, UnitPart(units, sense.factor))
        raise Reject(f"{form} is no smaller part of this compound")

    def compound(self, *items: Any) -> Expr:
        # the markers are plain strings (their flags); 又 is a token
        flags = [i for i in items if isinstance(i, str) and not isinstance(i, Token)]
        parts = [i for i in items if isinstance(i, (Expr, tuple))]
        first = parts[0]
        assert isinstance(first, Expr)  # the grammar starts a compound with a measured part
        exprs = [p if isinstance(p, Expr) else self._minor_part(first, *p) for p in parts]
        total = Decimal(0)
        smallest = first
        scale_prev: Decimal | None = None
        for e in exprs:
            if e.value is None or not e.units or e.approx not in ("exact",):
                raise Reject("a compound takes exact measured parts")
            scale = _to_base(e.units) * e.unit_factor
            if scale_prev is not None and not scale < scale_prev:
                raise Reject("a compound goes from larger units to smaller ones")
            if _dim(e.units) != _dim(first.units):
                raise Reject("a compound takes one dimension")
            scale_prev = scale
            smallest = e
        small_scale = _to_base(smallest.units)
        for e in exprs:
            assert e.value is not None
            total += e.value * _to_base(e.units) / small_scale
        return Expr(total, units=smallest.units, approx=flags[0] if flags else "exact",
                    chinese=first.chinese)

    # -- amounts
    def measured(self, n: Num, part: UnitPart) -> Expr:
        alias = part.alias or ""
        if n.abbreviated and MULTIPLIERS.get(alias[:1]) == n.abbreviated \
                and alias[1:] in self.vocab.units:
            # 一万一千克 is 11000 grams: the 千 that 一万一 abbreviates is written out,
            # it is not the 千 of 千克
            unit = Token("UNIT", alias[1:])
            part = (self.simple_unit(unit) if part.per is None else
                    self.rate(unit, Token("SLASH", "/"), Token("UNIT", part.per)))
        return _expr(n, part)

    def measured_half(self, n: Num, part: UnitPart, _half: Token) -> Expr:
        if n.value is None:
            raise Reject("half of a range")
        return _expr(replace(n, value=n.value + Decimal("0.5")), part)

    def classifier_half(self, n: Num, clf: Token, _half: Token, unit: Token) -> Expr:
        if str(clf) != "个" or n.value is None:
            raise Reject("N个半 needs 个")
        if unit.type == "MONTH":  # 三个半月: the unit is 个月
            unit = Token("UNIT", str(clf) + str(unit))
        return _expr(replace(n, value=n.value + Decimal("0.5")), self.simple_unit(unit))

    def classifier_inner(self, n: Num, clf: Token, inner: Token,
                         unit: Token | None = None) -> Expr:
        """3个多 (more than 3), and with a unit that takes 个: 3个多小时, 三个多月."""
        n = replace(n, flag=_lookup(self.vocab.markers["inner"], inner))
        if unit is None:
            return _expr(n, self.classifier(clf))
        if str(clf) != "个" or n.value is None:
            raise Reject("N个多 before a unit needs 个")
        with_ge = str(clf) + str(unit)  # 个月, 个小时: the unit as written without 多
        if with_ge in self.vocab.units:
            unit = Token("UNIT", with_ge)
        elif unit.type == "MONTH":
            raise Reject("月 alone is no unit")
        return _expr(n, self.simple_unit(unit))

    def classifier_tenths(self, n: Num, clf: Token, digit: Token, minor: Token | None = None,
                          hundredths: Token | None = None) -> Expr:
        """四块五 (4.5), 39块9, 一块二毛三 (1.23): a measure word that is the yuan of
        speech (块), one digit of tenths, and with 毛 or 角 one of hundredths; the
        context decides whether money is spoken of."""
        digits = [_digit_value(t) for t in (digit, hundredths) if t is not None]
        if str(clf) not in self._tenths_classifiers or n.value is None \
                or n.value != n.value.to_integral_value() or n.flag != "exact" \
                or (minor is not None and _plain(minor) not in self._tenths_minor) \
                or (hundredths is not None and minor is not None
                    and _plain(minor) in self.vocab.units):
            raise Reject("tenths after a measure word: 块, a digit, 毛 and a digit")
        value = n.value + sum(Decimal(d) / 10 ** (i + 1) for i, d in enumerate(digits))
        if minor is not None and _plain(minor) in self.vocab.units:
            # 两块五毛钱: a minor form that is a unit too says money; no context needed
            return _expr(replace(n, value=value), self.simple_unit(Token("CURRENCY", "元")))
        return _expr(replace(n, value=value), self.classifier(clf))

    def classifier_hundredths(self, n: Num, clf: Token, _zero: Token, digit: Token,
                              minor: Token | None = None) -> Expr:
        """一块零五 (1.05): the yuan of speech, 零 for no tenths, one digit of
        hundredths (and the form of a cent, 一块零五分); with the form of a tenth after
        it, 零 only links the parts (十块零五毛: 10.5)."""
        if minor is not None and _plain(minor) in self._tenths_minor:
            return self.classifier_tenths(n, clf, digit, minor)
        if minor is not None and _plain(minor) not in self._cents_minor:
            raise Reject("hundredths after 零: 分")
        tenths = self.classifier_tenths(n, clf, digit)
        assert tenths.value is not None
        value = n.value + (tenths.value - n.value) / 10 if n.value is not None else None
        return replace(tenths, value=value)

    def day_within(self, n: Num, _day: Token) -> Expr:
        """15日内: 日 is a day before 内 (elsewhere N日 is a date)."""
        return _expr(n, self.simple_unit(Token("UNIT", "天")))

    def day_decimal(self, n: Num, _day: Token) -> Expr:
        """平均逗留时间为1.2日: after a decimal, 日 is a day (no date has a decimal)."""
        if n.value is None or n.value == n.value.to_integral_value():
            raise Reject("N日 is a date")
        return self.day_within(n, _day)

    def one_half(self, n: Num, _half: Token) -> Expr:
        """一半 (half of a whole): a share, 50%."""
        if n.value != 1 or not n.chinese or n.flag != "exact":
            raise Reject("一半 only")
        return Expr(Decimal(50), units=((self.percent, 1),), chinese=True)

    def half_inner(self, _half: Token, clf: Token, inner: Token, unit: Token) -> Expr:
        """半个多月, 半个多小时: more than half of a unit that takes 个."""
        return self.classifier_inner(Num(Decimal("0.5"), chinese=True), clf, inner, unit)

    def half(self, _half: Token, part: UnitPart) -> Expr:
        if part.ratio == "zhe":  # 半折: half the price
            return self.half_price(_half)
        if part.classifier and not part.units:
            raise Reject("半个, 半只: half of one thing is no count")
        return _expr(Num(Decimal("0.5"), chinese=True), part)

    def half_price(self, _tok: Token) -> Expr:
        """打对折, 半折: half the price, 50%."""
        return Expr(Decimal(50), units=((self.percent, 1),), chinese=True)

    def bare(self, n: Num) -> Expr:
        return _expr(n, None)

    def prefixed(self, tok: Token, *items: Any) -> Expr:
        """人民币263亿元, US$5, and a marker after the prefix: 人民币约1.2亿元."""
        pre = items[0] if isinstance(items[0], str) else None
        n = next(i for i in items if isinstance(i, Num))
        part = items[-1] if isinstance(items[-1], UnitPart) else None
        e = self._prefixed(tok, n, part)
        return replace(e, approx=pre) if pre is not None and e.approx == "exact" else e

    def _prefixed(self, tok: Token, n: Num, part: UnitPart | None) -> Expr:
        sense = _lookup(self.vocab.prefixes, tok)
        whole = self.vocab.units.get(_plain(tok) + (part.alias or "")) if part else None
        if part is None or (whole is not None and whole.unit == sense.unit):
            # (摄氏5.8度: the prefix and the unit after the number spell 摄氏度)
            part = UnitPart(((sense, 1),), sense.factor)
        elif part.units and part.units[0][0].kind == "currency":
            suffix = part.units[0][0]
            if suffix.unit != sense.unit and not suffix.locale:
                raise Reject("two different currencies")
            # an explicit prefix (人民币) beats a locale-dependent suffix (元)
            part = replace(part, units=((sense, 1), *part.units[1:]))
        else:
            raise Reject("a currency prefix with a non-currency unit")
        return _expr(n, part)

    def per_rate(self, _per: Token, den: Token, *items: Any) -> Expr:
        pre = items[0] if len(items) == 3 else None
        n, part = items[-2], items[-1]
        den_sense = self._sense(den)
        if not part.units or part.classifier:
            raise Reject("每 needs a unit after the number")
        units = (*part.units, (den_sense, -1))
        e = _expr(n, replace(part, units=units, factor=part.factor / den_sense.factor))
        return replace(e, approx=pre) if pre is not None and e.approx == "exact" else e

    def per_range(self, per: Token, den: Token, *items: Any) -> Expr:
        """每吨620—700元: a range of amounts per one of the unit after 每."""
        n = next(i for i in items if isinstance(i, Num))
        second = next(i for i in items if isinstance(i, Expr))
        if not second.units or second.classifier:
            raise Reject("每 needs a unit after the number")
        e = self.range(_expr(n, None), second)
        den_sense = self._sense(den)
        return replace(e, units=(*e.units, (den_sense, -1)), low=_per_value(e.low, den_sense),
                       high=_per_value(e.high, den_sense))

    def per_one(self, _per: Token, _clf: Token, *items: Any) -> Expr:
        """每股1800元: per one of what is counted; the unit is the amount's own."""
        pre = items[0] if len(items) == 3 else None
        n, part = items[-2], items[-1]
        if not part.units or part.classifier:
            raise Reject("每 needs a unit after the number")
        e = _expr(n, part)
        return replace(e, approx=pre) if pre is not None and e.approx == "exact" else e

    def vague(self, *items: Any) -> Expr:
        part = items[-1] if isinstance(items[-1], UnitPart) else None
        mults = [str(t) for t in items[1:] if isinstance(t, Token)]
        if not mults and part is None:
            raise Reject("a vague word alone")
        power = sum(MULTIPLIERS[m] for m in mults)
        low = Decimal(10) ** power if mults else None
        e = _expr(Num(None, low, None, "vague", chinese=True), part)
        return replace(e, value=None, low=e.low, high=None, approx="vague")

    def rough(self, mult: Token, _rough: Token, part: UnitPart) -> Expr:
        """百把人 (about a hundred people), 千把块: a multiplier alone is about that many."""
        n = Num(Decimal(10) ** MULTIPLIERS[str(mult)], chinese=True)
        return replace(_expr(n, part), approx="about")

    def doubling(self, _fan: Token, n: Num, _unit: Token) -> Expr:
        if n.value is None or n.value != n.value.to_integral_value() or not 0 < n.value < 10:
            raise Reject("翻N番 takes a small whole number")
        return Expr(Decimal(2) ** int(n.value), classifier="倍", chinese=n.chinese)

    # -- fractions and percentages
    def of_multiplier(self, den: Token, _t: Token, n: Num) -> Expr:
        """百分之N is N percent, 千分之N N permille, 万分之N N hundredths of a percent;
        any other denominator (百万分之, 万万分之) gives the percentage it makes."""
        text = str(den)
        n = replace(n, implied=False)  # 百分之百
        if text in ("千", "仟"):
            return _expr(n, UnitPart(((self.permille, 1),)))
        # 百分之N is N percent; 万分之3 is 0.03 percent, 百万分之0.58 0.000058 percent
        return _expr(n, UnitPart(((self.percent, 1),), Decimal(100) / _multiplier_value(text)))

    def of(self, den: Num, _t: Token, num: Num) -> Expr:
        """三分之一: a share, written as one (分之), so a quantity in running text too."""
        if den.value is None or num.value is None or den.value == 0:
            raise Reject("a fraction needs two numbers")
        return Expr(num.value / den.value, chinese=num.chinese)

    def slash(self, *items: Token) -> Expr:
        sign = -1 if items[0].type.endswith("NEG") else 1
        a, _s, b = items[-3:]
        return Expr(sign * _ratio(a, b), bare=True)

    def mixed_slash(self, *items: Token) -> Expr:
        """1 3/5 = 1.6: a whole number, a space, a fraction."""
        sign = -1 if items[0].type.endswith("NEG") else 1
        whole, a, _s, b = items[-4:]
        return Expr(sign * (_arabic_value(whole) + _ratio(a, b)), bare=True)

    def mixed(self, whole: Num, _you: Token, frac: Expr) -> Expr:
        if whole.value is None or frac.value is None or frac.units:
            raise Reject("又 joins a whole number and a fraction")
        sign = -1 if whole.value < 0 else 1
        return Expr(whole.value + sign * frac.value, bare=True, chinese=whole.chinese)

    # -- numbers
    def signed(self, *items: Any) -> Num:
        neg = isinstance(items[0], Token) and items[0].type.endswith("NEG")
        n = next(i for i in items if isinstance(i, Num))
        power = next((p for p in items if isinstance(p, int) and not isinstance(p, bool)), 0)
        if power:
            n = _num_of(n, Decimal(10) ** power)
            n = replace(n, exp=power, big=True)
        if neg:
            n = _num_of(n, Decimal(-1))
        return n

    def suffix(self, tok: Token) -> int:
        return 3 if str(tok) in ("k", "K") else 6

    # -- units
    def _sense(self, tok: Token) -> UnitSense:
        return _lookup(self.vocab.units, tok)

    def simple_unit(self, tok: Token) -> UnitPart:
        sense = self._sense(tok)
        return UnitPart(((sense, 1),), sense.factor, alias=_plain(tok))

    def classifier(self, tok: Token) -> UnitPart:
        return UnitPart(classifier=_plain(tok))

    def per_count(self, a: Token, _s: Token, _b: Token) -> UnitPart:
        """元/股, 元/人: per one of what is counted; the unit is the numerator's."""
        return self.simple_unit(a)

    def rate(self, a: Token, _s: Token, b: Token) -> UnitPart:
        num = self._sense(a)
        den = _lookup(self.vocab.per, b) if b.type == "PER_UNIT" else self._sense(b)
        return UnitPart(((num, 1), (den, -1)), num.factor / den.factor, alias=_plain(a),
                        per=_plain(b))

    def rate_over_time(self, a: Token, _s: Token, b: Token, _dot: Token,
                       t: Token) -> UnitPart:
        """元/平方米·月, 元/千瓦·年: a rate per unit and per period (rents, capacity
        prices)."""
        part = self.rate(a, _s, b)
        period = _lookup(self.vocab.per, t) if t.type == "PER_UNIT" else self._sense(t)
        if period.kind != "time":
            raise Reject("after the dot of a rate, a period")
        return replace(part, units=(*part.units, (period, -1)),
                       factor=part.factor / period.factor)

    def rate_spoken(self, a: Token, _per: Token, b: Token) -> UnitPart:
        """立方米每秒, 公里每小时, 50元每斤: a rate said with 每 after the unit.  A day
        or more after 每 begins what happens each period (5亿元每年新增…), and the
        measure of the amount itself what happens to each (500亩每亩租金): refused."""
        den = self._sense(b)
        if den.kind == "time" and ureg.Quantity(1, den.unit) >= ureg.Quantity(1, "day"):
            raise Reject("每 and a calendar period after an amount begin a new phrase")
        if ureg.parse_units(self._sense(a).unit).dimensionality == \
                ureg.parse_units(den.unit).dimensionality:
            raise Reject("流转500亩每亩租金: 每 and the same measure begin a new phrase")
        return self.rate(a, _per, b)

    def cheng(self, _c: Token) -> UnitPart:
        return UnitPart(((self.percent, 1),), Decimal(10))

    def cheng_digit(self, _c: Token, d: Token) -> UnitPart:
        text = str(d)
        if text not in DIGIT_VALUES and not (text.isdigit() and len(text) == 1):
            raise Reject("N成M takes one digit after 成")
        digit = DIGIT_VALUES[text] if text in DIGIT_VALUES else int(text)
        return UnitPart(((self.percent, 1),), Decimal(10), extra=Decimal(digit))

    def cheng_half(self, _c: Token, _h: Token) -> UnitPart:
        return UnitPart(((self.percent, 1),), Decimal(10), extra=Decimal(5))

    def zhe(self, _z: Token) -> UnitPart:
        return UnitPart(((self.percent, 1),), ratio="zhe")


#: Which side of a two-sided range a one-sided flag gives.
_SIDE = {"more_than": "low", "at_least": "low", "less_than": "high", "at_most": "high"}


def _plain(tok: Token) -> str:
    """A vocabulary token without the spaces it may contain (小于 或 等于)."""
    return str(tok).replace(" ", "")


def _lookup(table: Mapping[str, T], tok: Token) -> T:
    """The entry of a vocabulary token, written as in the vocabulary or with spaces."""
    text = str(tok)
    return table[text] if text in table else table[_plain(tok)]


def _sense(vocab: Vocabulary, alias: str) -> UnitSense:
    sense = vocab.units.get(alias)
    if sense is None:
        raise ValueError(f"the core vocabulary must define the unit alias {alias!r}")
    return sense


def _digit_value(tok: Token) -> int:
    text = str(tok)
    return int(text) if text.isdigit() else DIGIT_VALUES[text]


def _arabic_value(tok: Token) -> Decimal:
    return Decimal(str(tok).replace(",", ""))


def _ratio(a: Token, b: Token) -> Decimal:
    den = _arabic_value(b)
    if den == 0:
        raise Reject("division by zero")
    return _arabic_value(a) / den


def _multiplier_value(text: str) -> Decimal:
    """The value of a run of multipliers with an implied one: 百万 = 10**6, 万万 = 10**8."""
    return Decimal(10) ** sum(MULTIPLIERS[c] for c in text)


def _money_minor(vocab: Vocabulary, factor: Decimal) -> frozenset[str]:
    """The minor forms that are ``factor`` of a currency (0.1: 毛, 角)."""
    return frozenset(f for f, senses in vocab.minor.items()
                     if any(s.kind == "currency" and s.factor == factor for s in senses))


def _unit_key(units: Units) -> tuple[tuple[str, int], ...]:
    return tuple((s.unit, p) for s, p in units)


def _pint_units(units: Units) -> Any:
    u = ureg.dimensionless
    for sense, power in units:
        u = u * ureg.parse_units(sense.unit) ** power
    return u


def _dim(units: Units) -> Any:
    return _pint_units(units).dimensionality


def _to_base(units: Units) -> Decimal:
    """How many base units one of ``units`` is (for ordering compound parts).

    pint computes in floats; 15 significant digits drop their noise, so that a
    kilogram is exactly 1000 grams.
    """
    q = (1 * _pint_units(units)).to_base_units()
    return Decimal(f"{q.magnitude:.15g}")


def _per_value(v: Decimal | None, den: UnitSense) -> Decimal | None:
    """An amount per one ``den`` alias (每公斤 is per kilogram, 每万元 per 10**4 yuan)."""
    return None if v is None else v / den.factor


def _convert(a: Expr, units: Units) -> Expr:
    """``a`` expressed in ``units`` (95美分 into USD for 95美分至1美元)."""
    assert a.value is not None
    ratio = Decimal(f"{_to_base(a.units) / _to_base(units):.15g}")
    if _dim(a.units) != _dim(units):
        raise Reject("different dimensions")
    return replace(a, value=a.value * ratio, units=units)


def make_transformer(vocab: Vocabulary) -> Transformer[Any, Any]:
    """The transformer for the full grammar: quantity rules plus numerals ones."""
    inner = dict(vocab.markers.get("inner", {}))
    merged: Transformer[Any, Any] = merge_transformers(  # type: ignore[no-untyped-call]
        QuantityTransformer(vocab), numerals=NumeralTransformer(inner))
    return merged

