"""Stage 4: extract end to end (normalise, scan, parse, context, mentions).

* **Throughput against the peers** on the news corpus (tests/data: the dev set
  and the seed article) and on a generated corpus, every contender on the same
  texts, rounds interleaved.  cnquant's window cache is emptied before each of
  its rounds, so every round is a first pass over the corpus (a long-running
  process that has seen the same strings is faster: see the informational
  row).  chars/s counts the characters of the input; mentions/s counts what each
  contender reports (jionlp: money only; Recognizers-Text: every result of its
  four models; cn2an: none, it rewrites text).
* **Scaling**: one generated text of 1 KB up to 10 MB; the time of each size
  against the size ten times smaller.
* **Adversarial input**: 100 KB each of digits, of 万, of 约 and of ``1.1.1.…``,
  against the news corpus.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from benchmarks.common import (
    Contender,
    Context,
    Section,
    Table,
    Target,
    adversarial_inputs,
    fmt_rate,
    fmt_ratio,
    fmt_time,
    interleaved,
    median,
    news_texts,
    sized_text,
    synthetic_texts,
)
from benchmarks.peers import quiet

CNQUANT = "cnquant.extract"
TARGETS = {"jionlp": 1.5, "recognizers": 100.0}


def _throughput(ctx: Context, corpus: str, texts: list[str]) -> tuple[Table, dict[str, Any]]:
    import cnquant

    ex = cnquant.default_extractor()
    clear = ex.clear_cache
    chars = sum(map(len, texts))
    fns: dict[str, Callable[[str], Any]] = {CNQUANT: ex.extract}
    counts: dict[str, Callable[[Any], int] | None] = {CNQUANT: len}
    labels = {CNQUANT: CNQUANT}
    for key, peer in ctx.peers.items():
        loaded = peer.load()
        fns[key] = loaded.extract
        counts[key] = loaded.counts
        labels[key] = peer.label
    found: dict[str, int | None] = {}
    for key, fn in fns.items():
        count = counts[key]
        results = quiet(lambda fn=fn: [fn(t) for t in texts])()
        found[key] = sum(count(r) for r in results) if count else None

    contenders = [Contender(CNQUANT, lambda: [ex.extract(t) for t in texts], setup=clear),
                  Contender("cnquant (window cache kept)",
                            lambda: [ex.extract(t) for t in texts])]
    for key in ctx.peers:
        fn = fns[key]
        contenders.append(Contender(key, quiet(lambda fn=fn: [fn(t) for t in texts])))
    times = interleaved(contenders, ctx.cfg.rounds)
    rate = {name: chars / median(ts) for name, ts in times.items()}
    table = Table(f"Extraction throughput: {corpus} corpus ({len(texts)} documents, "
                  f"{chars:,} characters)",
                  ["contender", "median time", "chars/s", "mentions", "mentions/s",
                   "cnquant is … faster"])
    for name in times:
        key = name if name in labels else CNQUANT
        label = labels.get(name, name + " (informational)")
        n = found.get(key)
        t = median(times[name])
        table.rows.append([label, fmt_time(t), fmt_rate(rate[name]),
                           "-" if n is None else n,
                           "-" if n is None else fmt_rate(n / t),
                           "" if name in (CNQUANT, "cnquant (window cache kept)") else
                           fmt_ratio(rate[CNQUANT] / rate[name])])
    return table, {"chars_per_s": rate, "mentions": found, "chars": chars}


def _scaling(ctx: Context) -> tuple[Table, list[Target], dict[str, Any]]:
    import cnquant

    ex = cnquant.default_extractor()
    clear = ex.clear_cache
    sizes = ctx.cfg.scaling_sizes
    full = sized_text(max(sizes))
    texts = {n: full[:n] for n in sizes}

    def job(n: int) -> Contender:
        text = texts[n]
        reps = max(1, 200_000 // n)

        def fn() -> None:
            for _ in range(reps):
                clear()
                ex.extract(text)
        return Contender(str(n), fn)

    ex.extract(texts[min(sizes)])
    times = interleaved([job(n) for n in sizes], ctx.cfg.rounds, warmup=0)
    per = {n: median(times[str(n)]) / max(1, 200_000 // n) for n in sizes}
    table = Table("Scaling: one generated text of growing size (window cache emptied each run)",
                  ["size", "median time", "chars/s", "time / time of a 10× smaller text"])
    steps = []
    for i, n in enumerate(sizes):
        step = per[n] / per[sizes[i - 1]] if i else None
        if step is not None:
            steps.append(step)
        table.rows.append([f"{n:,} chars", fmt_time(per[n]), fmt_rate(n / per[n]),
                           "" if step is None else f"{step:.2f}"])
    worst = max(steps)
    label = f"{sizes[0]:,} → {sizes[-1]:,} chars"
    targets = [Target("scaling", "10× more input costs ≤ 11× the time (every step, "
                      + label + ")", f"worst step {worst:.2f}×", worst <= 11.0)]
    return table, targets, {"seconds": per}


def _adversarial(ctx: Context, news: list[str]) -> tuple[Table, list[Target], dict[str, Any]]:
    import cnquant

    ex = cnquant.default_extractor()
    clear = ex.clear_cache
    inputs = {"news corpus": news}
    inputs.update({k: [v] for k, v in adversarial_inputs(ctx.cfg.adversarial_chars).items()})
    contenders = [Contender(name, lambda ts=ts: [ex.extract(t) for t in ts], setup=clear)
                  for name, ts in inputs.items()]
    times = interleaved(contenders, ctx.cfg.rounds)
    rate = {name: sum(map(len, inputs[name])) / median(times[name]) for name in inputs}
    table = Table("Adversarial input against news text (chars/s, window cache emptied each run)",
                  ["input", "characters", "median time", "chars/s", "vs news"])
    worst = min(rate[n] / rate["news corpus"] for n in inputs if n != "news corpus")
    for name, ts in inputs.items():
        table.rows.append([name, sum(map(len, ts)), fmt_time(median(times[name])),
                           fmt_rate(rate[name]),
                           "" if name == "news corpus" else fmt_ratio(rate[name] /
                                                                     rate["news corpus"])])
    targets = [Target("adversarial input", "at least half as fast (chars/s) as news text, "
                      f"{ctx.cfg.adversarial_chars // 1000} KB each", f"slowest {worst:.2f}×",
                      worst >= 0.5)]
    return table, targets, {"chars_per_s": rate}


def run(ctx: Context) -> Section:
    """Throughput against the peers, scaling and adversarial input."""
    news = news_texts()
    news_table, news_data = _throughput(ctx, "news", news)
    gen_size = 20_000 if ctx.cfg.quick else 100_000
    gen_table, gen_data = _throughput(ctx, "generated", synthetic_texts(gen_size))
    scale_table, scale_targets, scale_data = _scaling(ctx)
    adv_table, adv_targets, adv_data = _adversarial(ctx, news)
    targets = []
    rate = news_data["chars_per_s"]
    for key, goal in TARGETS.items():
        label = {"jionlp": "jionlp.ner.extract_money", "recognizers": "Recognizers-Text"}[key]
        name = f"throughput vs {label}"
        want = f"≥ {goal:g}× (news corpus, chars/s)"
        if key in rate:
            ratio = rate[CNQUANT] / rate[key]
            targets.append(Target(name, want, fmt_ratio(ratio), ratio >= goal))
        else:
            targets.append(Target(name, want, "not measured", None,
                                  "peer not installed (pip install -e '.[bench]')"))
    return Section("extract", "4. Extract end to end", intro=__doc__.split("\n\n", 1)[1],
                   tables=[news_table, gen_table, scale_table, adv_table],
                   targets=targets + scale_targets + adv_targets,
                   data={"news": news_data, "generated": gen_data, "scaling": scale_data,
                         "adversarial": adv_data})
