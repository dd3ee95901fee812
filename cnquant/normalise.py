"""Stage 1: normalise web text, keeping a map back to the original offsets.

Everything after this stage reads one canonical form: simplified characters,
half-width ASCII, plain spaces, no zero-width characters and no pinyin
annotations.  Every change is either one character for one character (so
positions do not move) or a deletion (recorded, so that positions can be mapped
back).  :meth:`Normalised.to_original` turns a span of the normalised text into
the span of the original string.

>>> n = normalise("年產(chǎn)10萬噸鋼絲")
>>> n.text
'年产10万吨钢丝'
>>> n.to_original(2, 6)
(8, 12)
>>> n.original[8:12]
'10萬噸'

A span that ends on an annotated character keeps the annotation, as the gold
files do:

>>> n = normalise("28個(gè)項目")
>>> n.text
'28个项目'
>>> start, end = n.to_original(0, 3)
>>> n.original[start:end]
'28個(gè)'

An HTML character reference that a crawl left in the text is read as the
character it stands for (the rest of it is a deletion, so offsets still map back):

>>> n = normalise("总投资5&nbsp;亿元&#65292;占地")
>>> n.text
'总投资5 亿元,占地'
>>> n.original[slice(*n.to_original(3, 7))]
'5&nbsp;亿元'

A space that a line wrap left inside a group of thousands goes:

>>> normalise("已吸引1,3 05家企業").text
'已吸引1,305家企业'

Real parentheses are never touched:

>>> normalise("巨力索具（河南）(27)日").text
'巨力索具(河南)(27)日'
"""

from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from cnquant._resources import data_path

__all__ = ["Normalised", "normalise", "to_simplified"]

# Deleted outright: zero-width and invisible formatting characters.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

