"""Helpers for tests that write plugins into temporary directories."""

from __future__ import annotations

import uuid
from pathlib import Path


def write_plugin(root: Path, name: str = "demo", files: dict[str, str | bytes] | None = None,
                 meta: str = "") -> Path:
    """A plugin directory ``root/name`` with a plugin.toml and ``files``.

    ``meta`` is added to plugin.toml (e.g. ``overrides = ["core"]``); a
    ``plugin.toml`` in ``files`` replaces the generated one.
    """
    d = root / name
    d.mkdir(parents=True)
    (d / "plugin.toml").write_text(f'name = "{name}"\nversion = "0.1"\n{meta}', encoding="utf-8")
    for fname, body in (files or {}).items():
        data = body if isinstance(body, bytes) else body.encode("utf-8")
        (d / fname).write_bytes(data)
    return d


def fresh_unit_name(stem: str = "demo") -> str:
    """A pint unit name no test has defined yet (the registry is one per process)."""
    return f"{stem}_{uuid.uuid4().hex[:10]}"
