import json, re, sys
sys.path.insert(0, str(__import__('pathlib').Path(__file__).resolve().parent))
import engine
from docs1 import DOCS
import docs2, docs3

MARKERS = [("range", ["至", "到", "—", "-"]),
           ("at_least", ["以上", "不少于", "至少", "不低于"]),
           ("at_most", ["以下", "不得超过", "不超过", "最多", "最高", "最长", "内"]),
           ("less_than", ["不到", "不足"]),
           ("nearly", ["近", "将近", "接近"]),
           ("more_than", ["余", "多", "逾", "超过", "超", "突破", "破"]),
           ("about", ["约", "左右", "上下", "大约"])]
BUCKET = {"exact": "exact", "about": "about", "more_than": "lower", "at_least": "lower",
          "less_than": "upper", "at_most": "upper", "nearly": "upper", "range": "range", "vague": "vague"}

def expected_approx(src):
    s = re.sub(r"^-", "", src)
    s = s.replace("-8", "8").replace("-9", "9")
    for name, words in MARKERS:
        for w in words:
            if w in s:
                if name == "range" and not re.search(r"[0-9一二三四五六七八九十两][^0-9]*[至到—-][^0-9]*[0-9一二三四五六七八九十两]", s):
                    continue
                return name
    return "exact"

recs = []
warn = []
for doc in DOCS:
    rec = engine.build(doc)
    n = len(rec["text"])
    if not 250 <= n <= 900:
        warn.append(f"{rec['id']}: length {n}")
    for m in rec["mentions"]:
        src = m.pop("_src")
        exp = expected_approx(src)
        if BUCKET[exp] != BUCKET[m["approx"]]:
            warn.append(f"{rec['id']}: approx {src!r} has {m['approx']} expected {exp}")
        if m["metric"] and engine.T2S.convert(m["metric"]) != m["metric"]:
            warn.append(f"{rec['id']}: metric not simplified {m['metric']}")
        if m["unit"] == "" and not m["classifier"] and not m.get("optional"):
            warn.append(f"{rec['id']}: count without classifier {src}")
        # value cross-check on plain ascii numbers
        if m["low"] is None and re.fullmatch(r"[^0-9]*[0-9][0-9,.]*(万亿|万|亿)?[^0-9成]*", src) and "千" not in src:
            a = {"value": None, "low": None}
            engine.default_value(src, a)
            if m["value"] is None or abs(a["value"] - m["value"]) > 1e-6 * abs(a["value"]):
                if not any(x in src for x in ("/", "每")) or True:
                    warn.append(f"{rec['id']}: value {src!r} given {m['value']} parsed {a['value']}")
        if m["low"] is not None and m["high"] is not None and m["low"] > m["high"]:
            warn.append(f"{rec['id']}: low>high {src}")
    recs.append(rec)

out = sys.argv[1] if len(sys.argv) > 1 else str(__import__("pathlib").Path(__file__).resolve().parents[2] / "data" / "fresh-news.jsonl")
with open(out, "w", encoding="utf-8") as f:
    for r in recs:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print("\n".join(warn))
print(len(recs), "docs", sum(len(r["mentions"]) for r in recs), "mentions",
      sum(1 for r in recs for m in r["mentions"] if m.get("optional")), "optional",
      sum(len(r["text"]) for r in recs), "chars")
