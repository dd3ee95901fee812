"""Stage 1: normalise (traditional to simplified, full width, pinyin artefacts).

Throughput of :func:`cnquant.normalise.normalise` on the news corpus and on the
generated corpus; the figure of the next stages includes this one.
"""

from __future__ import annotations

from benchmarks.common import (
    Contender,
    Context,
    Section,
    Table,
    fmt_rate,
    fmt_time,
    interleaved,
    median,
    news_texts,
    synthetic_texts,
)


def run(ctx: Context) -> Section:
    """Normalise every text of each corpus, rounds interleaved."""
    from cnquant.normalise import normalise

    corpora = {"news": news_texts(), "generated": synthetic_texts(ctx.cfg.synthetic_chars // 10)}

    def job(name: str, texts: list[str]) -> Contender:
        def fn() -> None:
            for t in texts:
                normalise(t)
        return Contender(name, fn)

    times = interleaved([job(n, t) for n, t in corpora.items()], ctx.cfg.rounds)
    table = Table("Normalise throughput", ["corpus", "characters", "median time", "chars/s"])
    data = {}
    for name, texts in corpora.items():
        chars = sum(map(len, texts))
        t = median(times[name])
        table.rows.append([name, chars, fmt_time(t), fmt_rate(chars / t)])
        data[name] = chars / t
    return Section("normalise", "1. Normalise", tables=[table], data={"chars_per_s": data})
