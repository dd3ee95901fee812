"""Stage 5: indicator, subject, period, direction, comparison and lists."""

from __future__ import annotations

import pytest

from cnquant import extract, parse


def _read(text):
    return [(m.text, m.metric, m.subject) for m in extract(text)]


def test_indicator_shared_along_a_list():
    assert _read("规划建设年产10万吨钢丝、5万吨钢丝绳项目") == [
        ("10万吨", "年产", "钢丝"), ("5万吨", "年产", "钢丝绳")]


def test_fenbie_shares_the_indicator():
    ms = extract("省、焦作市重点项目分别完成投资76.2亿元和99.9亿元")
    assert [m.metric for m in ms] == ["完成投资", "完成投资"]


def test_growth_list():
    ms = extract("全市规上工业增加值、产值分别增长2.6%、3.9%、3.8%和14.5%")
    assert [m.value for m in ms] == [2.6, 3.9, 3.8, 14.5]
    assert {m.metric for m in ms} == {"增长"}
    assert {m.direction for m in ms} == {"up"}


def test_unit_shared_along_a_list():
    ms = extract("分别高于全国、全省1.2个、0.5个百分点")
    assert [(m.value, m.unit) for m in ms] == [(1.2, "percentage_point"),
                                              (0.5, "percentage_point")]
    ms = extract("增幅分别高于全省7.6和2.7个百分点")
    assert [(m.value, m.unit) for m in ms] == [(7.6, "percentage_point"),
                                              (2.7, "percentage_point")]


def test_metric_key_and_gloss():
    m = parse("营业收入12亿元")
    assert (m.metric, m.metric_key, m.metric_gloss) == ("营业收入", "revenue",
                                                        "operating revenue")


@pytest.mark.parametrize(("text", "direction", "comparison"), [
    ("同比增长11.4%", "up", "yoy"),
    ("同比下降7.4%", "down", "yoy"),
    ("环比增长3%", "up", "mom"),
    ("比上年增长5%", "up", "yoy"),
    ("下降0.8%", "down", None),
    ("高于全省平均水平3.3个百分点", "up", "peer"),
])
def test_direction_and_comparison(text, direction, comparison):
    (m,) = extract(text)
    assert (m.direction, m.comparison) == (direction, comparison)


@pytest.mark.parametrize(("text", "per"), [
    ("年产10万吨", "year"), ("年均增长5%", "year"), ("年销售收入8.2亿元", "year"),
    ("日产500吨", "day"), ("月均增长2%", "month"), ("总投资50亿元", None),
])
def test_period_implied_by_the_indicator(text, per):
    (m,) = extract(text)
    assert m.per == per


def test_a_parenthesis_is_transparent_for_the_indicator():
    (m,) = extract("项目建成后年产(药用)食用菌4万吨")
    assert (m.metric, m.per) == ("年产", "year")


def test_a_parenthetical_equivalent_shares_the_indicator():
    ms = extract("全国粮食播种面积116064千公顷(174095万亩),比2018年减少975千公顷(1462万亩)")
    assert [m.metric for m in ms][1] == ms[0].metric
    assert ms[3].metric == ms[2].metric == "减少"


def test_the_level_after_zhi_belongs_to_the_measured_thing():
    ms = extract("iPod销量增长了3%至1100万部")
    assert [(m.text, m.metric) for m in ms] == [("3%", "增长"), ("1100万部", "销量")]


def test_share_verb_governs_a_percentage():
    ms = extract("分别占签约项目总数和利用外资数的38%和41%")
    assert [m.metric for m in ms] == ["占", "占"]


def test_subject_after_de():
    (m,) = extract("43.2%的行业同比增速改善")
    assert m.subject == "行业"


def test_subject_after_the_next_quantity():
    ms = extract("项目安装120台2.5MW风机")
    assert [(m.text, m.subject) for m in ms] == [("120台", "风机"), ("2.5MW", "风机")]


