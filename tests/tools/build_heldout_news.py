#!/usr/bin/env python3
"""Build tests/data/heldout-news.jsonl, the held-out set of synthetic economic news.

The documents and their gold live in ``heldout_news_docs.py`` beside this file, written
by hand: each mention is given by its text (optionally ``"left context|text"`` to pick
the right occurrence), in document order; offsets are computed here with a cursor.

Some documents are written in simplified characters and transformed when built:

* ``pinyin``: OpenCC ``s2t``, then a pinyin annotation after most characters whose
  traditional form differs (``產(chǎn)``), as in crawled pages; spans keep the
  annotation of their last character.
* ``fullwidth``: every printable ASCII character becomes its full-width form.

Run with the project's venv (needs opencc and pypinyin)::

    python tests/tools/build_heldout_news.py [--check]
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import opencc

HERE = Path(__file__).parent
OUT = HERE.parent / "data" / "heldout-news.jsonl"
sys.path.insert(0, str(HERE))

_T2S = opencc.OpenCC("t2s")
_S2T = opencc.OpenCC("s2t")

CURRENCY = {None: "CNY", "zh-CN": "CNY", "zh-TW": "TWD", "zh-HK": "HKD"}


class Mn:
    def __init__(self, span, value, unit, metric=None, approx=None, cls=None, subj=None,
                 low=None, high=None, opt=False, per=None):
        self.ctx, _, self.span = span.rpartition("|")
        self.value, self.unit, self.metric = value, unit, metric
        self.approx, self.cls, self.subj = approx, cls, subj
        self.low, self.high, self.opt, self.per = low, high, opt, per


def M(span, value, unit, metric=None, **kw):
    return Mn(span, value, unit, metric, **kw)


def Y(span, value, metric=None, **kw):
    """Money in the document's default currency."""
    return Mn(span, value, "$", metric, **kw)


def P(span, value, metric=None, **kw):
    return Mn(span, value, "percent", metric, **kw)


def PP(span, value, metric=None, **kw):
    return Mn(span, value, "percentage_point", metric, **kw)


def C(span, value, cls, metric=None, subj=None, **kw):
    return Mn(span, value, "", metric, cls=cls, subj=subj, **kw)


class D:
    def __init__(self, id, text, mentions, locale=None, transform=None):
        self.id, self.text, self.mentions = id, text.strip("\n"), mentions
        self.locale, self.transform = locale, transform


_ABOUT_HEAD = ("约合", "約合", "大约", "大約", "约", "約")
_NEARLY_HEAD = ("将近", "將近", "接近", "近")
_MORE_HEAD = ("逾", "超过", "超過", "突破", "超")
_ATLEAST_HEAD = ("不少于", "不少於", "至少", "不低于", "不低於")
_LESS_HEAD = ("不到", "不足", "低于", "低於", "少于", "少於", "跌破")
_ATMOST_HEAD = ("不超过", "不超過", "最多")
_VAGUE_HEAD = ("数", "數", "几", "幾", "上百", "上千", "成千")


def infer_approx(m: Mn) -> str:
    s = re.sub(r"^(人民币|人民幣|新台币|新台幣|港币|港幣|每[^\d一二三四五六七八九十两兩约約]{1,3})", "", m.span)
    if m.low is not None or m.high is not None:
        return "range"
    if s.startswith(_ABOUT_HEAD) or s.endswith(("左右", "上下")):
        return "about"
    if s.startswith(_NEARLY_HEAD):
        return "nearly"
    if s.startswith(_ATLEAST_HEAD) or s.endswith(("以上", "及以上")):
        return "at_least"
    if s.startswith(_ATMOST_HEAD) or s.endswith(("以下", "内", "內")):
        return "at_most"
    if s.startswith(_LESS_HEAD):
        return "less_than"
    if s.startswith(_MORE_HEAD) or re.search(r"[余餘多]", s):
        return "more_than"
    if s.startswith(_VAGUE_HEAD):
        return "vague"
    return "exact"


_PER_YEAR = ("年产", "年产值", "年销售", "年纳税", "年利税", "年税收", "年节约", "年均",
             "年发电", "年吞吐", "年营业", "年产能", "年收入", "每年")
_PER_DAY = ("日均", "每天", "日产", "每日")


def infer_per(metric):
    if not metric:
        return None
    if metric.startswith(_PER_YEAR) or "年均" in metric:
        return "year"
    if metric.startswith(_PER_DAY) or "日均" in metric:
        return "day"
    return None


def _pinyin_transform(doc_id: str, text: str):
    from pypinyin import Style, pinyin

    trad = _S2T.convert(text)
    assert len(trad) == len(text), doc_id
    marks = [None] * len(text)
    for run in re.finditer(r"[\u4e00-\u9fff]+", text):
        pys = pinyin(run.group(), style=Style.TONE, heteronym=False)
        assert len(pys) == len(run.group())
        for k, p in enumerate(pys):
            marks[run.start() + k] = p[0]
    out, starts, ends = [], [], []
    pos = 0
    for i, (s, t) in enumerate(zip(text, trad)):
        starts.append(pos)
        piece = t
        if s != t and marks[i]:
            h = hashlib.md5(f"{doc_id}:{i}".encode()).digest()[0]
            if h < 205:  # about four in five carry the annotation
                piece += f"({marks[i]})"
        out.append(piece)
        pos += len(piece)
        ends.append(pos)
    return "".join(out), starts, ends


