"""Huge or hostile text: no error, no blow-up.

Time is not measured here (machines are noisy; see benchmarks/).  Work is: the number
of grammar parses and of scanner windows must grow linearly with the input.
"""

from __future__ import annotations

import pytest

from cnquant import Extractor

HOSTILE = {
    "digits": "1234567890",
    "wan": "万",
    "yue": "约",
    "dots": "1.",
    "numerals": "一二三四五六七八九十",
    "markers": "约超过逾近余多以上左右",
    "mixed": "约3至5万吨,",
    "separators": "1-",
    "one": "一个",
}


def _work(ex: Extractor, text: str) -> tuple[int, int]:
    """(windows scanned, grammar parses) for extracting ``text``."""
    ex._parse_window.cache_clear()  # count real parses, not cache hits
    windows = sum(1 for _ in ex._scanner.windows(ex_norm(text)))
    ex.extract(text)
    return windows, ex._parse_window.cache_info().misses


def ex_norm(text: str) -> str:
    from cnquant.normalise import normalise

    return normalise(text).text


@pytest.fixture(scope="module")
def ex():
    return Extractor(plugins=["core"])


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_runs_and_work_is_linear(ex, name):
    unit = HOSTILE[name]
    small = unit * (2000 // len(unit))
    large = unit * (20000 // len(unit))
    found = ex.extract(large)
    for m in found:
        assert large[m.start:m.end] == m.text
    w_small, p_small = _work(ex, small)
    w_large, p_large = _work(ex, large)
    assert w_large <= 11 * max(w_small, 1)
    assert p_large <= 11 * max(p_small, 1)


def test_a_very_long_number_is_not_a_quantity(ex):
    assert ex.extract("9" * 100_000 + "元") == []
