"""Issue 4: what is not a quantity gives no mention (dates, times, ranks, codes, names).

Each case sits in a sentence that may also hold a real quantity; only the real one is
reported.  The cases are data: one row, one rule of the language.
"""

from __future__ import annotations

import pytest

from cnquant import extract

# (text, the mention texts that must be found; everything else must not)
CASES = [
    # dates and periods
    ("2019年全市投资5亿元", ["5亿元"]),
    ("9月14日签约3个项目", ["3个"]),
    ("1-4月份完成投资76亿元", ["76亿元"]),
    ("1至8月增长5%", ["5%"]),
    ("一季度增长5%", ["5%"]),
    ("上半年增长5%", ["5%"]),
    ("二零二五年计划投资5亿元", ["5亿元"]),
    ("二〇二五年", []),
    ("2019-2021年", []),
    ("107年第1季工業生產成長4.0%", ["4.0%"]),
    ("2018年底建成", []),
    ("本世纪20年代以来经济总量稳居世界第二", []),  # a decade
    ("上世纪九十年代末", []),
    # one period referred to, not a duration
    ("融资余额较前一交易日增加48.3亿元", ["48.3亿元"]),
    ("比上一年增长5%", ["5%"]),
    ("过去一年，全市地区生产总值完成1456.3亿元", ["1456.3亿元"]),
    ("这一年，港口新开通航线12条", ["12条"]),
    # the number of a session of a term (届), not a count of meetings
    ("在省十四届人大三次会议上作预算报告", []),
    ("市委十二届五次全会召开", []),
    # a day named by month and day with a dot, and the evening gala after it
    ("3·15晚会曝光", []),
    ("“9·26”项目签约3个", ["3个"]),
    # a village group is an address; 夜盘 is a trading session
    ("在羊坪村三组的大棚里种了3亩", ["3亩"]),
    ("沪铜主力合约2406夜盘收报80740元/吨", ["80740元/吨"]),
    # a group of three after a digit and a comma is no number of its own (5,000美元
    # after FEU was read from 000); a Chinese comma between two numbers parts them
    ("运价一度突破每FEU5,000美元", ["突破每FEU5,000美元"]),
    ("签约项目共5，3个已开工", ["3个"]),
    # the minutes of a clock time; an ordinal after an ordinal and a list link
    ("市民可于6月14日10:00起领取", []),
    ("第一、二轮共发放消费券150万张", ["150万张"]),
    # page furniture after a label and a colon or space (浏览120万人次 counts)
    ("来源:市工信局 浏览:1046次 前三季度", []),
    ("全年接待游客浏览120万人次", ["120万人次"]),
    ("五一节前补库需求有限", []),
    ("双向4车道", []),
    # a day of the week (每周三次 counts)
    ("施政辩论将于下周二起一连举行", []),
    ("每周三次", ["三次"]),
    # places with a numeral and a measure word in their names
    ("台南七股测站最低气温仅摄氏5.8度", ["摄氏5.8度"]),
    ("长春九台区新增3家企业", ["3家"]),
    # N度 of occasions where electricity is spoken of (三度电 is energy)
    ("电子材料厂三度申请扩建，年用电1.2亿度", ["1.2亿度"]),
    ("居民家中每天用三度电", ["三度电"]),
    # forum junk: a letter after a number, marks around it
    ("新厂。8 Q' s5 e; Y. n# ^2 F % @4 L. \" p' X6 d/ J7 r宏匠木业", []),
    ("全年召开常务会议三次", ["三次"]),
    ("建设周期一年", ["一年"]),
    # after a word of a time span, N年 is no date, whatever follows it
    ("一间屋龄35年的公寓", ["35年"]),
    ("民国35年的公寓", []),
    # 前 and 后 of a rank, and of other words (此前21位分析师)
    ("排名后三位的是北山县", []),
    ("此前21位分析师平均预计", ["21位"]),
    # N年的 is a date only for a number of a year
    ("成立28年的企业", ["28年"]),
    ("2019年的数据显示增长5%", ["5%"]),
    # 日 is a day only before 内
    ("申请期限为公告后10日内", ["10日内"]),
    ("9月14日内蒙古举办", []),
    # which home a loan buys
    ("二套房贷利率下限为3.3%", ["3.3%"]),
    # clock times
    ("2026-02-06 17:14:54 发布", []),
    ("上午9点30分开工", []),
    ("14时召开", []),
    # ordinals and ranks
    ("第一批投资3亿元", ["3亿元"]),
    ("世界500强企业", []),
    ("排名前三", []),
    ("居全省第5位", []),
    ("全国排名前3位", []),
    ("第七届文化节", []),
    # phone numbers, postal codes, stock codes, IDs, versions
    ("联系电话010-65363056", []),
    ("手机13800138000", []),
    ("邮编100000", []),
    ("东方雨虹(002271)发布公告", []),
    ("股票代码00012", []),
    ("版本2.0发布", []),
    ("V1.2版", []),
    ("ISO9001认证", []),
    ("阅读量:430", []),
    # numbers inside names and slogans
    ("一期投资10亿元", ["10亿元"]),
    ("一带一路建设", []),
    ("十四五规划", []),
    ("围绕“四个一批”项目", []),
    ("1号田", []),
    ("粒两优8022", []),
    ("5G基站和3C产品", []),
    ("“3+3”重点产业", []),
    ("“7·18”赴港招商", []),
    # idioms and "a/one"
    ("一对一服务", []),
    ("万物并秀", []),
    ("一个个重点项目", []),
    ("千家万户", []),
    ("这是一个缩影", []),
    ("一成不变", []),
    ("十分重要", []),
    ("精密零件产品", []),
    # a measure word or a sign that is part of another word
    ("318国道沿线新建充电桩120个", ["120个"]),
    ("全球20国集团领导人峰会", []),
    ("5号楼3单元302室的房屋面积为89平方米", ["89平方米"]),
    ("帮助企业减负3000亿元", ["3000亿元"]),
    ("可拨打12333人社服务热线", []),
    # words ending or starting in a marker
    ("9月14日签约3个项目", ["3个"]),
    ("带动30家上下游企业", ["30家"]),
    # a unit in Latin letters followed by a digit is part of a code
    ("索引号：11522726MB1H45872T，投资5亿元", ["5亿元"]),
    ("公司年产10GWTOPCon电池", ["10GW"]),
    # a heading's number is no member of a list with the date after it
    ("王建军 一、2023年工作回顾", []),
    # a number may start after an indicator in Latin letters, not after other letters
    ("税后赚156.3亿元 EPS7.42元", ["156.3亿元", "7.42元"]),
    ("PM2.5浓度为35微克/立方米", ["35微克/立方米"]),
    # numerals in people's names, after a word that names people or after 老
    ("负责人张六根说：去年扩大种植200亩", ["200亩"]),
    ("村民李七斤发言时说", []),
    ("村民代表张六根说", []),  # the word nearest the name (代表), not the first listed
    ("种粮大户孙小六种了3500亩玉米", ["3500亩"]),
    ("茶农田老五家有茶园23亩", ["23亩"]),
    ("养老三年", ["三年"]),
    # a lunar date, and an idiom
    ("大年初四单日接待游客1.5万人次", ["1.5万人次"]),
    ("饲料价一天一个样", []),
    # the anti-copy junk of crawled forums: a stray letter and ASCII marks
    ("擴大生產車用頭燈與氛圍燈模組。1 g& Y) R% 另投資5億元", ["5億元"]),
    ("功率为5 W。", ["5 W"]),
    # 次 counts times, but not in 三次产业, 二次 (secondary), train numbers or ordinals
    ("全生命周期内可循环充放电8000次以上", ["8000次以上"]),
    ("三次产业结构调整为8:40:52", []),
    ("G7次列车实行二次包装", []),
    ("LPR年内第三次下调", []),
    # the class of a thing (百亿元级项目), and a chainage (K86+320)
    ("其中百亿元级项目不少于十五个", ["不少于十五个"]),
    ("出口位于K86+320处", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_only_quantities_are_reported(text, expected):
    assert [m.text for m in extract(text)] == expected


def test_bare_numbers_are_not_reported_by_default():
    assert extract("全市共有1500") == []
    assert [m.value for m in extract("全市共有1500", bare_numbers=True)] == [1500]


@pytest.mark.parametrize("text", ["9月14日", "17:14:54", "第3位", "010-65363056", "一带一路"])
def test_not_even_as_bare_numbers(text):
    assert extract(text, bare_numbers=True) == []


def test_a_kilowatt_hour_of_du_where_electricity_is_spoken_of():
    assert [(m.text, m.unit) for m in extract("每年可产生约24亿度绿电")] == \
        [("约24亿度", "kilowatt_hour")]
    assert extract("53度白酒") == []


def test_decimal_days_and_battery_words():
    assert [(m.text, m.unit) for m in extract("平均逗留时间为1.2日，按年减少0.1日")] == \
        [("1.2日", "day"), ("0.1日", "day")]
    assert [m.text for m in extract("高镍三元前驱体全年销量7万吨")] == ["7万吨"]
    assert [m.unit for m in extract("投资额达RM150亿")] == ["MYR"]


def test_a_peak_reached_is_a_value_and_a_bound_is_not():
    got = [(m.text, str(m.approx)) for m in extract("单日最高达2.1万人次，每户最高可达5000元")]
    assert got == [("最高达2.1万人次", "exact"), ("每户最高可达5000元", "at_most")]


def test_kuai_is_yuan_where_a_number_in_words_ends_the_phrase():
    got = [(m.text, m.unit) for m in extract("一亩地人工得四五十块;光伏组件约930万块。")]
    assert got == [("一亩", "mu"), ("四五十块", "CNY"), ("约930万块", "")]
