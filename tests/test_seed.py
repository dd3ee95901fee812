"""Issue 2's acceptance: the seed article, fully right, no false positive, every metric."""

from __future__ import annotations

from scoring import score_file


def test_seed_article_is_read_perfectly(tmp_path):
    s = score_file("seed.jsonl", tmp_path).overall.scores()
    assert s["fp"] == 0, "a footer phone number or a date was reported"
    assert s["full_f1"] == 1.0
    assert s["metric_accuracy"] == 1.0