@pytest.mark.parametrize(("text", "expected"), [
    # 半 that begins a word (半导体) is no half
    ("建设12英寸半导体硅片项目", [("12英寸", 12, "inch", "exact")]),
    ("投资5亿元半导体项目", [("5亿元", 500_000_000, "CNY", "exact")]),
    ("建设周期一年半", [("一年半", 1.5, "year", "exact")]),
    # an indicator that ends inside a not-marker word splits it: 收入|超过, not 入超
    ("年销售收入超过90亿元", [("超过90亿元", 9_000_000_000, "CNY", "more_than")]),
    ("进出口超过5000亿元", [("超过5000亿元", 500_000_000_000, "CNY", "more_than")]),
    ("签约3个项目", [("3个", 3, "", "exact")]),
    # a multiplier alone before a measure word and a marker after it: 千头以上
    ("存栏千头以上规模肉牛场", [("千头以上", 1000, "", "at_least")]),
    ("新签约亿元以上项目3个", [("3个", 3, "", "exact")]),  # 亿元以上项目 is a class
    # markers of the 不得超过 family, 最长 and 最低
    ("期限最长5年", [("最长5年", 5, "year", "at_most")]),
    ("均价不得超过每平方米3.2万元",
     [("不得超过每平方米3.2万元", 32000, "CNY/square_meter", "at_most")]),
])
def test_rules_from_the_second_blind_set(text, expected):
    got = [(m.text, m.value, m.unit, str(m.approx)) for m in extract(text)]
    assert got == expected


def test_a_list_member_with_its_own_indicator_keeps_it():
    ms = extract("发放公积金贷款2148笔、金额10.37亿元")
    assert [m.metric for m in ms] == ["公积金贷款", "金额"]


