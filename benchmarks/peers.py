"""The peers (the optional extra ``[bench]``) and how their output becomes mentions.

Each peer is imported only when a benchmark asks for it; a peer that does not
import is reported as missing and its figures are skipped, so the suite runs
with cnquant alone (CI installs only ``.[dev]``).

Conversion to the interchange format (``shared/spec/mentions.md``), as
faithful as the peers' output allows:

* **jionlp** ``ner.extract_money``: ``offset`` is ``[start, end)`` in the
  input; ``detail.num`` is the amount in the currency of ``detail.case``
  (元 -> CNY, 美元 -> USD, 港元 -> HKD ...; jionlp has no locale, so its 元 is
  always CNY); ``definition`` gives approx (accurate -> exact, blur -> about,
  blur+ -> more_than, blur- -> less_than).  A list ``num`` is a range.
* **Recognizers-Text** (Chinese culture; number, percentage, currency and
  dimension models): ``start``/``end`` are inclusive offsets into the input
  (the span is taken from the input, which differs from the reported ``text``
  where the library rewrote it).  A unit-bearing result (currency, dimension,
  percentage) wins over a number result that overlaps it; the remaining number
  results are bare counts (unit ``""``).  Currency units come from
  ``isoCurrency``, else from the unit name (Dollar -> USD; Fen and Cent -> one
  hundredth of CNY or USD); dimension units are mapped to pint names (Ton ->
  metric_ton, Jin -> jin, Mu -> mu, Square meter -> square_meter ...); a unit
  the registry cannot read drops the result (counted as ``dropped``).  All
  results are ``exact``: the models do not report approximation.
* **chinese2digits** ``takeChineseNumberFromString``: it returns the numbers
  it read but no offsets; each one is located by searching its source string
  in the input from the end of the previous one.  Bare counts, exact.
* **cn2an** ``transform``: returns the text with numerals rewritten, no spans;
  it is timed but not scored.
"""

from __future__ import annotations

import contextlib
import io
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from benchmarks.common import version_of


@dataclass
class Peer:
    """One peer: how to load it and what it offers."""

    name: str
    label: str
    distribution: str
    note: str
    _loaded: Any = field(default=None, repr=False)
    _error: str = field(default="", repr=False)

    def load(self) -> Any:
        """The peer's entry points (a small namespace), or None if it does not import."""
        if self._loaded is None and not self._error:
            try:
                with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
                    warnings.simplefilter("ignore")
                    self._loaded = _LOADERS[self.name]()
            except Exception as exc:  # ImportError, or a peer broken by its dependencies
                self._error = f"{type(exc).__name__}: {exc}"
        return self._loaded

    @property
    def available(self) -> bool:
        """Whether the peer imports."""
        return self.load() is not None

    @property
    def error(self) -> str:
        """Why the peer is unavailable ("" if it is)."""
        self.load()
        return self._error

    @property
    def version(self) -> str:
        """The installed version."""
        return version_of(self.distribution)


# --------------------------------------------------------------------------- loaders
@dataclass
class Loaded:
    """A peer's callables: ``extract`` (text -> raw results), ``mentions`` (text ->
    interchange mentions, or None when unscorable) and ``parse`` (expression ->
    value, or None when the peer has no single-expression parser)."""

    extract: Callable[[str], Any]
    mentions: Callable[[str], list[dict[str, Any]]] | None = None
    parse: Callable[[str], Any] | None = None
    counts: Callable[[Any], int] | None = None  # results -> number of mentions


def _load_jionlp() -> Loaded:
    import jionlp

    def mentions(text: str) -> list[dict[str, Any]]:
        return jionlp_mentions(text, jionlp.ner.extract_money(text))

    return Loaded(extract=jionlp.ner.extract_money, mentions=mentions,
                  parse=jionlp.parse_money, counts=len)


def _load_recognizers() -> Loaded:
    from recognizers_number import NumberRecognizer
    from recognizers_number_with_unit import NumberWithUnitRecognizer
    from recognizers_text import Culture

    numbers = NumberRecognizer(Culture.Chinese)
    units = NumberWithUnitRecognizer(Culture.Chinese)
    models = [("currency", units.get_currency_model()),
              ("dimension", units.get_dimension_model()),
              ("percentage", numbers.get_percentage_model()),
              ("number", numbers.get_number_model())]

    def extract(text: str) -> list[tuple[str, Any]]:
        return [(kind, r) for kind, model in models for r in model.parse(text)]

    def mentions(text: str) -> list[dict[str, Any]]:
        return recognizers_mentions(text, extract(text))

    return Loaded(extract=extract, mentions=mentions, counts=len)


def _load_cn2an() -> Loaded:
    import cn2an

    def extract(text: str) -> str:
        return str(cn2an.transform(text, "cn2an"))

    def parse(expr: str) -> Any:
        return cn2an.cn2an(expr, "smart")

    return Loaded(extract=extract, parse=parse)


def _load_chinese2digits() -> Loaded:
    import chinese2digits

    def extract(text: str) -> dict[str, Any]:
        result: dict[str, Any] = chinese2digits.takeChineseNumberFromString(text)
        return result

    def mentions(text: str) -> list[dict[str, Any]]:
        return chinese2digits_mentions(text, extract(text))

    def counts(result: Any) -> int:
        return len(result.get("digitsStringList", []))

    return Loaded(extract=extract, mentions=mentions, counts=counts)


_LOADERS: dict[str, Callable[[], Loaded]] = {
    "jionlp": _load_jionlp,
    "recognizers": _load_recognizers,
    "cn2an": _load_cn2an,
    "chinese2digits": _load_chinese2digits,
}

