"""Stage 6: accuracy on the development set, beside speed.

Every contender's output on tests/data/dev-news.jsonl is converted to the
interchange format (see :mod:`benchmarks.peers` for how) and scored with the
project's scorer (tests/tools/score.py, a copy of the shared one).  The speed
column repeats the news-corpus throughput of stage 4.  The gold counts what
mentions.md calls a quantity (money, physical amounts, percentages, counts
with a measure word ...), so a peer that reads money only is bound to miss the
rest: recall tells how much of the task a tool covers, precision how often
what it reports is a quantity at the right place.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import DATA, ROOT, Context, Section, Table, fmt_rate, read_jsonl
from benchmarks.peers import quiet

GOLD = DATA / "dev-news.jsonl"


def _scorer() -> Any:
    name = "cnquant_bench_score"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "tools" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def run(ctx: Context) -> Section:
    """Score cnquant and every scorable peer on the dev set."""
    import cnquant

    score = _scorer()
    docs = read_jsonl(GOLD)
    predictors: dict[str, Any] = {
        "cnquant.extract": lambda text, doc: [
            m.to_dict() for m in cnquant.extract(text, locale=doc.get("locale", "zh-CN"))],
    }
    labels = {"cnquant.extract": "cnquant.extract"}
    unscored = []
    for key, peer in ctx.peers.items():
        loaded = peer.load()
        if loaded.mentions is None:
            unscored.append(peer.label)
            continue
        predictors[key] = lambda text, doc, fn=loaded.mentions: fn(text)
        labels[key] = peer.label
    speed = ctx.sections["extract"].data["news"]["chars_per_s"] \
        if "extract" in ctx.sections else {}
    table = Table(f"Accuracy on the development set ({len(docs)} documents), scored by "
                  "tests/tools/score.py",
                  ["contender", "predicted", "span P", "span R", "span F1", "full F1",
                   "value acc.", "chars/s (news)"])
    data: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="cnquant-bench-") as tmp:
        for key, predict in predictors.items():
            pred = [{"id": d["id"], "text": d["text"],
                     "mentions": quiet(lambda d=d, f=predict: f(d["text"], d))()}
                    for d in docs]
            path = Path(tmp) / f"{key}.jsonl"
            path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pred),
                            encoding="utf-8")
            result = score.score(score.load_jsonl(str(GOLD), require_text=True),
                                 score.load_jsonl(str(path), require_text=True),
                                 score.Units(cnquant.ureg))
            s = result.overall.scores()
            data[key] = s
            rate = speed.get("cnquant.extract" if key == "cnquant.extract" else key)
            table.rows.append([labels[key], s["pred"], _pct(s["span_precision"]),
                               _pct(s["span_recall"]), _pct(s["span_f1"]), _pct(s["full_f1"]),
                               _pct(s["value_accuracy"]),
                               "-" if rate is None else fmt_rate(rate)])
    if unscored:
        table.note = "Not scored (no spans in the output): " + ", ".join(unscored) + "."
    return Section("accuracy", "6. Accuracy beside speed", intro=__doc__.split("\n\n", 1)[1],
                   tables=[table], data={"scores": data})
