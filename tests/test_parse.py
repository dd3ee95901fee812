"""parse(): one expression in, one Mention out.  Cases from issue 2."""

from __future__ import annotations

import pytest

import cnquant
from cnquant import Approx, ParseError, parse

CASES = [
    # expression, value, low, high, unit, approx, metric, subject
    ("年產(chǎn)10萬噸鋼絲", 100000, None, None, "metric_ton", "exact", "年产", "钢丝"),
    ("50余公頃", 50, None, None, "hectare", "more_than", None, None),
    ("利稅1.3億元", 130000000, None, None, "CNY", "exact", "利税", None),
    ("一千五百九十点四二亿元", 159042000000, None, None, "CNY", "exact", None, None),
    ("约3至5万吨", None, 30000, 50000, "metric_ton", "range", None, None),
    ("0.3个百分点", 0.3, None, None, "percentage_point", "exact", None, None),
    ("64.9%", 64.9, None, None, "percent", "exact", None, None),
]


@pytest.mark.parametrize(("expr", "value", "low", "high", "unit", "approx", "metric",
                          "subject"), CASES, ids=[c[0] for c in CASES])
def test_issue_examples(expr, value, low, high, unit, approx, metric, subject):
    m = parse(expr)
    assert (m.value, m.low, m.high, m.unit, str(m.approx), m.metric, m.subject) == (
        value, low, high, unit, approx, metric, subject)
    assert m.text == expr[m.start:m.end]


def test_period_comes_from_the_indicator():
    assert parse("年產(chǎn)10萬噸鋼絲").per == "year"
    assert parse("利稅1.3億元").per is None


def test_quantity_is_a_pint_quantity_of_the_shared_registry():
    q = parse("50余公頃").quantity
    assert q.to("mu").magnitude == pytest.approx(750)
    assert q._REGISTRY is cnquant.ureg


def test_percentage_points_never_become_percent():
    q = parse("0.3个百分点").quantity
    with pytest.raises(Exception, match="Cannot convert"):
        q.to("percent")


def test_a_date_is_not_a_quantity():
    with pytest.raises(ParseError) as info:
        parse("9月14日")
    assert isinstance(info.value, ValueError)
    assert info.value.position == 0


@pytest.mark.parametrize("text", ["", "总投资", "万万万", "第3位"])
def test_not_a_quantity(text):
    with pytest.raises(ParseError):
        parse(text)


@pytest.mark.parametrize("bad", [None, 3, b"50\xe4\xba\xbf", ["50亿元"]])
def test_non_strings_raise_type_error(bad):
    with pytest.raises(TypeError):
        parse(bad)
    with pytest.raises(TypeError):
        cnquant.extract(bad)


def test_extract_of_nothing_is_empty():
    assert cnquant.extract("") == []


def test_approx_is_a_str_enum():
    m = parse("约3亿元")
    assert m.approx is Approx.ABOUT
    assert m.approx == "about"
    assert m.to_dict()["approx"] == "about"


def test_to_dict_has_exactly_the_interchange_keys():
    d = parse("利稅1.3億元").to_dict()
    assert list(d) == ["start", "end", "text", "value", "low", "high", "unit", "classifier",
                       "approx", "metric", "subject", "per"]


def test_mention_is_frozen():
    m = parse("64.9%")
    with pytest.raises(AttributeError):
        m.value = 1  # type: ignore[misc]


def test_unknown_locale_is_refused():
    with pytest.raises(ValueError, match="locale"):
        cnquant.extract("5元", locale="en-US")


@pytest.mark.parametrize(("expr", "value", "unit", "approx"), [
    ("不超过每吨300元", 300, "CNY/metric_ton", "at_most"),
    ("每吨不超过300元", 300, "CNY/metric_ton", "at_most"),
    ("不超过每股1800元", 1800, "CNY", "at_most"),   # per share: the amount's own unit
    ("每股1800元", 1800, "CNY", "exact"),
])
def test_markers_around_a_rate(expr, value, unit, approx):
    m = parse(expr)
    assert (m.text, m.value, m.unit, str(m.approx)) == (expr, value, unit, approx)


