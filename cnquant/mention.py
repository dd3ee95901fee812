"""The result type: :class:`Mention`, and its approximation flag :class:`Approx`."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from enum import Enum
from typing import Any

__all__ = ["Approx", "Mention"]

if sys.version_info >= (3, 11):
    from enum import StrEnum
else:  # pragma: no cover - Python 3.10

    class StrEnum(str, Enum):
        """``enum.StrEnum`` for Python 3.10."""

        def __str__(self) -> str:
            return str(self.value)


class Approx(StrEnum):
    """How exact a stated quantity is (the nine flags of the mention format).

    >>> Approx("more_than") is Approx.MORE_THAN
    True
    >>> str(Approx.ABOUT)
    'about'
    """

    EXACT = "exact"          #: 50亿元
    ABOUT = "about"          #: 约3亿元, 3亿元左右
    MORE_THAN = "more_than"  #: 50余公顷, 逾31亿元
    AT_LEAST = "at_least"    #: 100人以上, 不少于
    LESS_THAN = "less_than"  #: 不到, 不足
    AT_MOST = "at_most"      #: 以下, 不超过
    NEARLY = "nearly"        #: 近70吨, 将近
    RANGE = "range"          #: 3至5万吨
    VAGUE = "vague"          #: 数十名, 上千


#: The keys of the interchange format (mentions.md), in order.
FORMAT_KEYS = ("start", "end", "text", "value", "low", "high", "unit", "classifier",
               "approx", "metric", "subject", "per")


@dataclass(frozen=True)
class Mention:
    """One quantity found in a text.

    ``start``/``end`` index the original string (``text == source[start:end]``).
    ``value``, ``low`` and ``high`` are in ``unit``: multipliers applied
    (10萬噸 -> 100000 metric_ton), ``value`` is None for a range or a vague
    amount.  ``unit`` is a unit expression that :data:`cnquant.ureg` parses,
    ``""`` for a count or a bare number; ``classifier`` is the measure word of a
    count.  ``metric`` is the indicator the quantity measures (simplified
    Chinese, as written); ``metric_key`` and ``metric_gloss`` name it when the
    vocabulary knows it.  ``subject`` is what is counted or produced, ``per``
    the period a rate implies, ``direction`` up or down for growth and decline,
    ``comparison`` the basis of a change (``yoy`` for 同比).
    """

    start: int
    end: int
    text: str
    value: int | float | None
    low: int | float | None
    high: int | float | None
    unit: str
    classifier: str | None
    approx: Approx
    metric: str | None = None
    subject: str | None = None
    per: str | None = None
    metric_key: str | None = None
    metric_gloss: str | None = None
    direction: str | None = None
    comparison: str | None = None

    @property
    def quantity(self) -> Any:
        """``value`` times ``unit`` as a pint Quantity of :data:`cnquant.ureg`.

        None when there is no single value (a range or a vague amount).

        >>> from cnquant import parse
        >>> parse("50余公頃").quantity.to("mu")
        <Quantity(750.0, 'mu')>
        """
        if self.value is None:
            return None
        from cnquant.units import ureg

        return ureg.Quantity(self.value, self.unit or "dimensionless")

    def to_dict(self) -> dict[str, Any]:
        """The mention in the interchange format of mentions.md (exactly its keys).

        >>> from cnquant import parse
        >>> parse("利稅1.3億元").to_dict()["metric"]
        '利税'
        """
        d = {key: getattr(self, key) for key in FORMAT_KEYS}
        d["approx"] = str(self.approx)
        return d