@pytest.mark.parametrize(("text", "expected"), [
    # a marker that ends an indicator belongs to it: 买超 (net buying), not 超 + number
    ("外资买超3521张", [("3521张", "exact", "买超")]),
    ("年销售收入超过90亿元", [("超过90亿元", "more_than", "年销售收入")]),
    # a phone number after 拨打, whatever follows it
    ("可拨打12333人社服务热线咨询", []),
    ("热线接听量12345件", [("12345件", "exact", "热线接听量")]),
    # a weak word (预计, 完成) gives way to the words of no indicator after it
    ("预计年均可消纳新能源电量31亿千瓦时", [("31亿千瓦时", "exact", "年均可消纳新能源电量")]),
    ("营收预计达到40亿元", [("40亿元", "exact", "营收")]),
])
def test_rules_from_the_third_and_fourth_blind_sets(text, expected):
    assert [(m.text, str(m.approx), m.metric) for m in extract(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the level reached after 由 X … 至: what X measured, after the change
    ("利润由去年同期的10.5亿美元增长至12.1亿美元",
     [("10.5亿美元", "利润"), ("12.1亿美元", "利润增长至")]),
    ("贷款最高额度由80万元提高至100万元",
     [("80万元", "贷款最高额度"), ("100万元", "贷款最高额度提高至")]),
    # 由 and 从 open a change: they are not part of what is measured
    ("最快旅行时间将由现在的3小时40分钟缩短至1小时10分钟左右",
     [("3小时40分钟", "最快旅行时间"), ("1小时10分钟左右", "最快旅行时间缩短至")]),
    # the head before the change is nearer than an indicator earlier in the sentence;
    # the metric of a level reached is what changes, the change and 至
    ("生产效率提高15%,船舶平均在港时间缩短至21.5小时",
     [("15%", "提高"), ("21.5小时", "船舶平均在港时间缩短至")]),
    ("农户贷款平均利率降至4.35%", [("4.35%", "农户贷款平均利率降至")]),
    ("民生用电平均电价调涨至每度4.4097元", [("每度4.4097元", "民生用电平均电价调涨至")]),
    ("年产能将提升至12万公吨", [("12万公吨", "年产能提升至")]),  # 能 ends 产能 here
    # members named by nouns of their own, not by an indicator or a verb they share
    ("其中光伏800MW、风电400MW", [("800MW", "光伏"), ("400MW", "风电")]),
    ("属积体电路产业2家、光电产业1家", [("2家", "属积体电路产业"), ("1家", "光电产业")]),
    # a member after a verb and its object is the verb's next object
    ("年产葛粉3000吨、糊化粉3000吨", [("3000吨", "年产"), ("3000吨", "年产糊化粉")]),
    ("工程沿线设置分输站9座、阀室12座",
     [("9座", "工程沿线设置分输站"), ("12座", "工程沿线设置阀室")]),
])
def test_rules_of_changes_and_named_members(text, expected):
    assert [(m.text, m.metric) for m in extract(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a marker after 分别 holds for every member of the list it opens (of one kind)
    ("净利润分别不低于1.2亿元、1.45亿元、1.7亿元,三年累计不低于4.35亿元",
     ["at_least", "at_least", "at_least", "exact", "at_least"]),
    ("营业收入增长率分别不低于15%、32%、52%", ["at_least", "at_least", "at_least"]),
    # without 分别 a member keeps its own reading
    ("营收约5亿元、净利1亿元", ["about", "exact"]),
])
def test_a_marker_after_fenbie_holds_for_the_list(text, expected):
    assert [str(m.approx) for m in extract(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # tenths of a yuan after 块 where money is spoken of
    ("收购价能卖到两块五左右", [("两块五左右", 2.5, "CNY", "about")]),
    ("一杯奶茶卖39块9", [("39块9", 39.9, "CNY", "exact")]),
    # tenths say money without a word of it; 包邮 begins like the measure word 包
    ("今天直播间9块9包邮", [("9块9", 9.9, "CNY", "exact")]),
    # 毛 and a digit of hundredths; a marker after the whole
    ("收购价一块二毛三", [("一块二毛三", 1.23, "CNY", "exact")]),
    ("收购价一块四毛多", [("一块四毛多", 1.4, "CNY", "more_than")]),
    # 毛钱 says money itself; 零 before one digit: hundredths, or tenths before 毛
    ("给了两块五毛钱", [("两块五毛钱", 2.5, "CNY", "exact")]),
    ("收购价每斤一块零五", [("一块零五", 1.05, "CNY", "exact")]),
    ("收购价一块零五分", [("一块零五分", 1.05, "CNY", "exact")]),
    ("收购价十块零五毛", [("十块零五毛", 10.5, "CNY", "exact")]),
    # 一 and a unit after a price is what the price is for, not a digit of it
    # (and makes the price a rate written out, as 每斤35元 is: CNY/jin)
    ("最贵的时候卖到三十五块一斤", [("三十五块一斤", 35, "CNY/jin", "exact")]),
    ("收购价四块五一斤", [("四块五一斤", 4.5, "CNY/jin", "exact")]),
    ("蜂蜜80元一斤，收入二十多万元", [("80元一斤", 80, "CNY/jin", "exact"),
                                     ("二十多万元", 200000, "CNY", "more_than")]),
    ("收购价每公斤四块五，比去年高", [("四块五", 4.5, "CNY", "exact")]),
    # money said right after the amount, or by a price just before it in the sentence
    ("除去一亩四千来块的成本", [("一亩", 1, "mu", "exact"), ("四千来块", 4000, "CNY", "about")]),
    ("翠香给到4到6块一斤，好果子能上7块", [("7块", 7, "CNY", "exact")]),
    # (but an amount of money before a count of panels makes no price)
    ("总投资1亿元，安装光伏组件约350万块", [("1亿元", 100000000, "CNY", "exact"),
                                          ("约350万块", 3500000, "", "about")]),
    # after another measure word a digit begins something else
    ("签约3个5G基站", [("3个", 3, "", "exact")]),
    # and 块 that counts things stays a count
    ("买了两块屏幕", [("两块", 2, "", "exact")]),
])
def test_colloquial_tenths_of_a_yuan(text, expected):
    got = [(m.text, float(m.value), m.unit, str(m.approx)) for m in extract(text)
           if m.value is not None]
    assert got == expected


