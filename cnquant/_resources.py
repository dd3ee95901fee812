"""Where the package's data lives, installed or in a source checkout.

In a wheel, ``grammars/`` and ``plugins/`` are mapped into the package
(``cnquant/grammars`` and ``cnquant/plugins_data``, see pyproject.toml).  In a
source checkout or an editable install they sit at the top of the repository.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent

__all__ = ["CACHE_ENV", "NO_CACHE_ENV", "cache_dir", "data_path", "grammars_dir", "plugins_dir",
           "prune"]

#: Where compiled grammars and parsed unit definitions are kept between runs.
CACHE_ENV = "CNQUANT_CACHE_DIR"
#: Set to any non-empty value to keep nothing on disk.
NO_CACHE_ENV = "CNQUANT_NO_CACHE"


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


def cache_dir(name: str) -> Path | None:
    """A writable directory for the on-disk cache ``name``, or None (no caching).

    The directory is ``$CNQUANT_CACHE_DIR/name``, by default
    ``$XDG_CACHE_HOME/cnquant/name`` (``~/.cache/cnquant/name``).  The cache
    holds only what cnquant can rebuild from its own files: Lark's parse
    tables (keyed by the grammar text) and pint's parsed definitions (keyed by
    the definition files).  ``CNQUANT_NO_CACHE=1`` turns it off; so does a
    directory that cannot be created.  Only the most recently used compiled
    grammars are kept (see :func:`prune`).
    """
    if os.environ.get(NO_CACHE_ENV):
        return None
    root = os.environ.get(CACHE_ENV)
    if root:
        base = Path(root)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = (Path(xdg) if xdg else Path.home() / ".cache") / "cnquant"
    path = base / name
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK) else None


def prune(directory: Path, keep: int) -> None:
    """Delete all but the ``keep`` most recently used files of ``directory``.

    Every change of the grammar or of the unit definitions (an upgrade, a plugin)
    writes new cache files; the old ones would pile up.

    >>> import tempfile, time
    >>> d = Path(tempfile.mkdtemp())
    >>> for i in range(3):
    ...     _ = (d / f"{i}.pickle").write_bytes(b"x")
    ...     os.utime(d / f"{i}.pickle", (i, i))
    >>> prune(d, keep=2)
    >>> sorted(p.name for p in d.iterdir())
    ['1.pickle', '2.pickle']
    """
    try:
        files = sorted((p for p in directory.iterdir() if p.is_file()),
                       key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[keep:]:
            old.unlink()
    except OSError:  # another process pruned it first, or the directory is read-only
        pass
