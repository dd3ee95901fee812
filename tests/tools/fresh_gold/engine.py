"""Build tests/data/fresh-news.jsonl from annotated sources (offsets computed here)."""
from __future__ import annotations
import json, random, re, sys
import opencc
from pypinyin import lazy_pinyin, Style

MARK = re.compile(r"⟦([^⟦⟧|]*)\|?([^⟦⟧]*)⟧")
KEYS = {"v": "value", "u": "unit", "c": "classifier", "a": "approx", "m": "metric",
        "s": "subject", "p": "per", "lo": "low", "hi": "high"}
CONV = {"tw": opencc.OpenCC("s2tw"), "hk": opencc.OpenCC("s2hk"), "py": opencc.OpenCC("s2t")}
T2S = opencc.OpenCC("t2s")
FW = str.maketrans("0123456789%", "０１２３４５６７８９％")


def parse_attrs(raw: str) -> dict:
    out = {"value": None, "low": None, "high": None, "unit": "", "classifier": None,
           "approx": "exact", "metric": None, "subject": None, "per": None}
    opt = False
    for tok in raw.split():
        if tok == "o":
            opt = True
            continue
        k, _, v = tok.partition("=")
        key = KEYS[k]
        if key in ("value", "low", "high"):
            x = float(eval(v))
            out[key] = int(x) if x == int(x) and abs(x) < 2**53 else x
        else:
            out[key] = v
    if opt:
        out["optional"] = True
    return out


def default_value(text: str, attrs: dict) -> None:
    """When v= is omitted, read a plain ASCII number (with 万/亿/万亿 and %) from the text."""
    if attrs["value"] is not None or attrs["low"] is not None:
        return
    m = re.search(r"(-?[0-9][0-9,]*(?:\.[0-9]+)?)(万亿|万|亿)?", text)
    assert m, text
    from decimal import Decimal
    d = Decimal(m.group(1).replace(",", "")) * {"万亿": 10**12, "万": 10**4, "亿": 10**8, None: 1}[m.group(2)]
    attrs["value"] = int(d) if d == int(d) else float(d)


def default_unit(text: str, attrs: dict, locale: str) -> None:
    if attrs["unit"]:
        if attrs["unit"] == "pp":
            attrs["unit"] = "percentage_point"
        return
    s = text
    if "个百分点" in s:
        attrs["unit"] = "percentage_point"
    elif s.endswith("%") or "%" in s:
        attrs["unit"] = "percent"
    elif "美元" in s:
        attrs["unit"] = "USD"
    elif "港元" in s:
        attrs["unit"] = "HKD"
    elif "元" in s:
        attrs["unit"] = {"zh-TW": "TWD", "zh-HK": "HKD"}.get(locale, "CNY")
    elif re.search(r"万?吨$", s):
        attrs["unit"] = "metric_ton"
    elif s.endswith("亩"):
        attrs["unit"] = "mu"
    elif s.endswith("平方米"):
        attrs["unit"] = "square_meter"
    elif s.endswith("千瓦时"):
        attrs["unit"] = "kilowatt_hour"
    elif s.endswith("公顷"):
        attrs["unit"] = "hectare"
    elif s.endswith("公里"):
        attrs["unit"] = "kilometer"
    elif s.endswith("立方米"):
        attrs["unit"] = "cubic_meter"
    elif s.endswith("斤") and not s.endswith("公斤"):
        attrs["unit"] = "jin"


def pinyinize(simp: str, trad: str, seed: int, rate: float) -> str:
    assert len(simp) == len(trad), (len(simp), len(trad))
    py = lazy_pinyin(simp, style=Style.TONE, errors=lambda x: list(x))
    assert len(py) == len(simp)
    rnd = random.Random(seed)
    out = []
    for s, t, p in zip(simp, trad, py):
        out.append(t)
        if s != t and "\u4e00" <= s <= "\u9fff" and rnd.random() < rate:
            out.append(f"({p})")
    return "".join(out)


def fullwidth(s: str) -> str:
    s = re.sub(r"(?<=[0-9])\.(?=[0-9])", "．", s)
    s = re.sub(r"(?<=[0-9])-(?=[0-9])", "－", s)
    return s.translate(FW)


def build(doc: dict) -> dict:
    src = doc["src"].strip("\n")
    locale = doc.get("locale", "zh-CN")
    attrs_list = []

    def strip(m):
        attrs = parse_attrs(m.group(2))
        default_value(m.group(1), attrs)
        default_unit(m.group(1), attrs, locale)
        attrs["_src"] = m.group(1)
        attrs_list.append(attrs)
        return "⟦" + m.group(1) + "⟧"

    plain = MARK.sub(strip, src)
    mode = doc.get("mode", "s")
    if mode in ("tw", "hk"):
        text = CONV[mode].convert(plain)
    elif mode == "py":
        text = pinyinize(plain, CONV["py"].convert(plain), doc["seed"], doc.get("rate", 0.6))
    elif mode == "fw":
        text = fullwidth(plain)
    else:
        text = plain
    if doc.get("fw"):
        text = fullwidth(text)
    for a, b in doc.get("fix", []):
        assert a in text, (doc["id"], a)
        text = text.replace(a, b)
    mentions = []
    out = []
    i = 0
    pos = 0
    while i < len(text):
        ch = text[i]
        if ch == "⟦":
            start = pos
            j = text.index("⟧", i)
            inner = text[i + 1:j]
            out.append(inner)
            pos += len(inner)
            attrs = attrs_list[len(mentions)]
            m = {"start": start, "end": pos, "text": inner}
            src_text = attrs.pop("_src")
            m.update({k: attrs[k] for k in ("value", "low", "high", "unit", "classifier",
                                              "approx", "metric", "subject", "per")})
            if attrs.get("optional"):
                m["optional"] = True
            m["_src"] = src_text
            mentions.append(m)
            i = j + 1
        else:
            out.append(ch)
            pos += 1
            i += 1
    final = "".join(out)
    assert len(mentions) == len(attrs_list)
    for m in mentions:
        assert final[m["start"]:m["end"]] == m["text"]
    rec = {"id": doc["id"], "source": "synthetic:fresh"}
    if "locale" in doc:
        rec["locale"] = doc["locale"]
    rec["text"] = final
    rec["mentions"] = mentions
    return rec