@pytest.mark.parametrize(("text", "metric"), [
    # a verb with object = true keeps what it has in the metric
    ("全县共有脱贫户2.35万户", "共有脱贫户"),
    ("全市拥有国家级重点实验室6个", "拥有国家级重点实验室"),
    # function words between the object and the number stay out
    ("该行在全县设有营业网点共32个", "设有营业网点"),
    # other indicators stay as they are
    ("年产葛粉3000吨", "年产"),
])
def test_an_object_verb_keeps_its_object(text, metric):
    assert extract(text)[0].metric == metric


def test_above_and_below_a_level():
    assert [(m.text, str(m.approx)) for m in extract("成交额连续3日在9000亿元上方")][-1] == \
        ("9000亿元上方", "more_than")


@pytest.mark.parametrize(("text", "metrics"), [
    # an object verb shared along a list: the verb and each member's own object
    ("全线共有桥梁79座、隧道42座", ["共有桥梁", "共有隧道"]),
    # a topic word (项目, also an indicator of a count) is what acts, not what is
    # measured, unless it stands right before the number
    ("项目累计完成土石方2860万立方米", ["土石方"]),
    ("新签约项目35个", ["新签约项目"]),
])
def test_topic_words_and_shared_object_verbs(text, metrics):
    assert [m.metric for m in extract(text)] == metrics


@pytest.mark.parametrize(("text", "metric"), [
    # 按 (by) an amount 的 an indicator: the indicator is written after the amount
    ("按照每斤2.2元的均价计算", "均价"),
    ("以每股10元的价格发行", "价格"),
])
def test_an_indicator_after_by_and_de(text, metric):
    assert extract(text)[0].metric == metric


@pytest.mark.parametrize(("text", "metrics"), [
    # the verbs of introducing and building take objects, with the words that go
    # with the verb before it
    ("规划建设现代化养殖场6个、饲料厂1座", ["规划建设现代化养殖场", "规划建设饲料厂"]),
    ("配套建设冷库2座、烘干线1条", ["配套建设冷库", "配套建设烘干线"]),
])
def test_building_verbs_keep_their_objects(text, metrics):
    assert [m.metric for m in extract(text)] == metrics


def test_hong_kong_cents_and_sets():
    assert [(m.text, float(m.value), m.unit) for m in extract("末期息每股42港仙", locale="zh-HK")] \
        == [("每股42港仙", 0.42, "HKD")]
    assert [(m.classifier, str(m.approx)) for m in extract("新增装备1200余台套")] == \
        [("台套", "more_than")]


@pytest.mark.parametrize(("text", "expected"), [
    # a fraction written with 分之 is a share, a quantity in running text
    ("较疫情前少约三分之一", [("约三分之一", "about")]),
    ("占全县的三分之二", [("三分之二", "exact")]),
    # a marker between a currency prefix and the number
    ("折合人民币约1.2亿元", [("人民币约1.2亿元", "about")]),
])
def test_fractions_and_markers_after_a_prefix(text, expected):
    assert [(m.text, str(m.approx)) for m in extract(text)] == expected


@pytest.mark.parametrize(("text", "metric"), [
    # a parenthesis is transparent, but for an abbreviation inside a name (blind
    # annotators differ on 广义货币(M2)余额: fresh12 and fresh28 keep it, fresh16 not)
    ("广义货币(M2)余额309.71万亿元", "广义货币(M2)余额"),
    ("制造业采购经理指数(PMI)为50.8%", "制造业采购经理指数"),
    # the price of a deal: the verb after it says what it measures
    ("由城投置业以16.3亿元竞得", "竞得"),
    ("屯门一幅住宅地以12.8亿元批出", "批出"),
])
def test_parentheses_and_deal_verbs(text, metric):
    assert extract(text)[0].metric == metric


@pytest.mark.parametrize(("text", "expected"), [
    ("平均旅行时间缩短近一半", [("近一半", 50, "nearly")]),
    ("一半以上的企业实现盈利", [("一半以上", 50, "at_least")]),
    ("他和另一半一起创业", []),  # the other half: a spouse
])
def test_one_half_is_a_share(text, expected):
    assert [(m.text, m.value, str(m.approx)) for m in extract(text)] == expected


