"""The plugin contract (issue 5): broken files, conflicts, choosing and discovering plugins.

Every broken-file case names the file, the line and the key it expects in the
message, so a regression in error reporting fails here.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pytest
from plugin_helpers import fresh_unit_name, write_plugin

import cnquant
from cnquant import Extractor
from cnquant._resources import grammars_dir, plugins_dir
from cnquant.plugins import (
    AUTOLOAD_ENV,
    ENTRY_POINT_GROUP,
    Plugin,
    PluginError,
    available,
    load_vocabulary,
    third_party,
)
from cnquant.vocab import PluginConflict, VocabularyError, merge, read_part

IND = '[[indicator]]\nkey = "demo_key"\ngloss = "demo"\nforms = ["演示量"]\n'

# (id, file, content, expected line, expected key or words in the message)
BROKEN: list[tuple[str, str, str | bytes, int, str]] = [
    # plugin.toml
    ("plugin-unknown-key", "plugin.toml", 'name = "demo"\nversion = "1"\nrequire = ["x"]\n',
     3, "require: unknown key"),
    ("plugin-missing-version", "plugin.toml", 'name = "demo"\n', 1,
     "version: missing required key"),
    ("plugin-bad-type", "plugin.toml", 'name = "demo"\nversion = 1\n', 2,
     "version: expected a string, got int"),
    ("plugin-bad-name", "plugin.toml", 'name = "Demo Plugin"\nversion = "1"\n', 1,
     "name: 'Demo Plugin'"),
    ("plugin-syntax", "plugin.toml", 'name = "demo"\nversion = "1\n', 2, "TOML syntax error"),
    # units.toml
    ("units-bad-type", "units.toml", '[[unit]]\nunit = "metric_ton"\naliases = ["吨"]\n\n'
     '[[unit]]\nunit = "kilogram"\nfactor = "1000"\naliases = ["千克"]\n', 7,
     "unit[1].factor: expected a number, got str"),
    ("units-unknown-key", "units.toml", '[[unit]]\nunit = "metric_ton"\nalias = ["吨"]\n', 3,
     "unit[0].alias: unknown key"),
    ("units-bad-kind", "units.toml", '[[unit]]\nunit = "metric_ton"\nkind = "mass"\n'
     'aliases = ["吨"]\n', 3, "unit[0].kind: expected one of measure, currency, time, ratio"),
    ("units-no-alias", "units.toml", '[[unit]]\nunit = "metric_ton"\n', 1,
     "unit[0]: a unit needs `aliases`, `prefix`, `minor` or `per`"),
    ("units-two-meanings", "units.toml", '[[unit]]\nunit = "metric_ton"\naliases = ["吨"]\n\n'
     '[[unit]]\nunit = "kilogram"\naliases = ["噸"]\n', 7,
     "unit[1].aliases[0]: '吨' has two meanings in one plugin"),
    ("units-syntax", "units.toml", '[[unit]\nunit = "metric_ton"\n', 1, "TOML syntax error"),
    ("units-not-utf8", "units.toml", b'[[unit]]\nunit = "metric_ton"\naliases = ["'
     + "噸".encode("big5") + b'"]\n', 3, "not UTF-8"),
    # classifiers.toml
    ("classifiers-bad-type", "classifiers.toml", 'words = ["艘", 7]\n', 1,
     "words[1]: expected a string, got int"),
    ("classifiers-unknown-key", "classifiers.toml", 'words = ["艘"]\nword = ["头"]\n', 2,
     "word: unknown key"),
    ("classifiers-syntax", "classifiers.toml", 'words = ["艘",, "头"]\n', 1,
     "TOML syntax error"),
    # markers.toml
    ("markers-unknown-flag", "markers.toml", '[before]\nabout = ["约"]\nroughly = ["大概"]\n', 3,
     "before.roughly: unknown flag (one of exact, about"),
    ("markers-unknown-position", "markers.toml", '[around]\nabout = ["约"]\n', 1,
     "around: unknown key"),
    ("markers-bad-type", "markers.toml", '[after]\nabout = "左右"\n', 2,
     "after.about: expected a list, got str"),
    # indicators.toml
    ("indicators-bad-type", "indicators.toml", IND + '\n[[indicator]]\nkey = "b"\nforms = "乙"\n',
     8, "indicator[1].forms: expected a list, got str"),
    ("indicators-unknown-key", "indicators.toml", IND + 'periode = "year"\n', 5,
     "indicator[0].periode: unknown key (allowed: key, forms, gloss"),
    ("indicators-bad-period", "indicators.toml", IND + 'period = "decade"\n', 5,
     "indicator[0].period: expected one of year"),
    ("indicators-bad-flag", "indicators.toml", IND + 'weak = "yes"\n', 5,
     "indicator[0].weak: expected true or false, got str"),
    ("indicators-missing-key", "indicators.toml", IND + '\n[[indicator]]\nforms = ["乙"]\n', 6,
     "indicator[1].key: missing required key"),
    ("indicators-no-form", "indicators.toml", IND + '\n[[indicator]]\nkey = "b"\nforms = []\n',
     8, "indicator[1].forms: an indicator needs a form"),
    ("indicators-bad-key", "indicators.toml", '[[indicator]]\nkey = "Demo Key"\nforms = ["甲"]\n',
     2, "indicator[0].key: 'Demo Key'"),
    ("indicators-two-meanings", "indicators.toml",
     IND + '\n[[indicator]]\nkey = "other_key"\nforms = ["乙", "演示量"]\n', 8,
     "indicator[1].forms[1]: '演示量' has two meanings in one plugin"),
    ("indicators-syntax", "indicators.toml", IND + 'period = year\n', 5, "TOML syntax error"),
    ("indicators-not-utf8", "indicators.toml", IND.encode() + b'gloss2 = "\xff"\n', 5,
     "not UTF-8"),
    # subjects.toml, names.toml, context.toml
    ("subjects-bad-type", "subjects.toml", 'words = "粗钢"\n', 1,
     "words: expected a list, got str"),
    ("subjects-not-utf8", "subjects.toml", b"words = [\n  \"" + "粗鋼".encode("big5")
     + b'"]\n', 2, "not UTF-8"),
    ("names-unknown-key", "names.toml", 'names = ["一带一路"]\n', 1, "names: unknown key"),
    ("context-bad-type", "context.toml", 'clause_breaks = ["。"]\nphrase_breaks = ",:"\n', 2,
     "phrase_breaks: expected a list, got str"),
    ("context-empty-word", "context.toml", 'list_links = ["、", ""]\n', 1,
     "list_links[1]: empty string"),
]


@pytest.mark.parametrize(("fname", "content", "line", "what"),
                         [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_a_broken_file_names_its_file_line_and_key(tmp_path, fname, content, line, what):
    d = write_plugin(tmp_path, files={fname: content})
    with pytest.raises(VocabularyError) as info:
        load_vocabulary(["core", Plugin("demo", d)])
    message = str(info.value)
    assert message.startswith(f"{d / fname}:{line}: "), message
    assert what in message


def _definitions_case(kind: str) -> tuple[str | bytes, int, str]:
    name = fresh_unit_name()
    if kind == "undefined-reference":
        return f"# demo units\n{name} = 3 * no_such_unit_here\n", 2, \
            f"{name}: bad unit definition: 'no_such_unit_here' is not defined"
    if kind == "unreadable-line":
        return f"{name} = 3 * kilogram\nthis is not a definition\n", 2, \
            "bad unit definition 'this is not a definition': pint cannot read it"
    if kind == "unclosed-dimension":
        return f"# ok\n\n[{name}\n", 3, "pint cannot read it"
    if kind == "redefinition":
        return f"{name} = 3 * kilogram\njin = 0.6 * kilogram\n", 2, "Cannot redefine 'jin'"
    if kind == "not-utf8":
        return f"{name} = 3 * kilogram\n# ".encode() + "擔".encode("gbk") + b"\n", 2, \
            "not UTF-8"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["undefined-reference", "unreadable-line",
                                  "unclosed-dimension", "redefinition", "not-utf8"])
def test_a_bad_pint_definition_names_its_file_and_line(tmp_path, kind):
    content, line, what = _definitions_case(kind)
    d = write_plugin(tmp_path, files={"units.txt": content})
    with pytest.raises(VocabularyError) as info:
        load_vocabulary(["core", Plugin("demo", d)])
    message = str(info.value)
    assert message.startswith(f"{(d / 'units.txt').resolve()}:{line}: "), message
    assert what in message


def test_a_unit_alias_must_name_a_unit_of_the_registry(tmp_path):
    d = write_plugin(tmp_path, files={"units.toml": '[[unit]]\nunit = "metric_ton"\n'
                                      'aliases = ["吨"]\n\n[[unit]]\nunit = "kilogramme"\n'
                                      'aliases = ["公斤"]\n'})
    with pytest.raises(VocabularyError, match=re.escape(f"{d / 'units.toml'}:6: unit[1].unit: "
                                                         "'kilogramme': not a unit")):
        load_vocabulary(["core", Plugin("demo", d)])


def test_an_unknown_vocabulary_file_is_refused(tmp_path):
    d = write_plugin(tmp_path, files={"indicator.toml": IND})
    with pytest.raises(VocabularyError, match=r"indicator\.toml: unknown vocabulary file"):
        read_part(d)


def test_a_directory_without_plugin_toml_is_not_a_plugin(tmp_path):
    with pytest.raises(VocabularyError, match=r"no plugin\.toml"):
        Plugin.from_directory(tmp_path)


def test_traditional_forms_are_simplified(tmp_path):
    d = write_plugin(tmp_path, files={"indicators.toml": '[[indicator]]\nkey = "port_demo"\n'
                                      'forms = ["貨櫃裝卸量"]\n'})
    assert set(read_part(d).indicators) == {"货柜装卸量"}


# --------------------------------------------------------------------------- conflicts

def _indicator(key: str, form: str, extra: str = "") -> str:
    return f'[[indicator]]\nkey = "{key}"\ngloss = "{key}"\nforms = ["{form}"]\n{extra}'


def test_two_plugins_giving_one_form_two_meanings_is_an_error_naming_both(tmp_path):
    a = write_plugin(tmp_path, "alpha", {"indicators.toml": _indicator("alpha_key", "榨蔗量")})
    b = write_plugin(tmp_path, "beta", {"indicators.toml": _indicator("beta_key", "榨蔗量")})
    with pytest.raises(PluginConflict) as info:
        merge([read_part(a), read_part(b)])
    message = str(info.value)
    assert "'alpha'" in message and "'beta'" in message and "'榨蔗量'" in message
    assert "overrides" in message


def test_a_plugin_conflicting_with_core_names_core(tmp_path):
    d = write_plugin(tmp_path, "gamma", {"units.toml": '[[unit]]\nunit = "kilogram"\n'
                                         'aliases = ["吨"]\n'})
    with pytest.raises(PluginConflict, match=r"plugins 'core' and 'gamma' give the unit alias "
                                             r"'吨' different meanings"):
        load_vocabulary(["core", Plugin("gamma", d)])


def test_one_form_with_one_meaning_in_two_plugins_is_fine(tmp_path):
    a = write_plugin(tmp_path, "alpha", {"indicators.toml": _indicator("cane", "榨蔗量")})
    b = write_plugin(tmp_path, "beta", {"indicators.toml": _indicator("cane", "榨蔗量")})
    assert merge([read_part(a), read_part(b)]).indicators["榨蔗量"].key == "cane"


@pytest.mark.parametrize("order", ["overrider-last", "overrider-first"])
def test_overrides_choose_the_overriding_plugin_whatever_the_order(tmp_path, order):
    a = write_plugin(tmp_path, "alpha", {"indicators.toml": _indicator("alpha_key", "榨蔗量")})
    b = write_plugin(tmp_path, "beta", {"indicators.toml": _indicator("beta_key", "榨蔗量")},
                     meta='overrides = ["alpha"]\n')
    parts = [read_part(a), read_part(b)]
    if order == "overrider-first":
        parts.reverse()
    assert merge(parts).indicators["榨蔗量"].key == "beta_key"


def test_overriding_core_changes_what_the_extractor_reports(tmp_path):
    d = write_plugin(tmp_path, "delta", {"indicators.toml": _indicator("unit_price_demo",
                                                                        "单价")},
                     meta='overrides = ["core"]\n')
    text = "产品单价达500元"
    assert Extractor(plugins=["core"]).extract(text)[0].metric_key == "price"
    assert Extractor(plugins=[Plugin("delta", d)]).extract(text)[0].metric_key == \
        "unit_price_demo"
    # without `overrides` the same plugin is a conflict
    plain = write_plugin(tmp_path, "delta2", {"indicators.toml": _indicator("unit_price_demo",
                                                                            "单价")})
    with pytest.raises(PluginConflict, match="'core' and 'delta2'"):
        Extractor(plugins=[Plugin("delta2", plain)])


def test_plugins_overriding_each_other_is_an_error(tmp_path):
    a = write_plugin(tmp_path, "alpha", {"indicators.toml": _indicator("alpha_key", "榨蔗量")},
                     meta='overrides = ["beta"]\n')
    b = write_plugin(tmp_path, "beta", {"indicators.toml": _indicator("beta_key", "榨蔗量")},
                     meta='overrides = ["alpha"]\n')
    with pytest.raises(PluginConflict, match="override each other"):
        merge([read_part(a), read_part(b)])


def test_one_key_cannot_mean_two_concepts_across_plugins(tmp_path):
    a = write_plugin(tmp_path, "alpha", {"indicators.toml": _indicator("cane", "榨蔗量")})
    b = write_plugin(tmp_path, "beta", {"indicators.toml": _indicator(
        "cane", "年榨蔗量", 'period = "year"\n')})
    with pytest.raises(PluginConflict, match=r"plugins 'alpha' and 'beta' use the indicator "
                                             r"key 'cane' for two concepts"):
        merge([read_part(a), read_part(b)])


def test_a_unit_alias_that_is_a_measure_word_elsewhere_names_both_plugins(tmp_path):
    d = write_plugin(tmp_path, "epsilon", {"classifiers.toml": 'words = ["吨"]\n'})
    with pytest.raises(PluginConflict, match="'吨' is a unit alias in plugin 'core' and a "
                                             "measure word in plugin 'epsilon'"):
        load_vocabulary(["core", Plugin("epsilon", d)])


def test_two_plugins_of_one_name_are_an_error(tmp_path):
    a = write_plugin(tmp_path / "a", "twin")
    b = write_plugin(tmp_path / "b", "twin")
    with pytest.raises(PluginConflict, match="two plugins are called 'twin'"):
        merge([read_part(a), read_part(b)])


# --------------------------------------------------------------------------- a new unit

def test_a_unit_added_by_a_plugin_parses_without_editing_the_grammar(tmp_path):
    unit = fresh_unit_name("dan")
    grammar_before = {p.name: p.read_bytes() for p in grammars_dir().iterdir()}
    d = write_plugin(tmp_path, "sugar_demo", {
        "units.txt": f"{unit} = 50 * kilogram\n",
        "units.toml": f'[[unit]]\nunit = "{unit}"\naliases = ["担"]\n',
        "indicators.toml": _indicator("cane_crushed", "榨蔗量"),
    })
    ex = Extractor(plugins=[Plugin.from_directory(d)])
    [m] = ex.extract("全年榨蔗量3万担")
    assert (m.text, m.value, m.unit, m.metric, m.metric_key) == (
        "3万担", 30000, unit, "榨蔗量", "cane_crushed")
    assert m.quantity.to("metric_ton").magnitude == pytest.approx(1500)
    assert ex.parse("每担120元").unit == f"CNY/{unit}"
    assert {p.name: p.read_bytes() for p in grammars_dir().iterdir()} == grammar_before
    # without the plugin the same text has no quantity in it
    assert Extractor(plugins=["core"]).extract("全年榨蔗量3万担") == []


# --------------------------------------------------------------------------- choosing

def test_extractor_uses_exactly_the_plugins_it_is_given():
    assert Extractor(plugins=["core"]).plugins == ("core",)
    assert Extractor(plugins=["transport"]).plugins == ("core", "transport")
    assert set(Extractor().plugins) == {p.name for p in available()}


def test_choosing_a_plugin_changes_the_indicator_found():
    text = "全国港口完成货物吞吐量102637万吨"
    # core alone knows only 完成, a weak word: the words after it are the metric,
    # without a key; the transport plugin knows the indicator
    core = Extractor(plugins=["core"]).extract(text)[0]
    assert (core.metric, core.metric_key) == ("货物吞吐量", None)
    m = Extractor(plugins=["transport"]).extract(text)[0]
    assert (m.metric, m.metric_key) == ("货物吞吐量", "cargo_throughput")


def test_an_unknown_plugin_name_lists_the_available_ones():
    with pytest.raises(PluginError, match=r"no plugin called 'sugarcane'; available: .*core"):
        Extractor(plugins=["sugarcane"])


def test_a_plugin_is_a_name_or_a_plugin_object():
    with pytest.raises(TypeError, match="a plugin is a name"):
        Extractor(plugins=[Path("plugins/core")])  # type: ignore[list-item]


def test_required_plugins_come_along(tmp_path):
    d = write_plugin(tmp_path, "needs_transport", meta='requires = ["transport"]\n')
    assert Extractor(plugins=[Plugin("needs_transport", d)]).plugins == (
        "core", "transport", "needs_transport")


def test_a_missing_required_plugin_is_an_error(tmp_path):
    d = write_plugin(tmp_path, "needs_ghost", meta='requires = ["ghost"]\n')
    with pytest.raises(PluginError, match="'needs_ghost' requires the plugin 'ghost', which "
                                          "is not available"):
        Extractor(plugins=[Plugin("needs_ghost", d)])


def test_available_lists_every_first_party_directory_core_first():
    found = available()
    dirs = sorted(d.name for d in plugins_dir().iterdir() if (d / "plugin.toml").is_file())
    assert found[0].name == "core"
    assert sorted(p.name for p in found) == dirs
    assert {p.source for p in found} == {"first-party"}


# --------------------------------------------------------------------------- entry points

@pytest.fixture
def installed_plugin(tmp_path, monkeypatch):
    """A distribution on sys.path exposing a plugin through the entry-point group."""
    site = tmp_path / "site"
    pkg = site / "cnquant_demo_ep"
    pkg.mkdir(parents=True)
    unit = fresh_unit_name("ep")
    (pkg / "__init__.py").write_text("from cnquant.plugins import Plugin\n"
                                     "plugin = Plugin.from_module(__name__)\n")
    (pkg / "plugin.toml").write_text('name = "demo_ep"\nversion = "0.3"\n')
    (pkg / "units.txt").write_text(f"{unit} = 2 * kilogram\n")
    (pkg / "units.toml").write_text(f'[[unit]]\nunit = "{unit}"\naliases = ["演示斤"]\n',
                                    encoding="utf-8")
    info = site / "cnquant_demo_ep-0.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: cnquant-demo-ep\n"
                                   "Version: 0.3\n")
    (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\n"
                                           "demo_ep = cnquant_demo_ep:plugin\n")
    monkeypatch.syspath_prepend(str(site))
    importlib.invalidate_caches()
    yield site
    sys.modules.pop("cnquant_demo_ep", None)


def test_entry_points_are_found_unless_the_env_var_is_set(installed_plugin, monkeypatch):
    monkeypatch.delenv(AUTOLOAD_ENV, raising=False)
    [plugin] = [p for p in third_party() if p.name == "demo_ep"]
    assert plugin.source == "entry point demo_ep (cnquant-demo-ep 0.3)"
    assert "demo_ep" in [p.name for p in available()]
    assert Extractor().extract("5演示斤")[0].value == 5
    monkeypatch.setenv(AUTOLOAD_ENV, "1")
    assert third_party() == []
    assert "demo_ep" not in [p.name for p in available()]
    assert Extractor().extract("5演示斤") == []


def test_the_tests_run_without_entry_points():
    import os

    assert os.environ.get(AUTOLOAD_ENV) == "1"  # tests/conftest.py
    assert third_party() == []


def _write_entry_point(site: Path, name: str, value: str) -> None:
    info = site / f"cnquant_{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: cnquant-{name}\n"
                                   "Version: 1.0\n")
    (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\n{name} = {value}\n")


@pytest.mark.parametrize(("value", "what"), [
    ("cnquant_no_such_module:plugin", "failed to load"),
    ("json:dumps", "is a function; expected a cnquant.plugins.Plugin"),
])
def test_a_broken_entry_point_is_a_plugin_error(tmp_path, monkeypatch, value, what):
    _write_entry_point(tmp_path, "broken", value)
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    monkeypatch.delenv(AUTOLOAD_ENV, raising=False)
    with pytest.raises(PluginError, match=f"plugin entry point 'broken' .*{what}"):
        third_party()


def test_an_entry_point_named_like_a_first_party_plugin_is_refused(tmp_path, monkeypatch):
    site = tmp_path / "site"
    d = write_plugin(site, "transport")
    _write_entry_point(site, "transport", "pathlib:Path")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv(AUTOLOAD_ENV, raising=False)
    importlib.invalidate_caches()
    monkeypatch.setattr("cnquant.plugins._from_entry_point",
                        lambda ep: Plugin.from_directory(d, "entry point transport"))
    with pytest.raises(PluginError, match="two plugins are called 'transport'"):
        available()


def test_the_default_extractor_sees_every_available_plugin():
    assert set(cnquant.default_extractor().plugins) == {p.name for p in available()}


# --------------------------------------------------------------------------- command line

def _plugins_json() -> list[dict[str, object]]:
    import io
    import json

    from cnquant.cli import main

    out = io.StringIO()
    assert main(["plugins", "--format", "json"], out=out) == 0
    rows = json.loads(out.getvalue())
    assert isinstance(rows, list)
    return rows


def test_cli_lists_every_plugin_as_json_objects():
    rows = _plugins_json()
    assert [r["name"] for r in rows] == [p.name for p in available()]
    for row in rows:
        part = read_part(plugins_dir() / str(row["name"]))
        assert isinstance(row["version"], str) and row["version"] == part.version
        assert row["units"] == len(part.units) + len(part.prefixes)
        assert row["indicators"] == len({s.key for s in part.indicators.values()})
        assert row["source"] == "first-party"
    assert all(int(str(r["indicators"])) >= 30 for r in rows if r["name"] != "core")


def test_cli_lists_an_installed_plugin_and_its_source(installed_plugin, monkeypatch):
    monkeypatch.delenv(AUTOLOAD_ENV, raising=False)
    [row] = [r for r in _plugins_json() if r["name"] == "demo_ep"]
    assert (row["version"], row["units"], row["indicators"]) == ("0.3", 1, 0)
    assert row["source"] == "entry point demo_ep (cnquant-demo-ep 0.3)"


def test_cli_table_has_a_header_and_a_row_per_plugin():
    import io

    from cnquant.cli import main

    out = io.StringIO()
    assert main(["plugins"], out=out) == 0
    lines = out.getvalue().splitlines()
    assert lines[0].split()[:4] == ["name", "version", "units", "classifiers"]
    assert [line.split()[0] for line in lines[1:]] == [p.name for p in available()]


def test_cli_reports_a_broken_plugin_without_a_traceback(tmp_path, monkeypatch, capsys):
    import io

    from cnquant.cli import main

    site = tmp_path / "site"
    d = write_plugin(site, "broken_cli", {"indicators.toml": 'forms = "x"\n'})
    _write_entry_point(site, "broken_cli", "pathlib:Path")
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv(AUTOLOAD_ENV, raising=False)
    importlib.invalidate_caches()
    monkeypatch.setattr("cnquant.plugins._from_entry_point",
                        lambda ep: Plugin.from_directory(d, "entry point broken_cli"))
    assert main(["plugins"], out=io.StringIO()) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"cnquant: {d / 'indicators.toml'}:1: forms: unknown key")