def _fullwidth_transform(text: str):
    out = "".join(chr(ord(c) + 0xFEE0) if 0x21 <= ord(c) <= 0x7E else c for c in text)
    idx = list(range(len(text)))
    return out, idx, [i + 1 for i in idx]


_MULT = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12, "千": 1e3, "百万": 1e6,
         "百萬": 1e6, "万亿": 1e12, "萬億": 1e12}


def _rough_value(span: str):
    """A rough reading of simple spans, only to catch typing slips in the gold."""
    s = re.sub(r"^[^\d]*", "", span)
    s = re.sub(r"(?<=\d)[多余餘](?=[万萬亿億])", "", s)
    s = re.sub(r"千(?=[瓦克米伏])", "", s)
    m = re.match(r"([\d,]+(?:\.\d+)?)(万亿|萬億|百万|百萬|万|萬|亿|億|兆|千)?(.*)$", s)
    if not m or re.search(r"\d", m.group(3)):
        return None
    v = float(m.group(1).replace(",", ""))
    if m.group(2):
        v *= _MULT[m.group(2)]
    if m.group(3).startswith("成"):
        v *= 10
    return v


def render(docs):
    """The JSON lines of the set and a list of problems found in the gold (empty if none)."""
    lines, problems = [], []
    for doc in docs:
        src = doc.text
        cur = 0
        placed = []
        for m in doc.mentions:
            needle = m.ctx + m.span
            i = src.find(needle, cur)
            if i < 0:
                problems.append(f"{doc.id}: not found after {cur}: {needle!r}")
                continue
            s = i + len(m.ctx)
            e = s + len(m.span)
            before = src[s - 1] if s else ""
            after = src[e] if e < len(src) else ""
            before2 = src[s - 2] if s > 1 else ""
            if ((re.match(r"[\d.]", before) and m.span[0].isdigit())
                    or (re.match(r"[\d.]", after) and m.span[-1].isdigit())
                    or (before == "," and before2.isdigit() and m.span[0].isdigit())):
                problems.append(f"{doc.id}: {m.span!r} cut a number ({before!r}|{after!r})")
            cur = e
            placed.append((s, e, m))
        if doc.transform == "pinyin":
            text, starts, ends = _pinyin_transform(doc.id, src)
        elif doc.transform == "fullwidth":
            text, starts, ends = _fullwidth_transform(src)
        else:
            text, starts, ends = src, list(range(len(src))), [i + 1 for i in range(len(src))]
        out = []
        for s, e, m in placed:
            os_, oe = starts[s], ends[e - 1]
            unit = CURRENCY[doc.locale] if m.unit == "$" else m.unit.replace("$", CURRENCY[doc.locale])
            approx = m.approx or infer_approx(m)
            value = m.value
            if approx == "range" and m.value is None and m.low is None:
                problems.append(f"{doc.id}: range without ends {m.span!r}")
            rough = _rough_value(m.span)
            if rough is not None and value is not None and approx != "range" and not m.opt:
                scale = value / rough if rough else None
                if scale is not None and abs(scale - 1) > 1e-9 and abs(scale - 10) > 1e-9:
                    problems.append(f"{doc.id}: value {value} vs text {m.span!r} ({rough})")
            metric = _T2S.convert(m.metric) if m.metric else None
            subj = _T2S.convert(m.subj) if m.subj else None
            rec = {
                "start": os_, "end": oe, "text": text[os_:oe],
                "value": _num(value), "low": _num(m.low), "high": _num(m.high),
                "unit": unit, "classifier": m.cls, "approx": approx,
                "metric": metric, "subject": subj,
                "per": m.per if m.per is not None else infer_per(metric),
            }
            if m.opt:
                rec["optional"] = True
            out.append(rec)
        d = {"id": doc.id, "source": "synthetic:heldout"}
        if doc.locale:
            d["locale"] = doc.locale
        d["text"] = text
        d["mentions"] = out
        if not 200 <= len(text) <= 1200:
            problems.append(f"{doc.id}: length {len(text)}")
        lines.append(json.dumps(d, ensure_ascii=False))
    return lines, problems


def build(docs, check_only=False):
    lines, problems = render(docs)
    if problems:
        print("\n".join(problems), file=sys.stderr)
    if not check_only:
        OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return not problems


def _num(v):
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return int(v)
    return v


if __name__ == "__main__":
    from heldout_news_docs import DOCS

    ok = build(DOCS, check_only="--check" in sys.argv)
    sys.exit(0 if ok else 1)
