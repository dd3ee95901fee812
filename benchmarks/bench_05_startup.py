"""Stage 5: start-up and memory, each run in a fresh interpreter.

* **import + first extract**: ``import cnquant`` and a first ``extract`` of the
  seed article (examples/seed.txt), timed inside a new subprocess (interpreter
  start-up itself excluded), median of several runs.  With the disk cache
  warm (compiled grammar and parsed unit definitions kept by an earlier run,
  the normal state after the first use) and with ``CNQUANT_NO_CACHE=1`` (what
  the very first run after installation pays).  The peers' import and first
  call are timed the same way, runs interleaved.
* **plugins**: the same with every first-party plugin against ``core`` alone;
  the difference is what loading the plugins adds to the first extract.
* **peak memory**: the high-water mark of resident memory (``VmHWM``) of a
  fresh process that extracts the whole corpus (news and generated), one
  document after the other; once dropping each document's mentions after it
  (as ``cnquant extract --docs`` streams them), once keeping them all.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import (
    ROOT,
    Context,
    Section,
    Table,
    Target,
    fmt_time,
    median,
    news_texts,
    subprocess_env,
    synthetic_texts,
)

SEED = ROOT / "examples" / "seed.txt"
STARTUP_TARGET = 0.5
PLUGINS_TARGET = 0.1
RSS_TARGET_MB = 80.0

_CNQUANT = """
import json, sys, time
if len(sys.argv) > 3 and sys.argv[3] == "no-numpy":
    sys.modules["numpy"] = None  # as if numpy were not installed (pint then does without)
t0 = time.perf_counter()
import cnquant
t1 = time.perf_counter()
text = open(sys.argv[1], encoding="utf-8").read()
t2 = time.perf_counter()
if sys.argv[2] == "all":
    found = cnquant.extract(text)
else:
    found = cnquant.Extractor(plugins=["core"]).extract(text)
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first": t3 - t2, "total": t1 - t0 + t3 - t2,
                  "numpy": "numpy" in sys.modules and sys.modules["numpy"] is not None,
                  "mentions": len(found), "plugins": len(cnquant.default_extractor().plugins)
                  if sys.argv[2] == "all" else 1}))
"""

_PEER = """
import contextlib, io, json, sys, time, warnings
warnings.simplefilter("ignore")
text = open(sys.argv[1], encoding="utf-8").read()
t0 = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    from benchmarks.peers import PEERS
    loaded = PEERS[sys.argv[2]].load()
    t1 = time.perf_counter()
    loaded.extract(text)
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "first": t2 - t1, "total": t2 - t0}))
"""

_RSS = """
import json, resource, sys


def peak_kb():
    # VmHWM: the high-water mark of this process's memory.  ru_maxrss would also
    # count the parent that forked it (Linux keeps it across exec).
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


import cnquant
before = peak_kb()
keep = sys.argv[2] == "keep"
mentions, found, chars = [], 0, 0
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        text = json.loads(line)
        chars += len(text)
        got = cnquant.extract(text)
        found += len(got)
        if keep:
            mentions.extend(got)
print(json.dumps({"import_kb": before, "peak_kb": peak_kb(), "mentions": found,
                  "chars": chars}))
