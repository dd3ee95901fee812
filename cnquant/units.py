"""The one pint registry of cnquant.

Every plugin's ``units.txt`` (pint definition syntax) is loaded into this one
registry; first-party plugins at import, third-party ones when an extractor
first uses them.  Currencies are dimensions of their own, so CNY never turns
into USD without an explicit rate, and ``percentage_point`` never into percent.

>>> from cnquant.units import ureg
>>> ureg.Quantity(15, "mu").to("hectare")
<Quantity(1.0, 'hectare')>
>>> ureg.Quantity(2, "percentage_point").to("percent")
Traceback (most recent call last):
...
pint.errors.DimensionalityError: Cannot convert from 'percentage_point' ...

A tonne of coal equivalent (吨标准煤) is counted as a tonne of standard coal, as the
statistics write it; its energy is :data:`COAL_EQUIVALENT_ENERGY` a tonne:

>>> q = ureg.Quantity(2, "tce")
>>> q.to("metric_ton").magnitude, (q.to("metric_ton") * COAL_EQUIVALENT_ENERGY).to("gigajoule")
(2, <Quantity(58.6152, 'gigajoule')>)
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pint

from cnquant._resources import cache_dir, plugins_dir
from cnquant.vocab import VocabularyError, _decode

__all__ = ["COAL_EQUIVALENT_ENERGY", "load_definitions", "unit_problem", "ureg"]

_lock = threading.Lock()
_loaded: set[Path] = set()


def _statements(path: Path) -> list[Any]:
    """The parsed statements of a definitions file (pint's own parser), checked.

    A line that pint cannot read is an error naming the file and the line.
    """
    text = _decode(path)
    try:
        parsed = ureg._def_parser.parse_file(path)
        statements = list(parsed.iter_statements())
    except AttributeError:  # pragma: no cover - a pint without this parser: no line check
        return []
    except Exception as exc:
        raise VocabularyError(f"{path}: bad unit definitions: {exc}") from exc
    lines = text.splitlines()
    for st in statements:
        kind = type(st).__name__
        if "Error" in kind or kind.startswith("Unknown"):
            line = getattr(st, "start_line", 0)
            raw = lines[line - 1].strip() if 0 < line <= len(lines) else ""
            raise VocabularyError(f"{path}:{line}: bad unit definition {raw!r}: pint cannot "
                                  f"read it ({kind})")
    return statements


def _line_of(statements: list[Any], name: str) -> int:
    for st in statements:
        if getattr(st, "name", None) == name:
            return int(getattr(st, "start_line", 0))
    return 0


def load_definitions(path: Path) -> None:
    """Load one pint definitions file into the shared registry, once.

    The file must be UTF-8, each line one that pint reads, each name new, and
    each unit it defines must resolve to units the registry knows; otherwise
    a :class:`~cnquant.vocab.VocabularyError` names the file and the line.
    """
    path = Path(path).resolve()
    with _lock:
        if path in _loaded:
            return
        statements = _statements(path)
        try:
            ureg.load_definitions(str(path))
        except Exception as exc:  # pint raises several types; report the file and line
            line = _line_of(statements, getattr(exc, "name", ""))
            where = f"{path}:{line}" if line else str(path)
            raise VocabularyError(f"{where}: bad unit definition: {exc}") from exc
        _loaded.add(path)
        for st in statements:
            name = getattr(st, "name", None)
            if not isinstance(name, str) or type(st).__name__ != "UnitDefinition":
                continue
            try:
                ureg.get_dimensionality(name)
            except Exception as exc:
                raise VocabularyError(f"{path}:{_line_of(statements, name)}: {name}: bad unit "
                                      f"definition: {exc}") from exc


def unit_problem(expression: str) -> str | None:
    """None if ``expression`` is a unit of :data:`ureg`, else what is wrong with it.

    >>> unit_problem("kilogram / mu") is None
    True
    >>> unit_problem("kilogramme")
    "not a unit of cnquant.ureg ('kilogramme' is not defined in the unit registry)"
    """
    try:
        ureg.parse_units(expression)
    except Exception as exc:
        return f"not a unit of cnquant.ureg ({exc})"
    return None


def _first_party_files() -> list[Path]:
    root = plugins_dir()
    core = [root / "core" / "currencies.txt", root / "core" / "units.txt"]
    others = sorted(p for p in root.glob("*/*.txt") if p not in core)
    return [p for p in core if p.is_file()] + others


def _build() -> Any:
    """The registry; pint keeps its parsed definitions in cnquant's disk cache.

    Reading pint's definition files is most of the cost of ``import cnquant``
    (~0.1 s); pint's own ``cache_folder`` stores the parsed result, keyed by
    the files it read.  Without a usable cache directory, nothing is stored.
    """
    folder = cache_dir("pint")
    if folder is not None:
        try:
            return pint.UnitRegistry(on_redefinition="raise", cache_folder=folder)
        except OSError:  # an unreadable or unwritable cache: build without it
            pass
    return pint.UnitRegistry(on_redefinition="raise")


ureg: Any = _build()
for _path in _first_party_files():
    load_definitions(_path)

#: The energy of one tonne of coal equivalent (吨标准煤): 29.3076 GJ a tonne.
COAL_EQUIVALENT_ENERGY: Any = ureg.Quantity(29.3076, "gigajoule / metric_ton")