@pytest.mark.parametrize(("text", "metric"), [
    # 亩产 and then the modal 能, not 亩 and then 产能
    ("亩产能到1.5吨以上", "亩产"),
    ("亩产能达到5000斤左右", "亩产"),
    # but 产能 where it is the indicator
    ("新增产能5万吨", "新增产能"),
    ("年产能达到10万吨", "年产能"),
])
def test_an_indicator_before_a_modal(text, metric):
    assert extract(text)[0].metric == metric


@pytest.mark.parametrize(("text", "metric"), [
    # a count: what is counted, then what was done with it (the whole phrase)
    ("义乌—马德里中欧班列累计开行2800列", "中欧班列累计开行"),
    ("其中国内航线完成21632万人次", "国内航线完成"),
])
def test_a_count_keeps_the_verb_after_its_indicator(text, metric):
    assert metric in extract(text)[0].metric


def test_hong_kong_interest_in_li():
    got = [(m.text, m.value, m.unit) for m in
           extract("最优惠利率为5.875厘，按息约4.125厘", locale="zh-HK")]
    assert got == [("5.875厘", 5.875, "percent"), ("约4.125厘", 4.125, "percent")]
    assert [m.unit for m in extract("长3厘米")] == ["centimeter"]


@pytest.mark.parametrize(("text", "metrics"), [
    # the amount compared with measures what the one before measured
    ("商品整体出口货值为4071亿元，较二〇二三年同月的3999亿元上升1.8%",
     ["商品整体出口货值", "商品整体出口货值", "上升"]),
    # in the period named
    ("第一季度毛利率为26.3%，上年同期为22.1%", ["毛利率", "上年同期毛利率"]),
])
def test_the_base_of_a_comparison(text, metrics):
    assert [m.metric for m in extract(text)] == metrics


@pytest.mark.parametrize(("text", "metric"), [
    # an indicator and the weak word right after it make the metric together
    ("其中国内航线完成168.42亿吨公里", "国内航线完成"),
    ("同城快递业务量完成4.2亿件", "同城快递业务量完成"),
    # with words between them, the indicator alone
    ("年生产能力预计达3万吨", "年生产能力"),
])
def test_an_indicator_and_a_weak_word_after_it(text, metric):
    assert extract(text)[0].metric == metric


def test_a_running_total_is_named_by_its_word():
    ms = extract("港口新开通集装箱航线7条，累计达56条")
    assert [m.metric for m in ms] == ["集装箱航线", "累计"]


@pytest.mark.parametrize(("text", "metric", "key"), [
    # an indicator that says whose (员工, 企业, 游客) before the noun of a measure: the
    # measure is what the quantity measures, and the indicator's key no longer applies
    ("全体受僱员工平均經常性薪資為4萬6,146元", "全体受雇员工平均经常性薪资", None),
    ("规模以上工业企业应收账款16.37万亿元", "规模以上工业企业应收账款", None),
    ("入境游客平均停留时长2.6天", "入境游客平均停留时长", None),
    # a measure of a measure keeps the indicator's sense
    ("货币资金余额约328亿元", "货币资金余额", "cash_holdings"),
    # not after an adverb written with a numeral (一度 "at one point")
    ("总市值一度突破1万亿元", "总市值", "market_value"),
])
def test_a_measure_noun_after_an_indicator(text, metric, key):
    (m,) = extract(text)
    assert (m.metric, m.metric_key) == (metric, key)