PEERS: dict[str, Peer] = {
    "jionlp": Peer("jionlp", "jionlp.ner.extract_money", "jionlp",
                   "money only"),
    "recognizers": Peer("recognizers", "Recognizers-Text (zh: number, percentage, currency, "
                        "dimension)", "recognizers-text-suite",
                        "four models run one after the other"),
    "cn2an": Peer("cn2an", "cn2an.transform", "cn2an",
                  "rewrites numerals; finds no units"),
    "chinese2digits": Peer("chinese2digits", "chinese2digits.takeChineseNumberFromString",
                           "chinese2digits", "numbers only, no offsets"),
}


# --------------------------------------------------------------------------- conversions
_CURRENCY_WORDS = {
    "元": "CNY", "人民币": "CNY", "块": "CNY", "美元": "USD", "美金": "USD", "港元": "HKD",
    "港币": "HKD", "欧元": "EUR", "日元": "JPY", "英镑": "GBP", "新台币": "TWD", "台币": "TWD",
    "韩元": "KRW", "卢布": "RUB", "澳元": "AUD", "加元": "CAD", "新加坡元": "SGD",
    "瑞士法郎": "CHF",
}
_JIONLP_APPROX = {"accurate": "exact", "blur": "about", "blur+": "more_than",
                  "blur-": "less_than"}


def _number(text: Any) -> float | None:
    try:
        d = Decimal(str(text).replace(",", "").rstrip("%"))
    except (InvalidOperation, ValueError):
        return None
    return float(d) if d.is_finite() else None


def _mention(text: str, start: int, end: int, value: float | None, unit: str,
             approx: str = "exact", low: float | None = None, high: float | None = None
             ) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end], "value": value,
            "low": low, "high": high, "unit": unit, "classifier": None, "approx": approx,
            "metric": None, "subject": None, "per": None}


def jionlp_mentions(text: str, results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """jionlp's money results as mentions (see the module docstring)."""
    out = []
    for r in results:
        start, end = r["offset"]
        detail = r.get("detail", {})
        unit = _CURRENCY_WORDS.get(detail.get("case", ""), "")
        if not unit or not 0 <= start < end <= len(text):
            continue
        approx = _JIONLP_APPROX.get(detail.get("definition", ""), "about")
        num = detail.get("num")
        if isinstance(num, (list, tuple)) and len(num) == 2:
            low, high = _number(num[0]), _number(num[1])
            if low is None or high is None:
                continue
            out.append(_mention(text, start, end, None, unit, "range", low, high))
        else:
            value = _number(num)
            if value is not None:
                out.append(_mention(text, start, end, value, unit, approx))
    return out


_RT_UNITS = {
    "ton": "metric_ton", "jin": "jin", "mu": "mu", "square meter": "square_meter",
    "square kilometer": "square_kilometer", "cubic meter": "cubic_meter",
    "kilowatt hour": "kilowatt_hour", "dollar": "USD",
}
_RT_SUBUNITS = {"fen": ("CNY", 0.01), "jiao": ("CNY", 0.1), "cent": ("USD", 0.01)}


def _rt_unit(kind: str, resolution: dict[str, Any], ureg: Any) -> tuple[str, float] | None:
    if kind == "percentage":
        return "percent", 1.0
    if kind == "number":
        return "", 1.0
    if resolution.get("isoCurrency"):
        return str(resolution["isoCurrency"]), 1.0
    name = str(resolution.get("unit", "")).strip().lower()
    if kind == "currency" and name in _RT_SUBUNITS:
        return _RT_SUBUNITS[name]
    unit = _RT_UNITS.get(name, re.sub(r"\s+", "_", name))
    try:
        ureg.parse_units(unit)
    except Exception:
        return None
    return unit, 1.0


def recognizers_mentions(text: str, results: list[tuple[str, Any]]) -> list[dict[str, Any]]:
    """Recognizers-Text results as mentions (see the module docstring)."""
    from cnquant import ureg

    taken: list[tuple[int, int]] = []
    out = []
    # unit-bearing models first: a number inside a currency result is not a mention
    for kind, r in sorted(results, key=lambda kr: kr[0] == "number"):
        start, end = r.start, r.end + 1
        if not 0 <= start < end <= len(text):
            continue
        if any(s < end and start < e for s, e in taken):
            continue
        res = r.resolution or {}
        unit = _rt_unit(kind, res, ureg)
        value = _number(res.get("value"))
        if unit is None or value is None:
            continue
        taken.append((start, end))
        out.append(_mention(text, start, end, value * unit[1], unit[0]))
    out.sort(key=lambda m: m["start"])
    return out


def chinese2digits_mentions(text: str, result: dict[str, Any]) -> list[dict[str, Any]]:
    """chinese2digits' numbers as bare counts, located by search (no offsets given)."""
    out = []
    pos = 0
    for source, digits in zip(result.get("CHNumberStringList", []),
                              result.get("digitsStringList", []), strict=False):
        start = text.find(source, pos) if source else -1
        value = _number(digits)
        if start < 0 or value is None:
            continue
        end = start + len(source)
        out.append(_mention(text, start, end, value, ""))
        pos = end
    return out


def available_peers(cfg_peers: bool) -> dict[str, Peer]:
    """The peers that import (none when peers are turned off)."""
    if not cfg_peers:
        return {}
    return {k: p for k, p in PEERS.items() if p.available}


def quiet(fn: Callable[[], Any]) -> Callable[[], Any]:
    """``fn`` with warnings and stdout silenced (cn2an warns on every odd numeral)."""
    def run() -> Any:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            return fn()
    return run

