"""Score cnquant on a gold file with the project's scorer (tests/tools/score.py)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import cnquant

DATA = Path(__file__).parent / "data"
_spec = importlib.util.spec_from_file_location("cnquant_score", Path(__file__).parent / "tools"
                                               / "score.py")
assert _spec and _spec.loader
score_module: Any = importlib.util.module_from_spec(_spec)
sys.modules["cnquant_score"] = score_module  # dataclasses look their module up
_spec.loader.exec_module(score_module)


def predict(gold_path: Path, *, bare_numbers: bool = False) -> list[dict[str, Any]]:
    """cnquant's predictions for every document of a gold file, as interchange dicts."""
    docs = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        found = cnquant.extract(doc["text"], locale=doc.get("locale", "zh-CN"),
                                bare_numbers=bare_numbers)
        docs.append({"id": doc["id"], "text": doc["text"],
                     "mentions": [m.to_dict() for m in found]})
    return docs


def score_docs(gold_path: Path, pred_docs: list[dict[str, Any]], tmp_path: Path) -> Any:
    """Run the scorer; returns its Result (``.overall.scores()`` has the figures)."""
    pred_path = tmp_path / (gold_path.stem + ".pred.jsonl")
    pred_path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in pred_docs),
                         encoding="utf-8")
    units = score_module.Units(cnquant.ureg)
    gold = score_module.load_jsonl(str(gold_path), require_text=True)
    pred = score_module.load_jsonl(str(pred_path), require_text=False)
    return score_module.score(gold, pred, units)


def score_file(gold_name: str, tmp_path: Path, *, bare_numbers: bool = False) -> Any:
    gold_path = DATA / gold_name
    return score_docs(gold_path, predict(gold_path, bare_numbers=bare_numbers), tmp_path)
