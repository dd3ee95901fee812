"""Where the package's data lives, installed or in a source checkout.

In a wheel, ``grammars/`` and ``plugins/`` are mapped into the package
(``cnquant/grammars`` and ``cnquant/plugins_data``, see pyproject.toml).  In a
source checkout or an editable install they sit at the top of the repository.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent

__all__ = ["data_path", "grammars_dir", "plugins_dir"]


def _find(installed: str, checkout: str) -> Path:
    for candidate in (_PACKAGE / installed, _PACKAGE.parent / checkout):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"cnquant cannot find its {checkout}/ directory (looked in {_PACKAGE / installed} "
        f"and {_PACKAGE.parent / checkout}); the installation is incomplete"
    )


@lru_cache(maxsize=1)
def grammars_dir() -> Path:
    """The directory of the ``.lark`` files."""
    return _find("grammars", "grammars")


@lru_cache(maxsize=1)
def plugins_dir() -> Path:
    """The directory of the first-party plugins (one sub-directory each)."""
    return _find("plugins_data", "plugins")


def data_path(name: str) -> Path:
    """A file of ``cnquant/data``."""
    return _PACKAGE / "data" / name