# Letters that may appear in a pinyin annotation (tone marks included).
_PINYIN_LETTERS = "a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ"
_TONE_MARKED = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ")
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_ANNOTATION = re.compile(
    rf"(?<=[{_HAN}])\(\s?([{_PINYIN_LETTERS}]{{1,7}})\s?[1-5]?\s?\)"
)
_DELETABLE = re.compile(rf"[{_INVISIBLE}]")
# An HTML character reference (&nbsp;, &amp;, &#65292;, &#x3001;)
_ENTITY = re.compile(r"&(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[a-zA-Z]{2,8});")
# A space that a line wrap left inside a group of thousands: 1,3 05家, 4, 010億元,
# 1兆2,10 8億元 (the digits on both sides of it make one group of three).
# (1, 234, 567 is a list of three numbers: after ", " the group must end the number)
# (the pattern starts with the space, so that the search only stops at spaces)
_WRAPPED_GROUP = re.compile(r" (?:(?<=\d, )(?=\d{3}[^\d,.\s])|(?<=\d,\d )(?=\d\d(?![\d,.]))"
                            r"|(?<=\d,\d\d )(?=\d(?![\d,.])))")


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    lines = data_path("pinyin.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(s for s in lines if s and not s.startswith("#"))


@lru_cache(maxsize=4)
def char_table(name: str) -> dict[int, str]:
    """A one-character-for-one-character table of ``cnquant/data`` (``t2s.tsv``, ``s2t.tsv``),
    as ``str.translate`` takes it."""
    table: dict[int, str] = {}
    for line in data_path(name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            src, dst = line.split("\t")
            table[ord(src)] = dst
    return table


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """One translate() table: full width -> ASCII, traditional -> simplified, spaces."""
    table = dict(char_table("t2s.tsv"))
    for cp in range(0xFF01, 0xFF5F):  # full-width ASCII block
        table[cp] = chr(cp - 0xFEE0)
    for src, dst in {
        # (the ideographic space U+3000 stays: crawled pages put it between fields,
        # 浏览人次：3,415\u3000列印, so it joins no number to what follows)
        "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ",
        "\u202f": " ", "\t": " ", "\u2212": "-", "\ufe6a": "%", "\u25cb": "〇",
        "\uff0e": ".", "\u3007": "〇",
    }.items():
        table[ord(src)] = dst
    return table


def to_simplified(text: str) -> str:
    """Fold one string to the normalised form, without keeping offsets.

    Vocabulary files may be written in either script; they go through this.

    >>> to_simplified("營業收入")
    '营业收入'
    """
    return normalise(text).text


def _toneless(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c == "\u0308")
    return unicodedata.normalize("NFC", kept)


def _is_annotation(syllable: str) -> bool:
    bare = _toneless(syllable)
    if bare not in _syllables():
        return False
    # a one-letter reading (a, e, o, m, n) counts only with a tone mark
    return len(bare) > 1 or any(c in _TONE_MARKED for c in syllable)


@dataclass(frozen=True)
class Normalised:
    """The normalised text and the way back to the original.

    ``text`` is the normalised string.  Positions in ``text`` map back through
    the recorded deletions; when nothing was deleted the map is the identity.
    """

    original: str
    text: str
    # normalised index at which each deletion happened, and the total number of
    # original characters deleted up to and including it
    _cut_at: tuple[int, ...] = field(default=(), repr=False)
    _cut_total: tuple[int, ...] = field(default=(), repr=False)
    # normalised index of a character -> length of the annotation it carries
    _annotated: dict[int, int] = field(default_factory=dict, repr=False)

    def orig_index(self, i: int) -> int:
        """Original index of the normalised character at ``i`` (or of the end)."""
        if not self._cut_at:
            return i
        k = bisect_right(self._cut_at, i)
        return i + (self._cut_total[k - 1] if k else 0)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span ``[start, end)`` to the original string.

        The last character keeps any pinyin annotation written after it.
        """
        if start >= end:
            o = self.orig_index(start)
            return o, o
        last = end - 1
        return self.orig_index(start), self.orig_index(last) + 1 + self._annotated.get(last, 0)


def _references(folded: str, deletions: list[tuple[int, int, bool]]) -> str:
    """``folded`` with the first character of each HTML character reference made the
    character it stands for (folded as the rest of the text is) and the rest of it
    recorded in ``deletions``; a reference to nothing visible goes whole."""
    chars = list(folded)
    for m in _ENTITY.finditer(folded):
        ch = html.unescape(m.group())
        if len(ch) != 1 or ch == m.group():
            continue  # not a reference that html knows
        ch = ch.translate(_table())
        if not ch or _DELETABLE.match(ch):
            deletions.append((m.start(), m.end(), False))
            continue
        chars[m.start()] = ch
        deletions.append((m.start() + 1, m.end(), False))
    return "".join(chars)


def normalise(text: str) -> Normalised:
    """Normalise ``text``; see the module docstring.

    >>> normalise("１２３，４５６元").text
    '123,456元'
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    folded = text.translate(_table())
    deletions: list[tuple[int, int, bool]] = []  # (start, end, attached to previous char)
    if "&" in folded and _ENTITY.search(folded):
        folded = _references(folded, deletions)
    if "(" in folded:
        for m in _ANNOTATION.finditer(folded):
            if _is_annotation(m.group(1)):
                deletions.append((m.start(), m.end(), True))
    if _DELETABLE.search(folded):
        deletions.extend((m.start(), m.end(), False) for m in _DELETABLE.finditer(folded))
    if ", " in folded or (" " in folded and "," in folded):
        deletions.extend((m.start(), m.end(), False) for m in _WRAPPED_GROUP.finditer(folded))
    if not deletions:
        return Normalised(text, folded)
    deletions.sort()
    pieces: list[str] = []
    cut_at: list[int] = []
    cut_total: list[int] = []
    annotated: dict[int, int] = {}
    pos = 0
    total = 0
    norm_len = 0
    for start, end, attached in deletions:
        if start < pos:  # overlapping (cannot happen with these patterns)
            continue
        pieces.append(folded[pos:start])
        norm_len += start - pos
        if attached and norm_len:
            annotated[norm_len - 1] = annotated.get(norm_len - 1, 0) + (end - start)
        total += end - start
        cut_at.append(norm_len)
        cut_total.append(total)
        pos = end
    pieces.append(folded[pos:])
    return Normalised(text, "".join(pieces), tuple(cut_at), tuple(cut_total), annotated)