#: (text, the metric of each mention): the rules of the metric added with the blind sets
#: fresh21-29, one group of rows a rule
METRIC_RULES = [
    # -- lists whose members have words of their own
    # after a verb and its object, each member is the verb's next object
    ("年产葛粉3000吨、糊化粉3000吨、葛冲剂240吨",
     ["年产", "年产糊化粉", "年产葛冲剂"]),
    # after a noun of a measure with words before it, the member replaces them
    ("其中玉米种植面积241.8万亩、大豆58.3万亩", ["种植面积", "大豆种植面积"]),
    # after an indicator alone, the member names its own thing
    ("目前存栏生猪860头、黄牛120头", ["存栏生猪", "黄牛"]),
    # what the member before produces, written after it, is no name of this one
    ("建成后年产12万吨硫酸钾及8万吨工业盐", ["年产", "年产"]),
    # -- modal words, measures and restatements
    # 有望 and 可望 are modal words, not part of what is measured
    ("全年汽车销量有望超过3100万辆", ["汽车销量"]),
    # a provision (准备) and a profit (溢利) are measures of their own
    ("公司对存货计提资产减值准备约3100万元", ["对存货计提资产减值准备"]),
    # 即 restates the quantity before it
    ("项目资本金为总投资的20%，即4.27亿元", ["资本金为总投资", "资本金为总投资"]),
    # -- totals, clauses of when, weak words, levels after a change
    # a word of a total right before the number ends the metric, with what it totals
    ("公司持有现金、受限制现金及短期投资合计人民币807亿元", ["受限制现金及短期投资合计"]),
    ("业绩承诺期内累计不低于6.3亿元", ["业绩承诺期内累计"]),
    # a clause of when (自…起) is no metric: the label before the colon is
    ("回购期限：自董事会审议通过本次回购方案之日起12个月内", ["期限"]),
    # a weak word after words of no indicator gives way to them
    ("差异幅度预计不超过5%", ["差异幅度"]),
    # after a change, a phrase of 达 or 为 alone reads the level of what changed
    ("融资余额增加35.28亿元，达3112亿元", ["增加", "融资余额达"]),
    ("融券余额减少1204张，为176533张", ["减少", "融券余额为"]),
    # -- a list closed by 等
    # the things listed before 等 are the object of the verb before them
    ("项目建成后年加工芒果、番石榴等热带水果2.5万吨", ["年加工"]),
    ("覆盖党政机关、学校、医院等公共建筑屋顶326处、农户屋顶约9800户",
     ["覆盖党政机关、学校、医院等公共建筑屋顶", "覆盖农户屋顶"]),
    # -- comparisons, ranks, market breadth
    # a comparison from its base opener to 高/低/快/慢 right before the number
    ("同比增长9.1%,增速比全省平均水平高2.6个百分点", ["同比增长", "比全省平均水平高"]),
    ("每平方呎楼面地价较市场估值下限低约一成", ["较市场估值下限低"]),
    # but a change word that ends in one (提高) is read as a change
    ("生产效率较改造前提高60%", ["提高"]),
    # places gained in a ranking; stocks unchanged
    ("累计增幅位次较上半年前移2位", ["前移"]),
    ("上涨612家、下跌318家、平盘96家", ["上涨", "下跌", "平盘"]),
    # -- who acts, and the particle of a verb
    # who speaks or acts in a quote is no part of the metric
    ("他今年种了260亩", ["种了"]),
    ("我们合作社种了1800亩", ["种了"]),
    # and a verb keeps the particle that completes it
    ("大个的能卖到一块五", ["大个的能卖到"]),
    ("合作社流转茶园3200亩", ["流转茶园"]),
    # -- verbs of what a line has, function words
    # verbs of what a line or a park has: each member is the verb's object
    ("全线共设桥梁128座、隧道37座", ["全线共设桥梁", "全线共设隧道"]),
    # 首次 and 可能落在 are function words
    ("海铁联运业务量首次突破200万标箱", ["海铁联运业务量"]),
    ("全年移转栋数可能落在28万至29万栋之间", ["移转栋数"]),
    # 有望 stays in the metric of a level reached
    ("二季度社零增速有望回升至4%到5%", ["社零增速有望回升至"]),
    # the words after a measure name what the next quantity measures (after a count,
    # 18个国家设有42家工厂, they belong to the count)
    ("普氏62%铁矿石指数报106.85美元/吨", ["普氏", "铁矿石指数报"]),
    # past a duration to the indicator before it, with the verb after it
    ("全省粮食总产量连续9年稳定在1300亿斤以上", ["连续", "粮食总产量稳定在"]),
    ("年增率为2.18%,已连续3年维持在2%以上", ["年增率", "连续", "维持在"]),
    # a verb that quotes a price after a measure noun (运价报)
    ("秦皇岛至广州航线运价报41.6元/吨", ["航线运价"]),
    # the share of a target that is done
    ("完成全年目标的90.4%", ["完成"]),
    ("累计发行1.16万亿元，完成全年1.3万亿元额度的近九成", ["发行", "完成全年", "完成"]),
    # the change written after a rate, after a verb of keeping
    ("连续6个月保持20%以上增长", ["连续", "增长"]),
    ("票面利率较发行区间下限1.70%高出28个基点", ["利率", "高出"]),
    # Hong Kong words: a total (合共), deals (以…投得); a topic before 方面
    ("全年股息合共每股1.70港元", ["全年股息合共"]),
    ("由一家本地中型发展商以19.16亿元投得", ["投得"]),
    ("海外生产比方面,5月为45.6%", ["海外生产比"]),
    # an ordinal period heads the member, it names no metric: the label before the colon
    ("票面利率：第一年0.20%、第二年0.40%", ["利率", "利率"]),
    # a member that names another thing of the lexicon takes the place of the one before
    ("全线设桥梁142座、隧道19座", ["全线设桥梁", "全线设隧道"]),
    # 触及 is a verb of the metric, its 及 no "and" of a list
    ("上涨20.7%,年内最高触及106.02元/吨", ["上涨", "最高触及"]),
    ("共举办讲座等活动460场，参与人数2.3万人", ["举办讲座等活动", "参与人数"]),
    # a particle after the word of a level reached
    ("产能提升到了5万吨", ["产能提升到"]),
    # with no other words, 每 and a measure word at the head of the span say what it is
    ("对跨省务工人员给予交通补助，每人不超过1000元", ["每人"]),
    # the verb of a deal after 以 and a price, also per share or after a price band;
    # a measure between 以 and the price names the metric itself
    ("升阳精机将于下月5日以每股268元挂牌上市", ["挂牌"]),
    ("公司将以每股180元至220元区间买回库藏股", ["买回"]),
    ("最终由蓉城地产以总价25.96亿元竞得", ["总价"]),
    # an indicator in Latin letters right before the number
    ("经调整EBITDA33亿港元", ["经调整EBITDA"]),
    # a superlative ends the topic too, also after a count in the clause before
    ("24个行业获净买入,其中电子行业融资净买入额最多,达23.7亿元", [None, "电子行业融资净买入额"]),
    # a total alone after a date; 于 as a function word
    ("以10、11月合计562.6亿元推估", ["合计"]),
    ("维持全年经济增长预测于2%至3%", ["预测"]),
    # after a word of a change, two amounts of one unit joined by 至 are the change
    # and the level reached (a range stays a range where the level is less than
    # three times the change, and for rates)
    ("持仓量增加1.2万手至13.8万手", ["增加", "持仓量增加至"]),
    ("产量将增加3万至5万吨", ["增加"]),
    ("预计增长5%至8%", ["增长"]),
    # a list member named by a dimension measures it
    ("电站地下厂房长198米、宽25米、高54.6米", ["电站地下厂房长", "宽", "高"]),
    ("整车毛利率为3.1%，上一季度为-2.4%", ["毛利率", "上一季度毛利率"]),
    # -- what is done within a time span
    # what is done within a time span, where only a time clause precedes the span
    ("竞得人须在签订出让合同后6个月内开工，24个月内竣工", ["开工", "竣工"]),
    ("工期3年", ["工期"]),
    # -- abbreviations in parentheses
    # an abbreviation in parentheses inside the name of an indicator stays in it
    ("5月末广义货币(M2)余额301.85万亿元", ["广义货币(M2)余额"]),
    # at the end of the phrase, or itself an indicator, or a number, it goes
    ("每股纯益(EPS)上看11元", ["每股纯益上看"]),
    ("鸿海(2317)10月营收5000亿元", ["营收"]),
]


@pytest.mark.parametrize(("text", "metrics"), METRIC_RULES)
def test_metric_rules(text, metrics):
    assert [m.metric for m in extract(text)] == metrics
