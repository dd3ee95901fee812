"""Vocabulary: the data that plugins contribute, read, checked and merged.

A plugin is a directory of data files (see ``docs/guides/plugins.md``).  Each file is
checked against a schema; a mistake names the file, the key and the line:

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "plugin.toml").write_text('name = "demo"\\nversion = "1"\\n', encoding="utf-8")
>>> _ = (d / "classifiers.toml").write_text('words = ["艘", 7]\\n', encoding="utf-8")
>>> read_part(d)
Traceback (most recent call last):
...
cnquant.vocab.VocabularyError: ...classifiers.toml:1: words[1]: expected a string, got int

Parts are merged into one :class:`Vocabulary`.  Two plugins that give one
surface form two meanings are an error naming both, unless one of them lists
the other under ``overrides`` in its ``plugin.toml``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from cnquant.normalise import to_simplified

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = [
    "FLAGS",
    "IndicatorSense",
    "PluginConflict",
    "UnitSense",
    "Vocabulary",
    "VocabularyError",
    "VocabularyPart",
    "merge",
    "read_part",
]

#: The approximation flags of the mention format, in the order of mentions.md.
FLAGS = ("exact", "about", "more_than", "at_least", "less_than", "at_most",
         "nearly", "range", "vague")
UNIT_KINDS = ("measure", "currency", "time", "ratio")
PERIODS = ("year", "half_year", "quarter", "month", "week", "day", "hour")
DIRECTIONS = ("up", "down")
COMPARISONS = ("yoy", "mom", "qoq", "base", "target", "peer")
MARKER_POSITIONS = ("before", "after", "inner")
#: Marker tables: the positions, and the words after a compared number (比30大).
MARKER_TABLES = (*MARKER_POSITIONS, "compare")
#: Word lists of markers.toml that join or frame numbers, as (table, key) -> name.
CONNECTIVES = {
    ("range", "conjunctions"): "conjunctions",   # 大于10且小于20
    ("between", "before"): "between_before",     # 在3%至5%之间
    ("between", "links"): "between_links",       # 20和30之间
    ("between", "after"): "between_after",
    ("link", "words"): "links",                  # 至少有10个
    ("compare", "words"): "compare_before",      # 比30大
    ("vague", "after_multiplier"): "rough_after",  # 百把人
}


class VocabularyError(ValueError):
    """A vocabulary file is malformed; the message names file, line and key."""


class PluginConflict(VocabularyError):
    """Two plugins give one surface form different meanings."""


# --------------------------------------------------------------------------- schemas

class _Req:
    """Marks a required key in a schema."""

    def __init__(self, spec: Any) -> None:
        self.spec = spec


_STRS = [str]
SCHEMAS: dict[str, dict[str, Any]] = {
    "plugin.toml": {
        "name": _Req(str), "version": _Req(str), "description": str,
        "overrides": _STRS, "requires": _STRS,
    },
    "units.toml": {
        "unit": [{
            "unit": _Req(str), "aliases": _STRS, "prefix": _STRS, "minor": _STRS, "per": _STRS,
            "factor": float, "kind": ("enum", UNIT_KINDS), "locale": {"*": str},
            "context": _STRS,
        }],
    },
    "classifiers.toml": {"words": _STRS},
    "markers.toml": {
        "before": {"*": _STRS}, "after": {"*": _STRS}, "inner": {"*": _STRS},
        "vague": {"alone": _STRS, "before_multiplier": _STRS, "after_multiplier": _STRS},
        "range": {"separators": _STRS, "conjunctions": _STRS},
        "between": {"before": _STRS, "links": _STRS, "after": _STRS},
        "link": {"words": _STRS},
        "compare": {"words": _STRS, "after": {"*": _STRS}},
        "not_markers": {"words": _STRS},
    },
    "indicators.toml": {
        "indicator": [{
            "key": _Req(str), "forms": _Req(_STRS), "gloss": str,
            "period": ("enum", PERIODS), "direction": ("enum", DIRECTIONS),
            "comparison": ("enum", COMPARISONS), "weak": bool, "object": bool,
        }],
    },
    "subjects.toml": {"words": _STRS},
    "names.toml": {"words": _STRS},
    "context.toml": {"*": _STRS},
}


def _type_name(value: Any) -> str:
    return type(value).__name__


def _check(value: Any, spec: Any, path: list[str | int], errors: list[tuple[list[str | int], str]]
           ) -> None:
    if isinstance(spec, _Req):
        spec = spec.spec
    if spec is str:
        if not isinstance(value, str):
            errors.append((path, f"expected a string, got {_type_name(value)}"))
        elif not value:
            errors.append((path, "empty string"))
    elif spec is bool:
        if not isinstance(value, bool):
            errors.append((path, f"expected true or false, got {_type_name(value)}"))
    elif spec is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            errors.append((path, f"expected a number, got {_type_name(value)}"))
    elif isinstance(spec, tuple) and spec[0] == "enum":
        if value not in spec[1]:
            errors.append((path, f"expected one of {', '.join(spec[1])}, got {value!r}"))
    elif isinstance(spec, list):
        if not isinstance(value, list):
            errors.append((path, f"expected a list, got {_type_name(value)}"))
            return
        for i, item in enumerate(value):
            _check(item, spec[0], [*path, i], errors)
    elif isinstance(spec, dict):
        if not isinstance(value, dict):
            errors.append((path, f"expected a table, got {_type_name(value)}"))
            return
        for key, item in value.items():
            sub = spec.get(key, spec.get("*"))
            if sub is None:
                allowed = ", ".join(k for k in spec if k != "*")
                errors.append(([*path, key], f"unknown key (allowed: {allowed})"))
            else:
                _check(item, sub, [*path, key], errors)
        for key, sub in spec.items():
            if isinstance(sub, _Req) and key not in value:
                errors.append(([*path, key], "missing required key"))


def _locate(text: str, path: list[str | int]) -> int:
    """Best-effort line number of ``path`` (keys and indexes) in a TOML text."""
    lines = text.splitlines()
    start, end = 0, len(lines)
    i = 0
    while i < len(path):
        seg = path[i]
        nxt = path[i + 1] if i + 1 < len(path) else None
        if isinstance(seg, str) and isinstance(nxt, int):
            # an array of tables ([[seg]]) or an inline list (seg = [...])
            headers = [n for n in range(start, end)
                       if re.match(rf"\s*\[\[\s*{re.escape(seg)}\s*\]\]", lines[n])]
            if headers:
                if nxt < len(headers):
                    start = headers[nxt]
                    later = [n for n in range(start + 1, end) if re.match(r"\s*\[", lines[n])]
                    end = later[0] if later else end
                i += 2
                continue
        if isinstance(seg, str):
            header = [n for n in range(start, end)
                      if re.match(rf"\s*\[\s*{re.escape(seg)}\s*\]", lines[n])]
            if header:
                start = header[0]
                later = [n for n in range(start + 1, len(lines)) if re.match(r"\s*\[", lines[n])]
                end = later[0] if later else len(lines)
            else:
                keyed = [n for n in range(start, end)
                         if re.match(rf"\s*\"?{re.escape(seg)}\"?\s*=", lines[n])]
                if keyed:
                    start = keyed[0]
        i += 1
    return start + 1


def _dotted(path: list[str | int]) -> str:
    out = ""
    for seg in path:
        out += f"[{seg}]" if isinstance(seg, int) else (f".{seg}" if out else seg)
    return out


def _decode(path: Path) -> str:
    """The text of ``path``; a file that is not UTF-8 is an error naming its line."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise VocabularyError(f"{path}:{line}: not UTF-8 ({exc.reason}: byte "
                              f"0x{data[exc.start]:02x} at offset {exc.start})") from None


