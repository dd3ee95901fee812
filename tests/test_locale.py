"""Issue 4: what a bare 元 and 兆 mean depends on where the text comes from."""

from __future__ import annotations

import pytest

from cnquant import extract, parse


@pytest.mark.parametrize(("locale", "unit"), [("zh-CN", "CNY"), ("zh-TW", "TWD"),
                                              ("zh-HK", "HKD")])
def test_bare_yuan_follows_the_locale(locale, unit):
    (m,) = extract("投資50億元", locale=locale)
    assert (m.value, m.unit) == (5_000_000_000, unit)


@pytest.mark.parametrize("locale", ["zh-CN", "zh-TW", "zh-HK"])
@pytest.mark.parametrize(("text", "unit"), [("港元50億", "HKD"), ("50億港元", "HKD"),
                                            ("新台幣50億元", "TWD"), ("人民幣50億元", "CNY"),
                                            ("50億美元", "USD")])
def test_explicit_currencies_never_change(locale, text, unit):
    ms = extract(text, locale=locale)
    assert [m.unit for m in ms] == [unit]


def test_zhao_is_a_trillion_in_money():
    (m,) = extract("累計吸引1兆2,922億元投資", locale="zh-TW")
    assert (m.value, m.unit) == (1_292_200_000_000, "TWD")


def test_zhao_is_mega_in_units():
    assert parse("300兆瓦").unit == "megawatt"
    assert parse("300兆瓦").value == 300


def test_parse_takes_a_locale():
    assert parse("50元", locale="zh-TW").unit == "TWD"
