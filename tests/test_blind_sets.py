"""The third and fourth blind evaluation sets: 30 synthetic documents each.

``fresh3-news.jsonl`` (communiqués, earnings, banking) and ``fresh4-news.jsonl``
(projects, energy, farming, transport, property) were written and annotated from
``shared/spec/mentions.md`` and the conventions of the dev set, and committed
(dbc9d23, a635499) before cnquant was run on them. First, blind, figures (main at
b7442b4, after the annotators' own gold fixes):

* fresh3: span F1 99.91, fully right F1 99.56, metric 97.65 (n=554);
* fresh4: span F1 99.61, fully right F1 99.21, metric 98.16 (n=489).

Rules they showed missing were written afterwards, so they are no longer blind; the
floors sit a few points under the blind figures.
"""

from __future__ import annotations

import json

import pytest
from scoring import DATA, predict, score_docs, score_module

SETS = {"fresh3-news.jsonl": "f3", "fresh4-news.jsonl": "f4"}


@pytest.mark.parametrize(("name", "prefix"), SETS.items())
def test_gold_is_valid(name, prefix):
    path = DATA / name
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    assert [d["id"] for d in docs] == [f"{prefix}-{i:02d}" for i in range(1, 31)]
    for d in docs:
        for m in d["mentions"]:
            assert d["text"][m["start"]:m["end"]] == m["text"], (d["id"], m)
    assert len(score_module.load_jsonl(str(path), require_text=True)) == 30


@pytest.mark.parametrize("name", SETS)
def test_blind_set_floors(name, tmp_path):
    path = DATA / name
    s = score_docs(path, predict(path), tmp_path).overall.scores()
    assert s["span_f1"] >= 0.97
    assert s["full_f1"] >= 0.96
    assert s["metric_accuracy"] >= 0.95
