"""What the speed work of issue 6 must not change, and what it adds.

* the one-pass longest-prefix reading keeps token positions (a deep copy of
  Lark's tokens dropped ``end_pos``, and 在…之间 then kept 在 in the span when
  text followed);
* the grammar text is the same in every process (the disk cache is keyed by it);
* the disk cache directory follows ``CNQUANT_CACHE_DIR`` and ``CNQUANT_NO_CACHE``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import cnquant
from cnquant._resources import cache_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("text", ["资本支出维持在75億至80億美元之间",
                                  "资本支出维持在75億至80億美元之间,明年",
                                  "维持在75億至80億美元之间。"])
def test_between_frame_stays_out_whatever_follows(text: str) -> None:
    [m] = cnquant.extract(text)
    assert m.text == "75億至80億美元"
    assert (m.low, m.high, m.unit) == (7_500_000_000, 8_000_000_000, "USD")


def test_longest_prefix_with_trailing_text() -> None:
    ex = cnquant.default_extractor()
    assert [m.text for m in ex.extract("总投资50亿元,一期投资10.8亿元,占地50余公顷")] == [
        "50亿元", "10.8亿元", "50余公顷"]
    length, _ = ex._parse_uncached("28个亿元项")
    assert length == 3


def test_grammar_text_is_the_same_in_every_process() -> None:
    code = ("import hashlib; from cnquant.grammar import grammar_text; "
            "from cnquant.plugins import load_vocabulary; "
            "print(hashlib.sha256(grammar_text(load_vocabulary(None)).encode()).hexdigest())")
    digests = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                             text=True, check=True, timeout=120)
        digests.add(out.stdout.strip())
    assert len(digests) == 1


def test_cache_dir_follows_the_environment(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CNQUANT_NO_CACHE", raising=False)
    monkeypatch.setenv("CNQUANT_CACHE_DIR", str(tmp_path / "c"))
    assert cache_dir("lark") == tmp_path / "c" / "lark"
    assert (tmp_path / "c" / "lark").is_dir()
    monkeypatch.setenv("CNQUANT_NO_CACHE", "1")
    assert cache_dir("lark") is None
    monkeypatch.delenv("CNQUANT_NO_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("CNQUANT_CACHE_DIR", str(blocker))
    assert cache_dir("lark") is None  # cannot be created: no cache, no error


def test_memoised_context_reads_the_same_warm_and_after_clear_cache() -> None:
    """The context stage memoises the phrases it cleans and searches: a second pass
    over the same text, and a pass after clear_cache, give the same mentions."""
    ex = cnquant.Extractor(plugins=["core"])
    text = ("全年粮食总产量稳定在62.5万吨,其中年产葛粉3000吨、糊化粉1200吨;"
            "融资余额增加35.28亿元,达3112亿元。规模以上工业增加值增长6.5%。")
    first = ex.extract(text)
    assert len(first) == 6 and all(m.metric for m in first)
    assert ex.extract(text) == first
    ex.clear_cache()
    assert ex._context._clean.cache_info().currsize == 0  # type: ignore[attr-defined]
    assert ex.extract(text) == first