def _syntax_line(exc: Exception, text: str) -> int:
    """The line of a TOML syntax error (tomllib writes it into the message)."""
    lineno = getattr(exc, "lineno", None)  # Python 3.14 sets it
    if isinstance(lineno, int):
        return lineno
    m = re.search(r"at line (\d+)", str(exc))
    return int(m.group(1)) if m else max(1, len(text.splitlines()))


def _load_toml(path: Path) -> dict[str, Any]:
    text = _decode(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise VocabularyError(f"{path}:{_syntax_line(exc, text)}: TOML syntax error: "
                              f"{exc}") from None
    errors: list[tuple[list[str | int], str]] = []
    _check(data, SCHEMAS[path.name], [], errors)
    if errors:
        where, what = errors[0]
        raise VocabularyError(f"{path}:{_locate(text, where)}: {_dotted(where)}: {what}")
    result: dict[str, Any] = data
    return result


def _error_at(path: Path, where: list[str | int], what: str) -> VocabularyError:
    """An error naming the file, the line and the key of ``where``."""
    line = _locate(_decode(path), where)
    return VocabularyError(f"{path}:{line}: {_dotted(where)}: {what}")


# --------------------------------------------------------------------------- senses

@dataclass(frozen=True)
class UnitSense:
    """What a unit alias means."""

    unit: str
    factor: Decimal = Decimal(1)
    kind: str = "measure"
    locale: tuple[tuple[str, str], ...] = ()
    context: tuple[str, ...] = ()
    plugin: str = "core"

    def for_locale(self, locale: str) -> str:
        """The unit this alias means in ``locale`` (元 is TWD in zh-TW)."""
        return dict(self.locale).get(locale, self.unit)

    def meaning(self) -> tuple[str, Decimal, str, tuple[tuple[str, str], ...],
                               tuple[str, ...]]:
        return (self.unit, self.factor, self.kind, self.locale, self.context)


@dataclass(frozen=True)
class IndicatorSense:
    """What an indicator form means: a stable key, an English gloss, its period."""

    form: str
    key: str
    gloss: str = ""
    period: str | None = None
    direction: str | None = None
    comparison: str | None = None
    weak: bool = False
    #: a verb whose object, written between it and the number, belongs to the metric
    #: (共有脱贫户2.35万户: 共有脱贫户)
    object: bool = False
    plugin: str = "core"

    def meaning(self) -> tuple[str, str | None, str | None, str | None, bool, bool]:
        return (self.key, self.period, self.direction, self.comparison, self.weak,
                self.object)


@dataclass
class VocabularyPart:
    """What one plugin directory contributes, already checked and simplified."""

    name: str
    version: str
    path: Path
    description: str = ""
    overrides: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    definitions: list[Path] = field(default_factory=list)
    units: dict[str, UnitSense] = field(default_factory=dict)
    prefixes: dict[str, UnitSense] = field(default_factory=dict)
    minor: dict[str, list[UnitSense]] = field(default_factory=dict)
    per: dict[str, UnitSense] = field(default_factory=dict)
    classifiers: set[str] = field(default_factory=set)
    markers: dict[str, dict[str, str]] = field(default_factory=dict)  # position -> form -> flag
    vague: set[str] = field(default_factory=set)
    vague_mult: set[str] = field(default_factory=set)
    separators: set[str] = field(default_factory=set)
    not_markers: set[str] = field(default_factory=set)
    connectives: dict[str, set[str]] = field(default_factory=dict)
    indicators: dict[str, IndicatorSense] = field(default_factory=dict)
    subjects: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    context: dict[str, set[str]] = field(default_factory=dict)
    # where each pint unit expression of units.toml is written (for error messages)
    unit_keys: dict[str, list[str | int]] = field(default_factory=dict)

    def check_units(self, problem: Callable[[str], str | None]) -> None:
        """Check every unit expression of ``units.toml`` with ``problem``.

        ``problem(expression)`` returns None when the expression is a unit (of
        the registry the caller knows), or what is wrong with it; the error
        names the file, the line and the key:

        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (d / "plugin.toml").write_text('name = "demo"\\nversion = "1"\\n')
        >>> _ = (d / "units.toml").write_text(
        ...     '[[unit]]\\nunit = "metric_ton"\\naliases = ["吨"]\\n\\n'
        ...     '[[unit]]\\nunit = "kilogramme"\\naliases = ["公斤"]\\n', encoding="utf-8")
        >>> read_part(d).check_units(lambda u: None if u != "kilogramme" else "unknown unit")
        Traceback (most recent call last):
        ...
        cnquant.vocab.VocabularyError: ...units.toml:6: unit[1].unit: 'kilogramme': unknown unit
        """
        for expression, where in self.unit_keys.items():
            what = problem(expression)
            if what is not None:
                raise _error_at(self.path / "units.toml", where, f"{expression!r}: {what}")


def _norm(word: str) -> str:
    return to_simplified(word)


def read_part(directory: Path) -> VocabularyPart:
    """Read and check one plugin directory.

    Every surface form is simplified (traditional forms are normalised), every
    file is checked against its schema, and one form given two meanings inside
    the plugin is an error.
    """
    directory = Path(directory)
    meta_path = directory / "plugin.toml"
    if not meta_path.is_file():
        raise VocabularyError(f"{directory}: no plugin.toml")
    meta = _load_toml(meta_path)
    part = VocabularyPart(
        name=meta["name"], version=meta["version"], path=directory,
        description=meta.get("description", ""), overrides=tuple(meta.get("overrides", ())),
        requires=tuple(meta.get("requires", ())),
    )
    if not re.fullmatch(r"[a-z][a-z0-9_-]*", part.name):
        raise _error_at(meta_path, ["name"], f"{part.name!r}: a plugin name is lower-case "
                        "ASCII letters, digits, '-' and '_'")
    for extra in sorted(p.name for p in directory.glob("*.toml") if p.name not in SCHEMAS):
        raise VocabularyError(f"{directory / extra}: unknown vocabulary file "
                              f"(known: {', '.join(sorted(SCHEMAS))})")
    # every *.txt is a pint definitions file; units.txt first
    part.definitions.extend(sorted(directory.glob("*.txt"), key=lambda p: p.name != "units.txt"))

    def load(name: str) -> dict[str, Any] | None:
        path = directory / name
        return _load_toml(path) if path.is_file() else None

    if (data := load("units.toml")) is not None:
        path = directory / "units.toml"
        for i, entry in enumerate(data.get("unit", [])):
            sense = UnitSense(
                unit=entry["unit"], factor=Decimal(str(entry.get("factor", 1))),
                kind=entry.get("kind", "measure"),
                locale=tuple(sorted(entry.get("locale", {}).items())),
                context=tuple(sorted(_norm(w) for w in entry.get("context", []))),
                plugin=part.name,
            )
            part.unit_keys.setdefault(sense.unit, ["unit", i, "unit"])
            for loc, unit in sense.locale:
                part.unit_keys.setdefault(unit, ["unit", i, "locale", loc])
            if not any(entry.get(k) for k in ("aliases", "prefix", "minor", "per")):
                raise _error_at(path, ["unit", i],
                                "a unit needs `aliases`, `prefix`, `minor` or `per`")
            for table, key in ((part.units, "aliases"), (part.prefixes, "prefix"),
                               (part.per, "per")):
                for j, alias in enumerate(entry.get(key, [])):
                    _add(table, _norm(alias), sense, path, ["unit", i, key, j])
            for alias in entry.get("minor", []):
                # one minor form may mean several units (分: a cent or a minute)
                part.minor.setdefault(_norm(alias), []).append(sense)
    if (data := load("classifiers.toml")) is not None:
        part.classifiers.update(_norm(w) for w in data.get("words", []))
    if (data := load("markers.toml")) is not None:
        path = directory / "markers.toml"
        for position in MARKER_POSITIONS:
            for flag, words in data.get(position, {}).items():
                if flag not in FLAGS:
                    raise _error_at(path, [position, flag],
                                    f"unknown flag (one of {', '.join(FLAGS)})")
                flags = part.markers.setdefault(position, {})
                for j, word in enumerate(words):
                    _add(flags, _norm(word), flag, path, [position, flag, j])
        part.vague.update(_norm(w) for w in data.get("vague", {}).get("alone", []))
        vague = data.get("vague", {})
        part.vague_mult.update(_norm(w) for w in vague.get("before_multiplier", []))
        part.separators.update(_norm(w) for w in data.get("range", {}).get("separators", []))
        part.not_markers.update(_norm(w) for w in data.get("not_markers", {}).get("words", []))
        for (section, list_key), name in CONNECTIVES.items():
            listed = data.get(section, {}).get(list_key, [])
            part.connectives.setdefault(name, set()).update(_norm(w) for w in listed)
        for flag, words in data.get("compare", {}).get("after", {}).items():
            if flag not in FLAGS:
                raise _error_at(path, ["compare", "after", flag],
                                f"unknown flag (one of {', '.join(FLAGS)})")
            flags = part.markers.setdefault("compare", {})
            for j, word in enumerate(words):
                _add(flags, _norm(word), flag, path, ["compare", "after", flag, j])
    if (data := load("indicators.toml")) is not None:
        path = directory / "indicators.toml"
        for i, entry in enumerate(data.get("indicator", [])):
            if not entry["forms"]:
                raise _error_at(path, ["indicator", i, "forms"], "an indicator needs a form")
            if not re.fullmatch(r"[a-z][a-z0-9_]*", entry["key"]):
                raise _error_at(path, ["indicator", i, "key"],
                                f"{entry['key']!r}: a key is snake_case ASCII")
            for j, form in enumerate(entry["forms"]):
                indicator = IndicatorSense(
                    form=_norm(form), key=entry["key"], gloss=entry.get("gloss", ""),
                    period=entry.get("period"), direction=entry.get("direction"),
                    comparison=entry.get("comparison"), weak=entry.get("weak", False),
                    object=entry.get("object", False), plugin=part.name,
                )
                _add(part.indicators, indicator.form, indicator, path,
                     ["indicator", i, "forms", j])
    if (data := load("subjects.toml")) is not None:
        part.subjects.update(_norm(w) for w in data.get("words", []))
    if (data := load("names.toml")) is not None:
        part.names.update(_norm(w) for w in data.get("words", []))
    if (data := load("context.toml")) is not None:
        for key, words in data.items():
            part.context.setdefault(key, set()).update(_norm(w) for w in words)
    return part


def _meaning(value: Any) -> Any:
    return value.meaning() if hasattr(value, "meaning") else value


def _add(table: dict[str, Any], form: str, value: Any, path: Path,
         where: list[str | int]) -> None:
    old = table.get(form)
    if old is not None and _meaning(old) != _meaning(value):
        raise _error_at(path, where, f"{form!r} has two meanings in one plugin "
                        f"({_meaning(old)!r} and {_meaning(value)!r})")
    table[form] = value


# --------------------------------------------------------------------------- merged

@dataclass
class Vocabulary:
    """The merged vocabulary of a set of plugins."""

    parts: tuple[VocabularyPart, ...]
    units: dict[str, UnitSense]
    prefixes: dict[str, UnitSense]
    classifiers: frozenset[str]
    markers: dict[str, dict[str, str]]
    vague: frozenset[str]
    vague_mult: frozenset[str]
    separators: frozenset[str]
    not_markers: frozenset[str]
    indicators: dict[str, IndicatorSense]
    subjects: frozenset[str]
    names: frozenset[str]
    context: dict[str, frozenset[str]]
    connectives: dict[str, frozenset[str]] = field(default_factory=dict)
    #: forms read only as the smaller part of a compound (5元3角, 3小时20分), each
    #: with the units it may mean; the compound picks the one of its dimension
    minor: dict[str, tuple[UnitSense, ...]] = field(default_factory=dict)
    #: forms read only as the denominator of a rate (吨/日, 元/月): alone, 日 and
    #: 月 are dates
    per: dict[str, UnitSense] = field(default_factory=dict)

    @property
    def plugin_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.parts)

    def connective(self, name: str) -> frozenset[str]:
        """A word list of markers.toml that joins or frames numbers (see CONNECTIVES)."""
        return self.connectives.get(name, frozenset())

    @property
    def links(self) -> frozenset[str]:
        """Verbs between a before-marker and its number (至少有10个)."""
        return self.connective("links")

    def words(self, key: str) -> frozenset[str]:
        """A word list of the context vocabulary (empty if no plugin gives it)."""
        return self.context.get(key, frozenset())


