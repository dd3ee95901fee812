"""Generated data agrees with its source (scripts/gen_*.py), and every data file parses.

Each generated file names its generator; these tests regenerate it in memory from the
installed source library and compare, so a stale or hand-edited table fails.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from cnquant import ureg
from cnquant._resources import data_path, plugins_dir

ROOT = Path(__file__).resolve().parent.parent


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_t2s_table_matches_opencc():
    pytest.importorskip("opencc", reason="opencc-python-reimplemented is a dev extra")
    gen = _script("gen_t2s")
    source = gen.opencc_dictionary_dir()
    assert data_path("t2s.tsv").read_text(encoding="utf-8") == gen.render(gen.build(source))
    assert data_path("s2t.tsv").read_text(encoding="utf-8") == gen.render(
        gen.build_s2t(source), "simplified -> traditional")


def test_currencies_match_pycountry():
    pytest.importorskip("pycountry", reason="pycountry is a dev extra")
    gen = _script("gen_currencies")
    assert (plugins_dir() / "core" / "currencies.txt").read_text(encoding="utf-8") == \
        gen.render()


def test_pinyin_syllables_match_pypinyin():
    pytest.importorskip("pypinyin", reason="pypinyin is a dev extra")
    gen = _script("gen_pinyin")
    listed = [s for s in data_path("pinyin.txt").read_text(encoding="utf-8").splitlines()
              if s and not s.startswith("#")]
    assert listed == gen.syllables()


@pytest.mark.parametrize("code", ["CNY", "USD", "EUR", "HKD", "JPY", "GBP", "TWD", "MOP", "KRW"])
def test_every_currency_is_its_own_dimension(code):
    unit = ureg.parse_units(code)
    assert str(unit.dimensionality) == f"[currency_{code}]"


def test_currencies_never_convert():
    with pytest.raises(Exception, match="Cannot convert"):
        ureg.Quantity(1, "CNY").to("USD")


@pytest.mark.parametrize(("unit", "other", "factor"), [
    ("mu", "square_meter", 10000 / 15), ("jin", "kilogram", 0.5), ("liang", "gram", 50),
    ("square_kilometer", "hectare", 100), ("cubic_meter", "liter", 1000),
])
def test_chinese_and_named_units(unit, other, factor):
    assert ureg.Quantity(1, unit).to(other).magnitude == pytest.approx(factor)


def test_multipliers_are_not_units():
    for word in ("万", "亿", "wan", "yi"):
        with pytest.raises(Exception):  # noqa: B017 - pint raises several kinds
            ureg.parse_units(word)


@pytest.mark.parametrize("path", sorted(plugins_dir().glob("*/units.toml")),
                         ids=lambda p: p.parent.name)
def test_no_unit_alias_is_listed_twice(path: Path) -> None:
    """A form names one unit once in a plugin: a copied table would hide an edit to
    its twin (the core plugin listed THB, INR, RUB and CHF twice).  A minor form may
    serve several units (分 is a cent and a minute), so minor forms are not counted."""
    import tomllib

    seen: dict[tuple[str, str], int] = {}
    for table in tomllib.loads(path.read_text(encoding="utf-8"))["unit"]:
        for key in ("aliases", "prefix", "per"):
            for form in table.get(key, []):
                seen[(key, form)] = seen.get((key, form), 0) + 1
    assert [k for k, n in seen.items() if n > 1] == []
