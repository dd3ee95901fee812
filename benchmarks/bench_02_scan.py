"""Stage 2: scan (the one compiled pattern that proposes candidate windows).

Throughput of :meth:`cnquant.scan.Scanner.windows` on normalised text: the news
corpus, the generated corpus and the adversarial inputs.  The scanner's
pattern is bounded, so hostile text must not be much slower than news.
"""

from __future__ import annotations

from benchmarks.common import (
    Contender,
    Context,
    Section,
    Table,
    adversarial_inputs,
    fmt_rate,
    fmt_time,
    interleaved,
    median,
    news_texts,
    synthetic_texts,
)


def run(ctx: Context) -> Section:
    """Scan each (normalised) input for windows, rounds interleaved."""
    import cnquant
    from cnquant.normalise import normalise

    scanner = cnquant.default_extractor()._scanner
    inputs: dict[str, list[str]] = {
        "news": [normalise(t).text for t in news_texts()],
        "generated": [normalise(t).text for t in synthetic_texts(ctx.cfg.synthetic_chars // 10)],
    }
    for name, text in adversarial_inputs(ctx.cfg.adversarial_chars).items():
        inputs[name] = [normalise(text).text]
    counts = {name: sum(1 for t in texts for _ in scanner.windows(t))
              for name, texts in inputs.items()}

    def job(name: str, texts: list[str]) -> Contender:
        def fn() -> None:
            for t in texts:
                for _ in scanner.windows(t):
                    pass
        return Contender(name, fn)

    times = interleaved([job(n, t) for n, t in inputs.items()], ctx.cfg.rounds)
    table = Table("Scan throughput (all windows, without parsing)",
                  ["input", "characters", "windows", "median time", "chars/s"])
    data = {}
    for name, texts in inputs.items():
        chars = sum(map(len, texts))
        t = median(times[name])
        table.rows.append([name, chars, counts[name], fmt_time(t), fmt_rate(chars / t)])
        data[name] = chars / t
    return Section("scan", "2. Scan", tables=[table], data={"chars_per_s": data})
