"""Stage 3: parse one expression (Lark LALR grammar, transformer, context).

Latency per expression of :func:`cnquant.parse`, beside ``jionlp.parse_money``
on money expressions and ``cn2an.cn2an`` (smart mode) on numerals.  Three
expression sets:

* **gold**: the texts of the gold mentions of the news corpus, as written;
* **money**: the gold mentions in a currency, in simplified characters (so that
  jionlp, which reads simplified text, gets a fair chance);
* **numerals**: numbers written in Chinese numerals by :func:`cnquant.format`
  from a seeded random generator.

For every expression each contender is called repeatedly (about 3 ms of calls;
the first call is not timed) and the contenders take turns; the per-expression
figure is the median over rounds, the reported figure the median over
expressions.  ``warm`` is the normal state of a running process: the window
cache already holds the expression.  ``cache cleared`` empties the window
cache before every call, so the grammar runs each time; ``grammar only`` is the
Lark parse of the window alone.
"""

from __future__ import annotations

import random
import warnings
from collections.abc import Callable
from typing import Any

from benchmarks.common import (
    Context,
    Section,
    Table,
    Target,
    fmt_ratio,
    median,
    news_documents,
    per_call,
)

TARGET_US = 15.0


def _sample(items: list[str], n: int) -> list[str]:
    if len(items) <= n:
        return items
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def _expressions(n: int) -> dict[str, list[str]]:
    import cnquant
    from cnquant.normalise import to_simplified

    gold: list[str] = []
    money: list[str] = []
    for doc in news_documents():
        for m in doc["mentions"]:
            if m.get("optional"):
                continue
            gold.append(m["text"])
            if len(m["unit"]) == 3 and m["unit"].isupper():
                money.append(to_simplified(m["text"]))
    rnd = random.Random(7)
    numerals = []
    for _ in range(n):
        value = rnd.choice((rnd.randint(1, 99), rnd.randint(100, 99_999),
                            rnd.randint(10**5, 10**12), rnd.randint(0, 1_000_000) / 100))
        with warnings.catch_warnings():  # cn2an warns about long decimal parts
            warnings.simplefilter("ignore")
            numerals.append(cnquant.format(cnquant.ureg.Quantity(value, "dimensionless"),
                                           numerals="chinese"))
    return {"gold": _sample(sorted(set(gold)), n), "money": _sample(sorted(set(money)), n),
            "numerals": numerals}


def _safe(fn: Callable[[str], Any]) -> Callable[[str], bool]:
    def call(expr: str) -> bool:
        try:
            fn(expr)
        except Exception:
            return False
        return True
    return call


def run(ctx: Context) -> Section:
    """Per-expression latency of cnquant and the peers, interleaved per expression."""
    import cnquant

    ex = cnquant.default_extractor()
    clear = ex.clear_cache

    def cleared(expr: str) -> Any:
        clear()
        return ex.parse(expr)

    def grammar(expr: str) -> Any:
        from cnquant.normalise import normalise

        return ex._parse_uncached(normalise(expr).text)

    cn: dict[str, Callable[[str], bool]] = {
        "cnquant.parse (warm)": _safe(ex.parse),
        "cnquant.parse (cache cleared)": _safe(cleared),
        "grammar only (one Lark parse)": _safe(grammar),
    }
    peer_fns: dict[str, dict[str, Callable[[str], bool]]] = {"gold": {}, "money": {},
                                                              "numerals": {}}
    if "jionlp" in ctx.peers:
        peer_fns["money"]["jionlp.parse_money"] = _safe(ctx.peers["jionlp"].load().parse)
    if "cn2an" in ctx.peers:
        peer_fns["numerals"]["cn2an.cn2an (smart)"] = _safe(ctx.peers["cn2an"].load().parse)

    n = 25 if ctx.cfg.quick else 100
    budget = 0.001 if ctx.cfg.quick else 0.003
    sets = _expressions(n)
    table = Table("Latency per expression (median over expressions)",
                  ["expressions", "contender", "median latency", "answered", "vs cnquant warm"])
    data: dict[str, dict[str, float]] = {}
    for set_name, exprs in sets.items():
        fns = {**cn, **peer_fns[set_name]}
        per_expr: dict[str, list[float]] = {k: [] for k in fns}
        answered = {k: sum(fn(e) for e in exprs) for k, fn in fns.items()}  # also warms up
        names = list(fns)
        for i, expr in enumerate(exprs):
            samples: dict[str, list[float]] = {k: [] for k in fns}
            for r in range(ctx.cfg.rounds):
                for k in range(len(names)):
                    name = names[(r + k + i) % len(names)]
                    fn = fns[name]
                    samples[name].append(per_call(lambda fn=fn, e=expr: fn(e), budget=budget))
            for name in names:
                per_expr[name].append(median(samples[name]))
        data[set_name] = {name: median(v) for name, v in per_expr.items()}
        base = data[set_name]["cnquant.parse (warm)"]
        for name in names:
            t = data[set_name][name]
            table.rows.append([f"{set_name} ({len(exprs)})", name, f"{t * 1e6:.1f} µs",
                               f"{answered[name]}/{len(exprs)}",
                               "" if name == "cnquant.parse (warm)" else fmt_ratio(t / base)])
    warm = data["gold"]["cnquant.parse (warm)"] * 1e6
    cold = data["gold"]["cnquant.parse (cache cleared)"] * 1e6
    targets = [Target("warm parse latency", f"≤ {TARGET_US:g} µs per expression (median, "
                      "gold expressions)", f"{warm:.1f} µs", warm <= TARGET_US,
                      f"with the cache cleared before each call: {cold:.1f} µs")]
    return Section("parse", "3. Parse one expression", intro=__doc__.split("\n\n", 1)[1],
                   tables=[table], targets=targets, data={"latency_s": data})