def _merge_table(target: dict[str, Any], owner: dict[str, str], source: Mapping[str, Any],
                 part: VocabularyPart, overrides: Mapping[str, tuple[str, ...]], what: str) -> None:
    for form, value in source.items():
        if form in target and _meaning(target[form]) != _meaning(value):
            other = owner[form]
            mine = other in part.overrides
            theirs = part.name in overrides.get(other, ())
            if mine and theirs:
                raise PluginConflict(
                    f"plugins {other!r} and {part.name!r} override each other and give the "
                    f"{what} {form!r} different meanings; only one may override the other")
            if theirs:
                continue  # the plugin that overrides wins, whatever the order
            if not mine:
                raise PluginConflict(
                    f"plugins {other!r} and {part.name!r} give the {what} {form!r} different "
                    f"meanings ({_meaning(target[form])!r} and {_meaning(value)!r}); list one "
                    f"under `overrides` in the other's plugin.toml to choose"
                )
        target[form] = value
        owner[form] = part.name


def _check_keys(indicators: Mapping[str, IndicatorSense]) -> None:
    """One key, one concept: every form of a key has the same period, direction,
    comparison, weakness and object, whichever plugin gives it."""
    first: dict[str, IndicatorSense] = {}
    for sense in indicators.values():
        seen = first.setdefault(sense.key, sense)
        if seen.meaning() != sense.meaning():
            who = (f"plugins {seen.plugin!r} and {sense.plugin!r} use" if seen.plugin !=
                   sense.plugin else f"plugin {sense.plugin!r} uses")
            raise PluginConflict(
                f"{who} the indicator key {sense.key!r} for two concepts: {seen.form!r} "
                f"is {seen.meaning()[1:]!r} and {sense.form!r} is {sense.meaning()[1:]!r} "
                "(period, direction, comparison, weak, object)")


