"""Plugins: where vocabularies come from.

A plugin is a directory of vocabulary files (``plugin.toml`` and any of
``units.toml``, ``units.txt``, ``classifiers.toml``, ``markers.toml``,
``indicators.toml``, ``subjects.toml``, ``names.toml``, ``context.toml``).
It adds data, never code.

* First-party plugins ship with cnquant (the ``plugins/`` directory of the
  repository): ``core`` and the domain vocabularies.  They are always available.
* Third-party plugins are Python distributions that expose one object through
  the entry-point group ``cnquant.plugins``: a :class:`Plugin`, or a module whose
  directory holds the vocabulary files.

Setting the environment variable ``CNQUANT_DISABLE_PLUGIN_AUTOLOAD`` to any
non-empty value turns entry-point discovery off, so that what happens to be
installed on a machine cannot change a result (the tests set it).

>>> names = [p.name for p in available()]
>>> names[0]
'core'
"""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from cnquant._resources import plugins_dir
from cnquant.units import load_definitions, unit_problem
from cnquant.vocab import Vocabulary, VocabularyError, VocabularyPart, merge, read_part

__all__ = [
    "AUTOLOAD_ENV",
    "ENTRY_POINT_GROUP",
    "Plugin",
    "PluginError",
    "available",
    "load_vocabulary",
]

ENTRY_POINT_GROUP = "cnquant.plugins"
AUTOLOAD_ENV = "CNQUANT_DISABLE_PLUGIN_AUTOLOAD"


class PluginError(VocabularyError):
    """A plugin cannot be found or loaded."""


@dataclass(frozen=True)
class Plugin:
    """A vocabulary plugin: a name and the directory of its data files."""

    name: str
    path: Path
    source: str = "first-party"

    @classmethod
    def from_directory(cls, path: str | os.PathLike[str], source: str = "third-party"
                       ) -> Plugin:
        """The plugin whose ``plugin.toml`` is in ``path`` (its name is read from it)."""
        part = _read(Path(path))
        return cls(part.name, Path(path), source)

    @classmethod
    def from_module(cls, module: str | types.ModuleType, subdir: str = "") -> Plugin:
        """The plugin whose files sit next to ``module`` (a package's ``__init__``).

        A third-party package exposes it as its entry point object::

            plugin = Plugin.from_module(__name__)
        """
        mod = sys.modules[module] if isinstance(module, str) else module
        if mod.__file__ is None:
            raise PluginError(f"module {mod.__name__!r} has no file")
        return cls.from_directory(Path(mod.__file__).resolve().parent / subdir)

    def part(self) -> VocabularyPart:
        """The plugin's checked vocabulary."""
        return _read(self.path)

    @property
    def version(self) -> str:
        return self.part().version


@cache
def _read(path: Path) -> VocabularyPart:
    return read_part(path)


def first_party() -> list[Plugin]:
    """The plugins shipped with cnquant, ``core`` first."""
    root = plugins_dir()
    dirs = sorted(d for d in root.iterdir() if (d / "plugin.toml").is_file())
    plugins = [Plugin(_read(d).name, d) for d in dirs]
    plugins.sort(key=lambda p: (p.name != "core", p.name))
    return plugins


def _from_entry_point(ep: metadata.EntryPoint) -> Plugin:
    try:
        obj = ep.load()
    except Exception as exc:
        raise PluginError(f"plugin entry point {ep.name!r} ({ep.value}) failed to load: "
                          f"{exc}") from exc
    dist = getattr(ep, "dist", None)
    source = f"entry point {ep.name} ({dist.name} {dist.version})" if dist else \
        f"entry point {ep.name}"
    if isinstance(obj, Plugin):
        return Plugin(obj.name, obj.path, source)
    if isinstance(obj, types.ModuleType):
        plugin = Plugin.from_module(obj)
        return Plugin(plugin.name, plugin.path, source)
    if isinstance(obj, (str, os.PathLike)):
        return Plugin.from_directory(obj, source)
    raise PluginError(f"plugin entry point {ep.name!r} ({ep.value}) is a "
                      f"{type(obj).__name__}; expected a cnquant.plugins.Plugin, a module "
                      f"or a directory")


def third_party() -> list[Plugin]:
    """Plugins installed through the ``cnquant.plugins`` entry points."""
    if os.environ.get(AUTOLOAD_ENV):
        return []
    eps = metadata.entry_points(group=ENTRY_POINT_GROUP)
    return sorted((_from_entry_point(ep) for ep in eps), key=lambda p: p.name)


def available() -> list[Plugin]:
    """Every plugin that :func:`cnquant.extract` uses: first-party, then installed."""
    found = first_party()
    names = {p.name for p in found}
    for plugin in third_party():
        if plugin.name in names:
            raise PluginError(f"two plugins are called {plugin.name!r}: "
                              f"{plugin.path} ({plugin.source}) and a first-party one")
        names.add(plugin.name)
        found.append(plugin)
    return found


def resolve(plugins: Iterable[str | Plugin] | None) -> list[Plugin]:
    """Plugins by name or object; ``None`` means all available.  Core comes first."""
    if plugins is None:
        chosen = available()
    else:
        known = {p.name: p for p in available()} if any(
            isinstance(p, str) for p in plugins) else {}
        chosen = []
        for p in plugins:
            if isinstance(p, Plugin):
                chosen.append(p)
            elif isinstance(p, str):
                if p not in known:
                    raise PluginError(f"no plugin called {p!r}; available: "
                                      f"{', '.join(sorted(known))}")
                chosen.append(known[p])
            else:
                raise TypeError(f"a plugin is a name or a cnquant.plugins.Plugin, "
                                f"not {type(p).__name__}")
    if not any(p.name == "core" for p in chosen):
        chosen.insert(0, next(p for p in first_party() if p.name == "core"))
    # a plugin's `requires` come with it, before it
    i = 0
    while i < len(chosen):
        names = {p.name for p in chosen}
        for needed in chosen[i].part().requires:
            if needed not in names:
                found = [p for p in available() if p.name == needed]
                if not found:
                    raise PluginError(f"plugin {chosen[i].name!r} requires the plugin "
                                      f"{needed!r}, which is not available")
                chosen.insert(i, found[0])
                break
        else:
            i += 1
    chosen.sort(key=lambda p: p.name != "core")
    seen: set[str] = set()
    unique = []
    for p in chosen:
        if p.name not in seen:
            seen.add(p.name)
            unique.append(p)
    return unique


def load_vocabulary(plugins: Sequence[str | Plugin] | None = None) -> Vocabulary:
    """The merged vocabulary of ``plugins`` (all available when None).

    Loading a plugin also loads its unit definitions into :data:`cnquant.ureg`.
    """
    parts = []
    for plugin in resolve(plugins):
        part = plugin.part()
        for definitions in part.definitions:
            load_definitions(definitions)
        parts.append(part)
    for part in parts:  # after every definition is loaded: units may use another plugin's
        part.check_units(unit_problem)
    return merge(parts)