"""


def _run(code: str, args: list[str], env: dict[str, str]) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", code, *args], env=env, cwd=str(ROOT),
                         capture_output=True, text=True, timeout=600, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"benchmark subprocess failed: {out.stderr.strip()[-2000:]}")
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def run(ctx: Context) -> Section:
    """Fresh-process figures: start-up, plugins, peak memory."""
    with tempfile.TemporaryDirectory(prefix="cnquant-bench-") as tmp:
        cache_env = subprocess_env({"CNQUANT_CACHE_DIR": str(Path(tmp) / "cache")})
        nocache_env = subprocess_env({"CNQUANT_NO_CACHE": "1"})
        seed = [str(SEED)]
        _run(_CNQUANT, [*seed, "all"], cache_env)  # fills the disk cache
        _run(_CNQUANT, [*seed, "core"], cache_env)
        jobs: dict[str, tuple[str, list[str], dict[str, str]]] = {
            "cnquant, all plugins, disk cache warm": (_CNQUANT, [*seed, "all"], cache_env),
            "cnquant, core only, disk cache warm": (_CNQUANT, [*seed, "core"], cache_env),
            "cnquant, all plugins, no disk cache": (_CNQUANT, [*seed, "all"], nocache_env),
            "cnquant, core only, no disk cache": (_CNQUANT, [*seed, "core"], nocache_env),
        }
        numpy_present = _run(_CNQUANT, [*seed, "all"], cache_env)["numpy"]
        if numpy_present:
            jobs["cnquant, all plugins, disk cache warm, without numpy"] = (
                _CNQUANT, [*seed, "all", "no-numpy"], cache_env)
        for key, peer in ctx.peers.items():
            jobs[peer.label] = (_PEER, [*seed, key], subprocess_env())
        samples: dict[str, list[dict[str, Any]]] = {k: [] for k in jobs}
        names = list(jobs)
        for r in range(ctx.cfg.runs):
            for k in range(len(names)):
                name = names[(r + k) % len(names)]
                code, args, env = jobs[name]
                samples[name].append(_run(code, args, env))

        corpus = Path(tmp) / "corpus.jsonl"
        texts = news_texts() + synthetic_texts(ctx.cfg.synthetic_chars)
        corpus.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in texts),
                          encoding="utf-8")
        rss = {mode: [_run(_RSS, [str(corpus), mode], cache_env)
                      for _ in range(min(3, ctx.cfg.runs))] for mode in ("stream", "keep")}

    med = {name: {k: median([s[k] for s in ss]) for k in ("import", "first", "total")}
           for name, ss in samples.items()}
    table = Table("Import and first extract of the seed article, fresh process "
                  f"(median of {ctx.cfg.runs} runs, wall-clock time)",
                  ["contender", "import", "first call", "total"])
    for name, m in med.items():
        table.rows.append([name, fmt_time(m["import"]), fmt_time(m["first"]),
                           fmt_time(m["total"])])
    if numpy_present:
        table.note = ("numpy is installed here (matplotlib needs it) and pint imports it when "
                      "it can; cnquant does not need it. The row without numpy hides it from "
                      "the process, as on an installation without it. The targets are judged "
                      "on the rows with numpy.")
    warm = med["cnquant, all plugins, disk cache warm"]["total"]
    nonp = med.get("cnquant, all plugins, disk cache warm, without numpy", {}).get("total")
    cold = med["cnquant, all plugins, no disk cache"]["total"]
    added = warm - med["cnquant, core only, disk cache warm"]["total"]
    added_cold = cold - med["cnquant, core only, no disk cache"]["total"]
    n_plugins = samples["cnquant, all plugins, disk cache warm"][0]["plugins"]
    peak = {mode: median([r["peak_kb"] for r in rs]) / 1024 for mode, rs in rss.items()}
    import_mb = median([r["import_kb"] for r in rss["stream"]]) / 1024
    first = rss["stream"][0]
    mem = Table("Peak memory (high-water mark of resident memory) extracting the whole corpus "
                f"in a fresh process (median of {len(rss['stream'])} runs)",
                ["corpus", "characters", "mentions", "mentions kept", "after import",
                 "peak"])
    label = f"news + generated ({len(texts)} documents)"
    mem.rows.append([label, first["chars"], first["mentions"], "one document's at a time",
                     f"{import_mb:.1f} MB", f"{peak['stream']:.1f} MB"])
    mem.rows.append([label, first["chars"], first["mentions"], "all", f"{import_mb:.1f} MB",
                     f"{peak['keep']:.1f} MB"])
    peak_mb = peak["stream"]
    targets = [
        Target("import cnquant + first extract", f"≤ {STARTUP_TARGET:g} s (wall clock)",
               fmt_time(warm), warm <= STARTUP_TARGET,
               "disk cache warm" + (f"; {fmt_time(nonp)} without numpy" if nonp else "")),
        Target("import cnquant + first extract, first run",
               f"≤ {STARTUP_TARGET:g} s (wall clock)", fmt_time(cold), cold <= STARTUP_TARGET,
               "no disk cache (CNQUANT_NO_CACHE=1)"),
        Target("plugins on the first extract", f"< {PLUGINS_TARGET * 1000:g} ms added",
               f"{added * 1000:+.0f} ms", added < PLUGINS_TARGET,
               f"{n_plugins} first-party plugin(s) against core alone, disk cache warm "
               f"({added_cold * 1000:+.0f} ms without the disk cache)"),
        Target("peak RSS, whole corpus", f"≤ {RSS_TARGET_MB:g} MB", f"{peak_mb:.1f} MB",
               peak_mb <= RSS_TARGET_MB,
               f"{first['chars']:,} characters, each document's mentions dropped after it "
               f"(as cnquant extract --docs does); {peak['keep']:.1f} MB keeping them all"),
    ]
    return Section("startup", "5. Start-up and memory", intro=__doc__.split("\n\n", 1)[1],
                   tables=[table, mem], targets=targets,
                   data={"startup_s": med, "peak_rss_mb": peak, "import_rss_mb": import_mb,
                         "plugins": n_plugins})
