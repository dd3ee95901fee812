"""cnquant's benchmark suite, numbered by pipeline stage.

Run it from the repository root::

    python -m benchmarks            # full run; writes docs/benchmarks.md
    python -m benchmarks --quick    # a few seconds' worth of each figure (CI)

Stages: ``bench_01_normalise``, ``bench_02_scan``, ``bench_03_parse``,
``bench_04_extract`` (against the peers, scaling, adversarial input),
``bench_05_startup`` (fresh processes: start-up, plugins, peak memory) and
``bench_06_accuracy`` (the peers' accuracy on the dev set beside their speed).
"""
