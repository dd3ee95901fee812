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
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pint

from cnquant._resources import plugins_dir

__all__ = ["load_definitions", "ureg"]

_lock = threading.Lock()
_loaded: set[Path] = set()


def load_definitions(path: Path) -> None:
    """Load one pint definitions file into the shared registry, once."""
    path = Path(path).resolve()
    with _lock:
        if path in _loaded:
            return
        try:
            ureg.load_definitions(str(path))
        except Exception as exc:  # pint raises several types; report the file
            raise ValueError(f"{path}: bad unit definition: {exc}") from exc
        _loaded.add(path)


def _first_party_files() -> list[Path]:
    root = plugins_dir()
    core = [root / "core" / "currencies.txt", root / "core" / "units.txt"]
    others = sorted(p for p in root.glob("*/*.txt") if p not in core)
    return [p for p in core if p.is_file()] + others


def _build() -> Any:
    return pint.UnitRegistry(on_redefinition="raise")


ureg: Any = _build()
for _path in _first_party_files():
    load_definitions(_path)
