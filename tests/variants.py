"""Generate script variants of a gold file, with the gold remapped.

Real pages come through converters: traditional characters, pinyin readings
after converted characters (產(chǎn)), full-width digits.  These generators turn
any gold document into such a variant and move every gold span with it, so the
same gold can be scored again on text cnquant has never seen.

>>> doc = {"id": "d", "text": "年产10万吨", "mentions": [
...     {"start": 2, "end": 6, "text": "10万吨", "value": 100000, "low": None, "high": None,
...      "unit": "metric_ton", "classifier": None, "approx": "exact", "metric": "年产",
...      "subject": None}]}
>>> v = traditional_with_pinyin(doc, rate=1.0)
>>> v["text"]
'年產(chǎn)10萬(wàn)噸(dūn)'
>>> v["mentions"][0]["text"]
'10萬(wàn)噸(dūn)'
>>> full_width(doc)["mentions"][0]["text"]
'１０万吨'
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from typing import Any

from pypinyin import Style, pinyin

from cnquant.normalise import char_table

Doc = dict[str, Any]


def _s2t() -> dict[str, str]:
    return {chr(k): v for k, v in char_table("s2t.tsv").items()}


def remap(doc: Doc, pieces: list[str], *, keep_trailing: bool = True) -> Doc:
    """``doc`` with character ``i`` of its text replaced by ``pieces[i]``.

    Spans move with their characters; the piece of a span's last character is
    kept whole (a reading written after it stays in the span, as the gold
    convention has it).
    """
    assert len(pieces) == len(doc["text"])
    starts = []
    pos = 0
    for piece in pieces:
        starts.append(pos)
        pos += len(piece)
    starts.append(pos)
    out = copy.deepcopy(doc)
    out["text"] = "".join(pieces)
    for m in out["mentions"]:
        s, e = m["start"], m["end"]
        m["start"] = starts[s]
        m["end"] = starts[e] if keep_trailing else starts[e - 1] + 1
        m["text"] = out["text"][m["start"]:m["end"]]
    return out


def traditional_with_pinyin(doc: Doc, *, rate: float = 0.7, seed: int = 0) -> Doc:
    """Traditional characters, each converted one followed by its reading at ``rate``."""
    rng = random.Random(f"{seed}:{doc['id']}")
    table = _s2t()
    pieces = []
    for ch in doc["text"]:
        trad = table.get(ch, ch)
        if trad != ch and rng.random() < rate:
            reading = pinyin(ch, style=Style.TONE)[0][0]
            pieces.append(f"{trad}({reading})")
        else:
            pieces.append(trad)
    return remap(doc, pieces)


def full_width(doc: Doc) -> Doc:
    """ASCII letters, digits and signs in their full-width forms."""
    pieces = [chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in doc["text"]]
    return remap(doc, pieces)


VARIANTS: dict[str, Callable[[Doc], Doc]] = {
    "traditional_pinyin": traditional_with_pinyin,
    "full_width": full_width,
}
