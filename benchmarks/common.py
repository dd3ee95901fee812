"""What every benchmark stage shares: corpora, interleaved timing, the report model.

Timing rule of the suite: contenders are timed in the same process, one after
the other inside each round (A B C, then B C A, ...), and a figure is the
median over rounds.  Absolute times depend on the machine and on whatever else
runs on it; the ratios between contenders measured side by side are what the
report compares.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import platform
import random
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"

#: The news corpus: the development set and the seed article (tests/data).
NEWS_FILES = ("dev-news.jsonl", "seed.jsonl")
#: Seed of the generated corpus (any change of the generator changes the corpus).
SYNTHETIC_SEED = 20240601


# --------------------------------------------------------------------------- configuration
@dataclass
class Config:
    """How much to measure.  ``quick`` is the CI mode: few rounds, small inputs."""

    quick: bool = False
    peers: bool = True

    @property
    def rounds(self) -> int:
        """Rounds of interleaved timing for in-process figures."""
        return 3 if self.quick else 7

    @property
    def runs(self) -> int:
        """Fresh subprocesses per start-up figure."""
        return 2 if self.quick else 7

    @property
    def synthetic_chars(self) -> int:
        """Size of the generated corpus."""
        return 50_000 if self.quick else 1_000_000

    @property
    def scaling_sizes(self) -> tuple[int, ...]:
        """Input sizes (characters) of the scaling figure."""
        if self.quick:
            return (1_000, 10_000, 100_000)
        return (1_000, 10_000, 100_000, 1_000_000, 10_000_000)

    @property
    def adversarial_chars(self) -> int:
        """Size of each adversarial input."""
        return 10_000 if self.quick else 100_000


# --------------------------------------------------------------------------- report model
@dataclass
class Table:
    """One table of the report: a title, a note, columns and rows of cells."""

    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    note: str = ""


@dataclass
class Target:
    """A performance target of issue 6 and what was measured against it."""

    name: str
    goal: str
    measured: str
    met: bool | None  # None: not measured in this run (a peer missing, quick mode ...)
    why: str = ""


@dataclass
class Section:
    """The output of one benchmark stage."""

    key: str
    title: str
    intro: str = ""
    tables: list[Table] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)  # raw numbers, for the chart and JSON


@dataclass
class Context:
    """What a stage gets: the configuration, the peers that import, earlier sections."""

    cfg: Config
    peers: dict[str, Any]  # name -> benchmarks.peers.Peer
    sections: dict[str, Section] = field(default_factory=dict)


# --------------------------------------------------------------------------- timing
def _clock(fn: Callable[[], Any], setup: Callable[[], Any] | None) -> float:
    if setup is not None:
        setup()
    gc.collect()
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


@dataclass
class Contender:
    """Something to time: ``fn`` runs the work once; ``setup`` (untimed) runs before."""

    name: str
    fn: Callable[[], Any]
    setup: Callable[[], Any] | None = None


def interleaved(contenders: Sequence[Contender], rounds: int, *, warmup: int = 1
                ) -> dict[str, list[float]]:
    """Seconds per run of each contender, timed in rotating order round by round.

    Round ``r`` runs the contenders starting from the ``r``-th, so that no one
    always runs first (or right after the same neighbour).  ``warmup`` untimed
    rounds come first (lazy imports, compiled regexes, JIT-like caches of the
    peers).
    """
    times: dict[str, list[float]] = {c.name: [] for c in contenders}
    n = len(contenders)
    for r in range(warmup + rounds):
        for k in range(n):
            c = contenders[(r + k) % n]
            dt = _clock(c.fn, c.setup)
            if r >= warmup:
                times[c.name].append(dt)
    return times


def median(values: Sequence[float]) -> float:
    """The median (of a non-empty sequence)."""
    return statistics.median(values)


def per_call(fn: Callable[[], Any], *, budget: float = 0.02, min_calls: int = 20) -> float:
    """Seconds per call of a fast ``fn``: calls repeated for about ``budget`` seconds."""
    calls = min_calls
    while True:
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        dt = time.perf_counter() - t0
        if dt >= budget or calls >= 1_000_000:
            return dt / calls
        calls *= 2 if dt <= 0 else max(2, min(10, int(budget / dt) + 1))


# --------------------------------------------------------------------------- corpora
def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The documents of a JSON-lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def news_documents() -> list[dict[str, Any]]:
    """The news corpus with its gold mentions: dev set and seed article."""
    docs: list[dict[str, Any]] = []
    for name in NEWS_FILES:
        docs.extend(read_jsonl(DATA / name))
    return docs


def news_texts() -> list[str]:
    """The texts of the news corpus."""
    return [d["text"] for d in news_documents()]


_FILLER = (
    "据了解", "记者从市发改委获悉", "项目建成后", "其中", "截至目前", "今年以来", "与此同时",
    "该公司负责人介绍", "按照计划", "据统计", "会议指出", "相关负责人表示", "在此基础上",
    "全市上下", "目前项目进展顺利", "预计明年投产", "各项指标稳中有进", "产业结构持续优化",
)
# fixed (not read from the vocabulary), so that the corpus stays the same across versions
_METRICS = (
    "总投资", "年产", "营业收入", "利税", "占地", "同比增长", "出口额", "产值", "销售收入",
    "利润", "进口额", "建筑面积", "年销售收入", "一期投资", "税收", "产量", "增加值",
    "固定资产投资", "实际利用外资", "完成投资", "计划投资", "用地面积", "净利润", "年产值",
    "成交额", "贷款余额", "注册资本", "总产值", "年均增长", "实现收入",
)
_PLACES = ("全市", "全省", "该区", "园区", "公司", "集团", "开发区", "本市", "县里", "企业")
_UNITS = ("CNY", "CNY", "CNY", "USD", "HKD", "EUR", "metric_ton", "kilogram", "hectare", "mu",
          "square_meter", "square_kilometer", "kilowatt_hour", "kilowatt", "percent",
          "percent", "percentage_point", "year", "month", "day", "kilometer", "cubic_meter")
_CLASSIFIERS = ("个", "家", "项", "人", "台", "套", "座", "户", "名", "辆")
_APPROX = ("exact",) * 6 + ("about", "more_than", "at_least", "less_than", "at_most",
                            "nearly", "range")


def _value(rnd: random.Random) -> float:
    mantissa = rnd.choice((rnd.randint(1, 9), rnd.randint(10, 99), rnd.randint(100, 9999),
                           round(rnd.uniform(1, 100), 1), round(rnd.uniform(0, 10), 2)))
    return float(mantissa) * rnd.choice((1, 1, 1, 10, 100, 1_000, 10_000, 100_000_000))


def synthetic_documents(n_chars: int, seed: int = SYNTHETIC_SEED) -> Iterator[str]:
    """News-like paragraphs whose quantities are written by :func:`cnquant.format`.

    Deterministic for a given ``seed`` (and independent of the vocabulary):
    numbers come from ``random.Random(seed)``, and each quantity is written
    in Arabic, Chinese or capital numerals, simplified or traditional, half or
    full width.  Yields paragraphs until ``n_chars`` characters are out.
    """
    import cnquant
    from cnquant import Approx, Mention

    rnd = random.Random(seed)
    metrics = _METRICS
    produced = 0
    while produced < n_chars:
        parts = []
        for _ in range(rnd.randint(2, 6)):
            approx = rnd.choice(_APPROX)
            count = rnd.random() < 0.25
            unit = "" if count else rnd.choice(_UNITS)
            classifier = rnd.choice(_CLASSIFIERS) if count else None
            value = _value(rnd)
            if unit in ("percent", "percentage_point"):
                value = round(rnd.uniform(0.1, 99), 1)
            if count:
                value = float(rnd.randint(1, 5000))
            low, high = (value, value * rnd.choice((1.5, 2, 3))) if approx == "range" else \
                (None, None)
            m = Mention(0, 0, "", None if low else value, low, high, unit, classifier,
                        Approx(approx))
            try:
                with warnings.catch_warnings():  # cn2an warns about long decimal parts
                    warnings.simplefilter("ignore")
                    q = cnquant.format(
                        m, numerals=rnd.choice(("arabic",) * 4 + ("chinese", "capital")),
                        script=rnd.choice(("simplified",) * 3 + ("traditional",)),
                        width=rnd.choice(("half",) * 5 + ("full",)))
            except ValueError:
                continue
            parts.append(f"{rnd.choice(_PLACES)}{rnd.choice(metrics)}{q}")
            if rnd.random() < 0.5:
                parts.append(rnd.choice(_FILLER))
        text = "，".join(parts) + "。"
        produced += len(text)
        yield text


def synthetic_texts(n_chars: int, seed: int = SYNTHETIC_SEED) -> list[str]:
    """:func:`synthetic_documents` as a list."""
    return list(synthetic_documents(n_chars, seed))


def sized_text(n_chars: int) -> str:
    """Exactly ``n_chars`` characters of generated news (paragraphs joined by newlines)."""
    out: list[str] = []
    size = 0
    for doc in synthetic_documents(n_chars):
        out.append(doc)
        size += len(doc) + 1
    return "\n".join(out)[:n_chars]


def adversarial_inputs(n_chars: int) -> dict[str, str]:
    """The hostile inputs of issue 6, ``n_chars`` characters each."""
    return {
        "digits (0123456789…)": ("0123456789" * (n_chars // 10 + 1))[:n_chars],
        "万万万…": "万" * n_chars,
        "约约约…": "约" * n_chars,
        "1.1.1.1…": ("1." * (n_chars // 2 + 1))[:n_chars],
    }


# --------------------------------------------------------------------------- environment
def machine() -> dict[str, str]:
    """The machine and interpreter the figures come from."""
    info = {
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpus": str(os.cpu_count()),
    }
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    info["processor"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        with open("/proc/meminfo", encoding="utf-8") as fh:
            kb = int(fh.readline().split()[1])
            info["memory"] = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    with contextlib.suppress(OSError):
        info["load average"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return info


def version_of(distribution: str) -> str:
    """The installed version of a distribution, or ``"-"``."""
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "-"


def subprocess_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a measuring subprocess: this checkout first on the path."""
    env = dict(os.environ)
    path = [str(ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
    env["PYTHONPATH"] = os.pathsep.join(path)
    env["CNQUANT_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    env.pop("PYTHONHASHSEED", None)
    if extra:
        env.update(extra)
    return env


def fmt_rate(x: float) -> str:
    """A rate with an SI suffix: 1234567 -> '1.23 M'."""
    for div, suffix in ((1e9, " G"), (1e6, " M"), (1e3, " k")):
        if x >= div:
            return f"{x / div:.3g}{suffix}"
    return f"{x:.3g} "


def fmt_time(seconds: float) -> str:
    """A duration in the unit that suits it."""
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def fmt_ratio(x: float) -> str:
    """A ratio: 1.53 -> '1.53×'."""
    return f"{x:.3g}×"


def python() -> str:
    """The interpreter running the suite."""
    return sys.executable