def _merge_minor(parts: tuple[VocabularyPart, ...]) -> dict[str, tuple[UnitSense, ...]]:
    merged: dict[str, dict[Any, UnitSense]] = {}
    for part in parts:
        for form, senses in part.minor.items():
            for sense in senses:
                merged.setdefault(form, {}).setdefault(sense.meaning(), sense)
    return {form: tuple(senses.values()) for form, senses in merged.items()}


def merge(parts: Iterable[VocabularyPart]) -> Vocabulary:
    """Merge plugin parts, in order, into one vocabulary.

    A surface form given two meanings by two plugins is a :class:`PluginConflict`
    naming both, unless one lists the other under ``overrides`` (then its meaning
    wins, whatever the order).  Word lists (measure words, subjects, names,
    context words) are unions.

    >>> import tempfile, pathlib
    >>> def plugin(name, key, meta=""):
    ...     d = pathlib.Path(tempfile.mkdtemp()) / name
    ...     d.mkdir()
    ...     _ = (d / "plugin.toml").write_text(f'name = "{name}"\\nversion = "1"\\n{meta}')
    ...     _ = (d / "indicators.toml").write_text(
    ...         f'[[indicator]]\\nkey = "{key}"\\nforms = ["产糖量"]\\n', encoding="utf-8")
    ...     return read_part(d)
    >>> merge([plugin("sugar", "sugar_output"), plugin("beet", "beet_sugar")])
    Traceback (most recent call last):
    ...
    cnquant.vocab.PluginConflict: plugins 'sugar' and 'beet' give the indicator '产糖量' ...
    >>> beet = plugin("beet", "beet_sugar", 'overrides = ["sugar"]')
    >>> merge([beet, plugin("sugar", "sugar_output")]).indicators["产糖量"].key
    'beet_sugar'
    """
    parts = tuple(parts)
    overrides = {p.name: p.overrides for p in parts}
    seen: set[str] = set()
    units: dict[str, UnitSense] = {}
    prefixes: dict[str, UnitSense] = {}
    indicators: dict[str, IndicatorSense] = {}
    markers: dict[str, dict[str, str]] = {pos: {} for pos in MARKER_TABLES}
    owners: dict[str, dict[str, str]] = {}
    classifiers: dict[str, str] = {}  # measure word -> the first plugin that gives it
    context: dict[str, set[str]] = {}
    for part in parts:
        if part.name in seen:
            raise PluginConflict(f"two plugins are called {part.name!r} ({part.path})")
        seen.add(part.name)
        _merge_table(units, owners.setdefault("units", {}), part.units, part, overrides,
                     "unit alias")
        _merge_table(prefixes, owners.setdefault("prefixes", {}), part.prefixes, part,
                     overrides, "unit prefix")
        _merge_table(indicators, owners.setdefault("indicators", {}), part.indicators, part,
                     overrides, "indicator")
        for pos, table in part.markers.items():
            _merge_table(markers[pos], owners.setdefault("markers." + pos, {}), table, part,
                         overrides, f"{pos} marker")
        for word in sorted(part.classifiers):
            classifiers.setdefault(word, part.name)
        for key, words in part.context.items():
            context.setdefault(key, set()).update(words)
    clash = sorted(set(units) & set(classifiers))
    if clash:
        form = clash[0]
        raise PluginConflict(f"{form!r} is a unit alias in plugin {owners['units'][form]!r} "
                             f"and a measure word in plugin {classifiers[form]!r}; a surface "
                             "form must have one meaning")
    _check_keys(indicators)
    return Vocabulary(
        parts=parts, units=units, prefixes=prefixes, classifiers=frozenset(classifiers),
        markers=markers,
        vague=frozenset().union(*(p.vague for p in parts)),
        vague_mult=frozenset().union(*(p.vague_mult for p in parts)),
        separators=frozenset().union(*(p.separators for p in parts)),
        not_markers=frozenset().union(*(p.not_markers for p in parts)),
        connectives={name: frozenset().union(*(p.connectives.get(name, set()) for p in parts))
                     for name in CONNECTIVES.values()},
        minor=_merge_minor(parts),
        per={form: sense for part in reversed(parts) for form, sense in part.per.items()},
        indicators=indicators,
        subjects=frozenset().union(*(p.subjects for p in parts)),
        names=frozenset().union(*(p.names for p in parts)),
        context={k: frozenset(v) for k, v in context.items()},
    )
