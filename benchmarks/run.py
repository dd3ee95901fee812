"""The benchmark runner: ``python -m benchmarks [--quick] [--no-peers] [--out PATH]``.

Runs the stages in order (bench_01_normalise ... bench_06_accuracy), then writes
the Markdown report (by default docs/benchmarks.md), the chart next to it
(docs/img/benchmarks.png) and the raw figures as JSON
(benchmarks/results/latest.json, not versioned).

Peers come from the optional extra ``[bench]``; a peer that does not import is
skipped and named in the report, so ``--quick`` runs in CI with cnquant alone.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

os.environ.setdefault("CNQUANT_DISABLE_PLUGIN_AUTOLOAD", "1")  # first-party plugins only

from benchmarks import report
from benchmarks.common import ROOT, Config, Context, Section
from benchmarks.peers import PEERS, available_peers

STAGES = ("bench_01_normalise", "bench_02_scan", "bench_03_parse", "bench_04_extract",
          "bench_05_startup", "bench_06_accuracy")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the suite and write the report; exit status 0 when it ran."""
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="few rounds and small inputs (CI): checks that the suite runs")
    ap.add_argument("--no-peers", action="store_true", help="measure cnquant alone")
    ap.add_argument("--only", action="append", default=[], metavar="STAGE",
                    help="run only stages whose name contains STAGE (repeatable)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md",
                    help="the Markdown report (default: docs/benchmarks.md)")
    ap.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "latest.json",
                    help="the raw figures")
    args = ap.parse_args(argv)

    cfg = Config(quick=args.quick, peers=not args.no_peers)
    peers = available_peers(cfg.peers)
    missing = {p.label: p.error for k, p in PEERS.items() if cfg.peers and k not in peers}
    for label, why in missing.items():
        print(f"peer skipped: {label}: {why}", file=sys.stderr)
    ctx = Context(cfg, peers)
    for name in STAGES:
        if args.only and not any(o in name for o in args.only):
            continue
        t0 = time.perf_counter()
        module = importlib.import_module(f"benchmarks.{name}")
        section: Section = module.run(ctx)
        ctx.sections[section.key] = section
        print(f"{name}: {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        for t in section.targets:
            state = {True: "met", False: "NOT MET", None: "not measured"}[t.met]
            print(f"  {t.name}: {t.measured} (goal {t.goal}): {state}", file=sys.stderr)

    out: Path = args.out
    png = out.parent / "img" / (out.stem + ".png")
    drawn = report.chart(ctx.sections, png)
    command = report.COMMAND + (" --quick" if cfg.quick else "") + \
        (" --no-peers" if not cfg.peers else "")
    text = report.render(list(ctx.sections.values()), quick=cfg.quick, peers=peers,
                         missing=missing, chart=f"img/{png.name}" if drawn else None,
                         command=command)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({k: asdict(s) for k, s in ctx.sections.items()},
                                    ensure_ascii=False, indent=1, default=str),
                         encoding="utf-8")
    print(f"wrote {out}" + (f" and {png}" if drawn else
                            " (no chart: matplotlib missing, or no stage 3 or 4)"),
          file=sys.stderr)
    return 0
