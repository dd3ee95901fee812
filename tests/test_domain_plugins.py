"""The first-party domain plugins: their data holds together, and each reads its trade.

Each sentence is written the way the trade's news writes it (communiqués,
earnings reports, port and power statistics, village reports).  Each case runs
with ``core`` and the one plugin only, so it shows what that plugin adds; a
case that core alone already gets right proves nothing about the plugin, and
``test_the_plugin_is_what_reads_the_sentence`` checks that it does not.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from cnquant import Extractor, Mention
from cnquant._resources import plugins_dir
from cnquant.plugins import available, load_vocabulary
from cnquant.vocab import read_part

DOMAINS = ("agriculture", "energy", "finance", "industry", "macro", "realestate", "transport")
MIN_KEYS = 30


@cache
def extractor(*plugins: str) -> Extractor:
    """An extractor with core and ``plugins``; with none named, every plugin."""
    return Extractor(plugins=list(plugins) or None)


# (plugin, sentence, mention text, value, unit, metric contains, metric_key)
CASES: list[tuple[str, str, str, Any, str, str, str]] = [
    # ---------------------------------------------------------------- transport
    ("transport", "一季度全国港口完成货物吞吐量38.6亿吨,同比增长6.9%。", "38.6亿吨", 3860000000,
     "metric_ton", "货物吞吐量", "cargo_throughput"),
    ("transport", "其中外贸货物吞吐量11.5亿吨,同比增长9.1%。", "11.5亿吨", 1150000000,
     "metric_ton", "外贸货物吞吐量", "foreign_trade_cargo_throughput"),
    ("transport", "宁波舟山港全年完成集装箱吞吐量3530万标准箱。", "3530万标准箱", 35300000, "",
     "集装箱吞吐量", "container_throughput"),
    ("transport", "上海港集装箱吞吐量達4730萬TEU。", "4730萬TEU", 47300000, "", "集装箱吞吐量",
     "container_throughput"),
    ("transport", "春运40天全国铁路累计发送旅客4.8亿人次。", "4.8亿人次", 480000000, "",
     "发送旅客", "passenger_volume"),
    ("transport", "1-6月全省完成货运量13.2亿吨,货物周转量2865亿吨公里。", "2865亿吨公里",
     286500000000, "tonne_kilometer", "货物周转量", "freight_turnover"),
    ("transport", "全年旅客周转量达到1.2万亿人公里。", "1.2万亿人公里", 1200000000000,
     "passenger_kilometer", "旅客周转量", "passenger_turnover"),
    ("transport", "白云机场全年旅客吞吐量6328万人次,货邮吞吐量203万吨。", "203万吨", 2030000,
     "metric_ton", "货邮吞吐量", "airport_cargo_throughput"),
    ("transport", "该线路全长89.5公里,设计时速350公里。", "89.5公里", 89.5, "kilometer", "全长",
     "route_length"),
    ("transport", "截至年底全省高速公路通车里程达8336公里。", "8336公里", 8336, "kilometer",
     "高速公路通车里程", "expressway_length"),
    ("transport", "今年以来累计开行中欧班列1.2万列。", "1.2万列", 12000, "", "中欧班列",
     "freight_train_trips"),
    ("transport", "全年快递业务量完成1320.7亿件,同比增长19.4%。", "1320.7亿件", 132070000000, "",
     "快递业务量", "express_volume"),
    # ---------------------------------------------------------------- energy
    ("energy", "项目总装机容量300MW,预计年发电量89万MW.h。", "89万MW.h", 890000,
     "megawatt_hour", "年发电量", "power_generation"),
    ("energy", "华能风电场总装机容量达到49.5万千瓦。", "49.5万千瓦", 495000, "kilowatt",
     "装机容量", "installed_capacity"),
    ("energy", "今年全省新增装机1200万千瓦,其中光伏装机680万千瓦。", "680万千瓦", 6800000,
     "kilowatt", "光伏装机", "solar_capacity"),
    ("energy", "1-8月全社会用电量6.13万亿千瓦时,同比增长5.0%。", "6.13万亿千瓦时",
     6130000000000, "kilowatt_hour", "全社会用电量", "power_consumption"),
    ("energy", "项目建成后每年可节约标准煤27万吨,减排二氧化碳70万吨。", "70万吨", 700000,
     "metric_ton", "减排二氧化碳", "emission_reduction"),
    ("energy", "该机组供电煤耗降至270克标准煤/千瓦时。", "270克标准煤/千瓦时", 270,
     "gram_of_coal_equivalent/kilowatt_hour", "供电煤耗", "coal_consumption_rate"),
    ("energy", "西气东输年输气能力达到770亿标准立方米。", "770亿标准立方米", 77000000000,
     "cubic_meter", "输气能力", "gas_supply"),
    ("energy", "上半年规模以上工业原煤产量23亿吨,同比增长4.4%。", "23亿吨", 2300000000,
     "metric_ton", "原煤产量", "coal_output"),
    ("energy", "新建变电站一座,新增变电容量180万千伏安。", "180万千伏安", 1800000,
     "kilovolt_ampere", "变电容量", "substation_capacity"),
    ("energy", "电网最高用电负荷突破1.1亿千瓦。", "突破1.1亿千瓦", 110000000, "kilowatt",
     "最高用电负荷", "peak_load"),
    # ---------------------------------------------------------------- agriculture
    ("agriculture", "全国粮食播种面积118969千公顷(178453万亩),比上年增加636千公顷。",
     "118969千公顷", 118969000, "hectare", "粮食播种面积", "grain_sown_area"),
    ("agriculture", "全国粮食单位面积产量5845公斤/公顷(390公斤/亩)。", "390公斤/亩", 390,
     "kilogram/mu", "单位面积产量", "yield_per_area"),
    ("agriculture", "经专家实收测产,示范田平均亩产1251.5公斤。", "1251.5公斤", 1251.5,
     "kilogram", "亩产", "yield_per_area"),
    ("agriculture", "全国夏粮总产量14613万吨,比上年增加25.3亿斤。", "14613万吨", 146130000,
     "metric_ton", "夏粮总产量", "seasonal_grain_output"),
    ("agriculture", "二季度末生猪存栏43065万头,同比下降2.9%。", "43065万头", 430650000, "",
     "生猪存栏", "livestock_inventory"),
    ("agriculture", "上半年全省生猪出栏2650万头。", "2650万头", 26500000, "", "生猪出栏",
     "livestock_slaughtered"),
    ("agriculture", "全县今年新建高标准农田12.6万亩。", "12.6万亩", 126000, "mu",
     "高标准农田", "high_standard_farmland"),
    ("agriculture", "全年农村居民人均可支配收入21691元,增长7.7%。", "21691元", 21691, "CNY",
     "农村居民人均可支配收入", "rural_per_capita_disposable_income"),
    ("agriculture", "全国农作物耕种收综合机械化率超过73%。", "超过73%", 73, "percent",
     "综合机械化率", "mechanization_rate"),
    ("agriculture", "全市水产品产量达到52.3万吨。", "52.3万吨", 523000, "metric_ton",
     "水产品产量", "aquatic_output"),
    # ---------------------------------------------------------------- industry
    ("industry", "1-7月全国粗钢产量6.2亿吨,同比下降0.3%。", "6.2亿吨", 620000000, "metric_ton",
     "粗钢产量", "steel_output"),
    ("industry", "公司电池产能达到50GWh,产能利用率为85%。", "85%", 85, "percent",
     "产能利用率", "capacity_utilization"),
    ("industry", "该基地设计产能120万辆。", "120万辆", 1200000, "", "设计产能",
     "production_capacity"),
    ("industry", "今年已淘汰落后产能钢铁300万吨。", "300万吨", 3000000, "metric_ton",
     "淘汰落后产能", "capacity_cut"),
    ("industry", "上半年全市新能源汽车产量35.6万辆,增长1.2倍。", "35.6万辆", 356000, "",
     "新能源汽车产量", "new_energy_vehicle_output"),
    ("industry", "高技术制造业增加值增长8.9%,快于规模以上工业2.3个百分点。", "8.9%", 8.9,
     "percent", "增长", "growth"),
    ("industry", "全市规模以上工业企业实现利润总额1120亿元。", "1120亿元", 112000000000, "CNY",
     "利润总额", "industrial_profit"),
    ("industry", "全年研发经费投入312亿元,研发投入强度达到2.8%。", "2.8%", 2.8, "percent",
     "研发投入强度", "rd_intensity"),
    ("industry", "全省累计建成5G基站16.8万个。", "16.8万个", 168000, "", "5G基站",
     "digital_infrastructure"),
    ("industry", "中国造船完工量2113万载重吨,新接订单量3766万载重吨。", "3766万载重吨",
     37660000, "metric_ton", "新接订单量", "shipbuilding"),
    # ---------------------------------------------------------------- real estate
    ("realestate", "1—8月份全国房地产开发投资90809亿元,同比下降7.4%。", "90809亿元",
     9080900000000, "CNY", "房地产开发投资", "real_estate_investment"),
    ("realestate", "房地产开发企业房屋施工面积868649万平方米。", "868649万平方米",
     8686490000, "square_meter", "施工面积", "floor_space_under_construction"),
    ("realestate", "其中住宅新开工面积62414万平方米,下降38.1%。", "62414万平方米", 624140000,
     "square_meter", "住宅新开工面积", "residential_floor_space_started"),
    ("realestate", "商品房銷售面積689.43萬平方公尺,下降21.4%。", "689.43萬平方公尺", 6894300,
     "square_meter", "商品房销售面积", "floor_space_sold"),
    ("realestate", "商品房销售额85870亿元,下降27.9%。", "85870亿元", 8587000000000, "CNY",
     "商品房销售额", "property_sales"),
    ("realestate", "本月新建商品住宅成交均价为32150元/平方米。", "32150元/平方米", 32150,
     "CNY/square_meter", "成交均价", "average_selling_price"),
    ("realestate", "该地块最终以楼面价15800元/平方米成交,溢价率14.8%。", "14.8%", 14.8,
     "percent", "溢价率", "land_premium_rate"),
    ("realestate", "全年计划筹集保障性租赁住房3.5万套。", "3.5万套", 35000, "",
     "保障性租赁住房", "affordable_housing"),
    ("realestate", "项目地上建筑面积12.6万平方米,容积率2.5。", "12.6万平方米", 126000,
     "square_meter", "地上建筑面积", "above_ground_floor_area"),
    ("realestate", "截至8月末商品房待售面积64159万平方米。", "64159万平方米", 641590000,
     "square_meter", "待售面积", "floor_space_for_sale"),
    ("realestate", "該建案銷售面積1.2萬坪,每坪均價45萬元。", "1.2萬坪", 12000, "ping",
     "销售面积", "floor_space_sold"),
    # ---------------------------------------------------------------- finance
    ("finance", "报告期内公司实现归母净利润12.3亿元,同比增长25.1%。", "12.3亿元", 1230000000,
     "CNY", "归母净利润", "net_profit_attributable"),
    ("finance", "归属于上市公司股东的扣除非经常性损益后的净利润为8.6亿元。", "8.6亿元",
     860000000, "CNY", "扣除非经常性损益后的净利润", "net_profit_excluding_nonrecurring"),
    ("finance", "基本每股收益1.23元,加权平均净资产收益率15.2%。", "1.23元", 1.23, "CNY",
     "每股收益", "earnings_per_share"),
    ("finance", "第二季度净利润为人民币24亿元(约合3.51亿美元)。", "人民币24亿元", 2400000000,
     "CNY", "净利润", "net_profit"),
    ("finance", "公司综合毛利率为32.5%,同比提升1.8个百分点。", "32.5%", 32.5, "percent",
     "毛利率", "gross_margin"),
    ("finance", "1年期LPR下调10个基点至3.35%。", "10个基点", 10, "basis_point", "下调",
     "rate_cut"),
    ("finance", "截至收盘,公司总市值达1.2万亿元。", "1.2万亿元", 1200000000000, "CNY",
     "总市值", "market_value"),
    ("finance", "前三季度我国货物贸易进出口总值30.8万亿元,同比增长0.7%。", "30.8万亿元",
     30800000000000, "CNY", "进出口总值", "trade_total"),
    ("finance", "9月末广义货币(M2)余额289.67万亿元,同比增长10.3%。", "289.67万亿元",
     289670000000000, "CNY", "广义货币", "money_supply"),
    ("finance", "公司全年净亏损3.2亿元。", "3.2亿元", 320000000, "CNY", "净亏损", "net_loss"),
    ("finance", "央行宣布下调存款准备金率0.25个百分点。", "0.25个百分点", 0.25,
     "percentage_point", "存款准备金率", "reserve_requirement_ratio"),
    # ---------------------------------------------------------------- macro
    ("macro", "全年全市地区生产总值1234.5亿元,按不变价格计算比上年增长6.1%。", "1234.5亿元",
     123450000000, "CNY", "地区生产总值", "gdp"),
    ("macro", "其中第三产业增加值5621亿元,增长7.0%。", "5621亿元", 562100000000, "CNY",
     "第三产业增加值", "tertiary_industry_value_added"),
    ("macro", "全年社会消费品零售总额471495亿元,比上年增长7.2%。", "471495亿元",
     47149500000000, "CNY", "社会消费品零售总额", "retail_sales"),
    ("macro", "全国城镇调查失业率平均值为5.2%。", "5.2%", 5.2, "percent", "调查失业率",
     "unemployment_rate"),
    ("macro", "全年城镇新增就业1244万人。", "1244万人", 12440000, "", "城镇新增就业",
     "new_urban_jobs"),
    ("macro", "全国居民人均可支配收入39218元,比上年增长6.3%。", "39218元", 39218, "CNY",
     "居民人均可支配收入", "per_capita_disposable_income"),
    ("macro", "3月份,制造业采购经理指数(PMI)为50.8%。", "50.8%", 50.8, "percent",
     "采购经理指数", "manufacturing_pmi"),
    ("macro", "年末全市常住人口1286.6万人,常住人口城镇化率76.6%。", "76.6%", 76.6,
     "percent", "城镇化率", "urbanization_rate"),
    ("macro", "全市一般公共预算收入215.6亿元,同口径增长8.1%。", "215.6亿元", 21560000000,
     "CNY", "一般公共预算收入", "fiscal_revenue"),
    ("macro", "国庆假期全市接待游客1260万人次,实现旅游收入98亿元。", "1260万人次", 12600000,
     "", "接待游客", "tourism"),
    ("macro", "人均地区生产总值达到12.6万元。", "12.6万元", 126000, "CNY",
     "人均地区生产总值", "gdp_per_capita"),
]


def _find(found: list[Mention], text: str) -> Mention:
    matches = [m for m in found if m.text == text]
    assert matches, f"{text!r} not among {[m.text for m in found]}"
    return matches[0]


@pytest.mark.parametrize(("plugin", "sentence", "text", "value", "unit", "metric", "key"), CASES,
                         ids=[f"{c[0]}-{c[6]}-{i}" for i, c in enumerate(CASES)])
def test_the_plugin_reads_its_trade(plugin, sentence, text, value, unit, metric, key):
    m = _find(extractor(plugin).extract(sentence), text)
    assert sentence[m.start:m.end] == text
    assert m.value == pytest.approx(value)
    assert m.unit == unit
    assert m.metric is not None and (metric in m.metric or m.metric in metric), m.metric
    assert m.metric_key == key


def test_the_plugin_is_what_reads_the_sentence():
    """Without its plugin, most of the table reads another key: the cases test plugins."""
    same = [c for c in CASES
            if [m.metric_key for m in extractor("core").extract(c[1]) if m.text == c[2]]
            == [c[6]]]
    assert len(same) <= len(CASES) // 10, [c[1] for c in same]


def test_every_case_also_holds_with_every_plugin_loaded():
    """Plugins do not spoil each other: the default extractor reads the table alike."""
    wrong = []
    for plugin, sentence, text, value, unit, metric, key in CASES:
        m = _find(extractor().extract(sentence), text)
        metric_ok = m.metric is not None and (metric in m.metric or m.metric in metric)
        if (m.value, m.unit, m.metric_key) != (pytest.approx(value), unit, key) or \
                not metric_ok:
            wrong.append((sentence, m.metric, m.metric_key, plugin))
    assert not wrong


def test_every_domain_has_cases():
    assert {c[0] for c in CASES} == set(DOMAINS)
    assert all(sum(c[0] == d for c in CASES) >= 8 for d in DOMAINS)


# --------------------------------------------------------------------------- data integrity

PLUGIN_DIRS = sorted(d for d in plugins_dir().iterdir() if (d / "plugin.toml").is_file())


@pytest.mark.parametrize("directory", PLUGIN_DIRS, ids=[d.name for d in PLUGIN_DIRS])
def test_every_plugin_directory_loads_with_core(directory):
    part = read_part(directory)
    assert part.name == directory.name
    vocab = load_vocabulary(["core", part.name])
    assert part.name in vocab.plugin_names


@pytest.mark.parametrize("directory", PLUGIN_DIRS, ids=[d.name for d in PLUGIN_DIRS])
def test_every_indicator_has_forms_and_an_english_gloss(directory):
    part = read_part(directory)
    by_key: dict[str, list[str]] = {}
    for sense in part.indicators.values():
        by_key.setdefault(sense.key, []).append(sense.form)
        assert sense.gloss, f"{sense.key} has no gloss"
        assert sense.gloss.isascii(), f"{sense.key}: the gloss is English"
    assert all(forms for forms in by_key.values())


@pytest.mark.parametrize("name", DOMAINS)
def test_each_domain_plugin_has_at_least_30_indicator_keys(name):
    part = read_part(plugins_dir() / name)
    keys = {s.key for s in part.indicators.values()}
    assert len(keys) >= MIN_KEYS, sorted(keys)
    assert part.subjects, "a domain plugin has a subjects.toml"
    assert len(part.indicators) >= 2 * len(keys), "several surface forms a key"


@pytest.mark.parametrize("name", DOMAINS)
def test_a_domain_plugin_shares_no_form_with_core(name):
    """Domain forms are new words; a core word is never repeated (nor redefined)."""
    core = read_part(plugins_dir() / "core")
    part = read_part(plugins_dir() / name)
    assert not set(part.indicators) & set(core.indicators)
    assert not set(part.units) & set(core.units)


def test_every_first_party_plugin_loads_together():
    vocab = load_vocabulary(None)
    assert set(vocab.plugin_names) == {d.name for d in PLUGIN_DIRS}
    assert available()[0].name == "core"


def test_a_key_shared_by_two_plugins_has_one_gloss():
    glosses: dict[str, set[str]] = {}
    for d in PLUGIN_DIRS:
        for sense in read_part(d).indicators.values():
            glosses.setdefault(sense.key, set()).add(sense.gloss)
    assert {k: g for k, g in glosses.items() if len(g) > 1} == {}


@pytest.mark.parametrize("name", DOMAINS)
def test_subjects_are_whole_words(name):
    """A one-character lexicon word would cut longer nouns short (牛 of 牛羊)."""
    part = read_part(plugins_dir() / name)
    assert [w for w in part.subjects if len(w) < 2] == []


@pytest.mark.parametrize("sentence", [
    "建设年產60萬噸錳合金及50萬噸高強度鋼項目",  # dev-02
    "规划建设年产10万吨钢丝、5万吨钢丝绳项目",
    "项目建成后年产20万吨粗钢和15万吨钢材",
])
def test_a_product_of_the_lexicon_does_not_break_a_list(sentence):
    """The second member shares 年产 although a product word of `industry` sits between."""
    assert [m.metric for m in extractor().extract(sentence)] == ["年产", "年产"]