@pytest.mark.parametrize(("expr", "value", "unit"), [
    ("10万t/a", 100000, "metric_ton/year"),   # per annum, as engineering texts write it
    ("5000t/d", 5000, "metric_ton/day"),
    ("5万m3/d", 50000, "cubic_meter/day"),
    ("120km/h", 120, "kilometer/hour"),
    ("32m/s", 32, "meter/second"),
    ("3L/min", 3, "liter/minute"),
    ("600吨/日", 600, "metric_ton/day"),
    # a rate said with 每 after the unit
    ("50000立方米每秒", 50000, "cubic_meter/second"),
    ("80公里每小时", 80, "kilometer/hour"),
    ("30公斤每亩", 30, "kilogram/mu"),
    # a rate per unit and per period, after a dot (rents, capacity prices)
    ("88.6元/平方米·月", 88.6, "CNY/square_meter/month"),
    ("160元/千瓦·年", 160, "CNY/kilowatt/year"),
    # a prefix and the unit after the number that spell one unit (摄氏度)
    ("摄氏5.8度", 5.8, "degree_Celsius"),
    ("華氏100度", 100, "degree_Fahrenheit"),
])
def test_rates_and_units_around_the_number(expr, value, unit):
    m = parse(expr)
    assert (m.text, m.value, m.unit) == (expr, value, unit)


@pytest.mark.parametrize(("text", "expected"), [
    # 每 and a day or more begins what happens each period; the same measure, what
    # happens to each of it
    ("投资5亿元每年新增产值", "5亿元"),
    ("流转土地500亩每亩租金800元", "500亩"),
])
def test_per_after_an_amount_that_begins_a_new_phrase(text, expected):
    assert cnquant.extract(text)[0].text == expected


@pytest.mark.parametrize(("expr", "value", "unit", "classifier", "approx"), [
    ("半个多月", 0.5, "month", None, "more_than"),        # more than half a unit with 个
    ("半个多小时", 0.5, "hour", None, "more_than"),
    ("三四萬蚊", None, "HKD", None, "range"),              # Cantonese 蚊 is a dollar
    ("1,135站次", 1135, "", "站次", "exact"),
    ("180万棒", 1800000, "", "棒", "exact"),              # logs of mushroom culture
    ("86顶", 86, "", "顶", "exact"),
    ("15万组", 150000, "", "组", "exact"),
    ("18.6万车", 186000, "", "车", "exact"),              # carloads
    ("6.8夜", 6.8, "", "夜", "exact"),
    ("千把串", 1000, "", "串", "about"),
    ("百把人", 100, "", "人", "about"),                   # a multiplier alone and 把
    ("三百把", 300, "", "把", "exact"),                   # after a digit 把 counts
    ("数万把", None, "", "把", "vague"),                  # and after a vague word
])
def test_forms_of_speech_and_of_counts(expr, value, unit, classifier, approx):
    m = parse(expr)
    assert (m.text, m.value, m.unit, m.classifier, str(m.approx)) == (
        expr, value, unit, classifier, approx)


@pytest.mark.parametrize("text", ["半个多世纪以来", "半个"])
def test_half_of_one_thing_is_no_count(text):
    assert cnquant.extract(text) == []


@pytest.mark.parametrize(("expr", "low", "high", "unit"), [
    ("約新台幣720元至780元", 720, 780, "TWD"),   # 元 of the second end: the money named first
    ("港币5元至6元", 5, 6, "HKD"),
    ("百分之八至十", 8, 10, "percent"),          # the second end of a share in words
])
def test_ranges_whose_second_end_borrows(expr, low, high, unit):
    m = parse(expr)
    assert (m.text, m.low, m.high, m.unit, str(m.approx)) == (expr, low, high, unit, "range")


def test_a_digit_after_cheng_is_no_second_end():
    assert parse("三成至四成").high == 40
    assert [m.text for m in cnquant.extract("三成至四")] == ["三成"]


def test_digits_before_a_decimal_point_are_no_range():
    """二三.六% (Taiwan papers write numbers digit by digit) is 23.6, not 2 to 3."""
    assert parse("二三.六%").value == 23.6
    assert parse("两三个").low == 2


@pytest.mark.parametrize(("text", "expected"), [
    ("近万只候鸟", [("近万只", 10000, "nearly")]),    # 万 alone after a marker: one of it
    ("超万人参加", [("超万人", 10000, "more_than")]),
    ("万人大会", []),                                # without a marker it is a name
    ("年产值超亿元的企业", []),                       # 亿 alone names a class
])
def test_wan_alone_after_a_marker(text, expected):
    assert [(m.text, m.value, str(m.approx)) for m in cnquant.extract(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("全年营收过10亿元", [("过10亿元", "more_than")]),    # 过 before a number: over it
    ("经过3年的努力", [("3年", "exact")]),                # (经过, 通过, 过去 are words)
    ("最细单位实用面积293方呎", [("293方呎", "exact")]),   # 方呎: a square foot
])
def test_guo_and_fangchi(text, expected):
    assert [(m.text, str(m.approx)) for m in cnquant.extract(text)] == expected
