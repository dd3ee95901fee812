"""Build the Lark parser: the grammar files plus terminals made from vocabulary.

``grammars/quantity.lark`` leaves its vocabulary terminals (UNIT, CURRENCY,
CLASSIFIER, the approximation markers ...) undefined; :func:`vocabulary_terminals`
writes them from the merged vocabulary of the loaded plugins.  Each terminal is
one regular expression of its surface forms, longest first.  A form that is the
beginning of a longer form of *another* terminal gets a negative lookahead, so
that the lexer always takes the longest form whatever order it tries the
terminals in (个 never steals the 个 of 个月).  Right after a digit, a unit that
begins with a multiplier does not take the start of a longer unit (一千比特币 is
一千 and 比特币).  Words of several characters also match with up to two spaces
between their characters, as crawled text writes them (个 百分 点).

>>> import re
>>> from cnquant.plugins import load_vocabulary
>>> text = vocabulary_terminals(load_vocabulary(["core"]))
>>> unit = re.search(r"^UNIT: /(.*)/$", text, re.M).group(1)
>>> [bool(re.fullmatch(unit, w)) for w in ("个 百分 点", "个百分点", "k W h")]
[True, True, False]

>>> "CLASSIFIER:" in text and "%override INNER" in text
True
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import re
import sys
import threading
from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

import lark
from lark import Lark

from cnquant._resources import cache_dir, grammars_dir, prune
from cnquant.vocab import Vocabulary

__all__ = ["GAP", "NUMERAL_CHARS", "build_parser", "gapped", "grammar_text",
           "vocabulary_terminals"]

#: Characters that can be part of a numeral (after normalisation).
NUMERAL_CHARS = "零〇一二三四五六七八九十百千万亿兆两俩壹贰叁肆伍陆柒捌玖拾佰仟廿卅"

#: What may stand between two characters of one word in crawled text: 个 百分 点.
GAP = " {0,2}"


def _word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def gapped(a: str, b: str) -> bool:
    """Whether spaces may stand between the neighbouring characters ``a`` and ``b``
    of one vocabulary word: yes, unless both are ASCII letters or digits (kWh).

    >>> gapped("百", "分"), gapped("k", "W"), gapped("<", "=")
    (True, False, True)
    """
    return not (_word_char(a) and _word_char(b))


def _spaced(form: str) -> str:
    """``form`` as a regex that also matches it with spaces inside (个 百分 点)."""
    out = re.escape(form[0])
    for a, b in itertools.pairwise(form):
        out += (GAP if gapped(a, b) else "") + re.escape(b)
    return out


#: Digits a multiplier can follow to make a number with it (一千, 5千).
_DIGITS = "0-9一二三四五六七八九两俩壹贰叁肆伍陆柒捌玖"


def _not_before(blocked: Iterable[str]) -> str:
    # sorted fully (not by length alone), so that the grammar text, and the
    # on-disk cache keyed by it, is the same in every process
    return "(?!" + "|".join(re.escape(b) for b in sorted(blocked, key=lambda b: (-len(b), b))
                            ) + ")"


def _alternation(forms: Iterable[str], lookahead: dict[str, set[str]],
                 after_digit: dict[str, set[str]] | None = None) -> str:
    parts = []
    for form in sorted(set(forms), key=lambda f: (-len(f), f)):
        pattern = _spaced(form)
        blocked = lookahead.get(form)
        if blocked:
            pattern += _not_before(blocked)
        if form[-1].isascii() and form[-1].isalpha():
            pattern += "(?![A-Za-z])"
        if all(c in NUMERAL_CHARS for c in form):
            pattern += "(?![" + NUMERAL_CHARS + "])"
        if after_digit and form in after_digit:
            # right after a digit, only where the rest is no longer word (see below)
            pattern = (f"(?<![{_DIGITS}]){pattern}|(?<=[{_DIGITS}]){pattern}"
                       + _not_before(after_digit[form]))
        parts.append(pattern)
    return "(?:" + "|".join(parts) + ")"


def _terminal(name: str, forms: Iterable[str], lookahead: dict[str, set[str]],
              after_digit: dict[str, set[str]] | None = None) -> str:
    forms = [f for f in forms if f]
    if not forms:
        return f"%declare {name}\n"
    regex = _alternation(forms, lookahead, after_digit).replace("/", "\\/")
    return f"{name}: /{regex}/\n"


def _starting_with(ordered: list[str], prefix: str) -> list[str]:
    """The strings of the sorted list ``ordered`` that begin with ``prefix``."""
    lo = bisect_left(ordered, prefix)
    hi = lo
    while hi < len(ordered) and ordered[hi].startswith(prefix):
        hi += 1
    return ordered[lo:hi]


def vocabulary_terminals(vocab: Vocabulary) -> str:
    """Lark definitions of the vocabulary terminals, for ``quantity.lark``."""
    terminals: dict[str, set[str]] = {
        "UNIT": {a for a, s in vocab.units.items() if s.kind != "currency"},
        "CURRENCY": {a for a, s in vocab.units.items() if s.kind == "currency"},
        "MINOR": set(vocab.minor),
        "PER_UNIT": set(vocab.per),
        "CUR_PRE": set(vocab.prefixes),
        "CLASSIFIER": set(vocab.classifiers),
        "PRE": set(vocab.markers.get("before", {})),
        "POST": set(vocab.markers.get("after", {})),
        "INNER": set(vocab.markers.get("inner", {})),
        "SEP": set(vocab.separators),
        "VAGUE": set(vocab.vague),
        "VAGUE_MULT": set(vocab.vague_mult),
        "CONJ": set(vocab.connective("conjunctions")),
        "BETWEEN_PRE": set(vocab.connective("between_before")),
        "AND": set(vocab.connective("between_links")),
        "BETWEEN_POST": set(vocab.connective("between_after")),
        "LINK": set(vocab.links),
        "BI": set(vocab.connective("compare_before")),
        "ROUGH": set(vocab.connective("rough_after")),
        "CMP": set(vocab.markers.get("compare", {})),
    }
    # a form that begins a longer form of another terminal must not match alone
    lookahead: dict[str, set[str]] = {}
    owners: dict[str, set[str]] = {}
    for name, forms in terminals.items():
        for form in forms:
            owners.setdefault(form, set()).add(name)
    ordered = sorted(owners)
    for name, forms in terminals.items():
        for form in forms:
            longer = {o[len(form):] for o in _starting_with(ordered, form)
                      if o != form and owners[o] != {name}}
            if longer:
                lookahead.setdefault(form, set()).update(longer)
    # 一千比特币 is 1000 bitcoins, not one kilobit and 币: right after a digit, a unit
    # that begins with a multiplier (千比特) must not match where the rest of it
    # begins a longer unit; after anything else it may (700万千瓦特高压 is 千瓦)
    unit_forms = terminals["UNIT"] | terminals["CURRENCY"]
    after_digit: dict[str, set[str]] = {}
    for form in unit_forms:
        rest = form[1:]
        if form[0] in "十百千万亿兆" and rest:
            longer = {o[len(rest):] for o in unit_forms if o.startswith(rest) and o != rest}
            if longer:
                after_digit[form] = longer
    out = []
    for name, forms in terminals.items():
        if name == "SEP":
            # a range separator beats a minus sign: 5%-8% is a range
            out.append(_terminal("SEP.3", forms, lookahead))
        elif name == "MINOR":
            # 分 of 三分之一 is no minute: every other terminal goes first
            out.append(_terminal("MINOR.-1", forms, lookahead))
        elif name == "ROUGH":
            # 百把人: after a multiplier alone, 把 is roughness, not the measure word;
            # after a multiplier with a digit or a vague word before it (三百把, 数万把)
            # it is the measure word again
            if forms:
                before = "".join(sorted(set(NUMERAL_CHARS) | set("0123456789") | {
                    w[-1] for w in vocab.vague | vocab.vague_mult}))
                mults = "百千万佰仟"
                body = _alternation(forms, lookahead).replace("/", "\\/")
                out.append(f"ROUGH.2: /(?<![{re.escape(before)}][{mults}]){body}/\n")
            else:
                out.append("%declare ROUGH\n")
        elif name == "BETWEEN_POST":
            # 20和30间 closes a range; it is not the measure word 间 (3间房)
            out.append(_terminal("BETWEEN_POST.2", forms, lookahead))
        elif name == "INNER":
            # numerals.lark declares INNER; it must win over POST (500余万)
            body = _terminal("INNER.2", forms, lookahead)
            out.append("%override " + body if not body.startswith("%declare") else
                       "%override INNER.2: /(?!)x/\n")
        elif name in ("UNIT", "CURRENCY"):
            out.append(_terminal(name, forms, lookahead, after_digit))
        else:
            out.append(_terminal(name, forms, lookahead))
    # 四块五, 39块9, 一块四毛多: one digit of tenths after a measure word (and of
    # hundredths after 毛), where no other numeral, unit or measure word follows it,
    # except 一 with a unit (四块五一斤); 三十五块一斤 is 35 a jin
    starts = {f[0] for f in unit_forms | terminals["CLASSIFIER"] | terminals["PER_UNIT"]}
    starts -= {f[0] for f in terminals["MINOR"]}
    blocked = "".join(sorted((starts | set(NUMERAL_CHARS) | set("0123456789")) - {"一"}))
    # (a word that only begins like a measure word does not block: 9块9包邮)
    words = sorted(w for w in vocab.not_markers if w[0] in starts)
    unblocked = "(?!" + "|".join(re.escape(w) for w in words) + ")" if words else ""
    out.append(f"TENTHS.2: /[1-9一二两三四五六七八九]"
               f"(?!{unblocked}[{re.escape(blocked)}]|[.,][0-9])"
               f"(?!一(?![{re.escape(''.join(sorted(starts)))}]))/\n")
    out = [o.replace("%declare SEP.3", "%declare SEP")
           .replace("%declare BETWEEN_POST.2", "%declare BETWEEN_POST")
           .replace("%declare MINOR.-1", "%declare MINOR") for o in out]
    return "".join(out)


def grammar_text(vocab: Vocabulary) -> str:
    """The complete grammar for ``vocab``: quantity.lark plus its terminals."""
    base = (grammars_dir() / "quantity.lark").read_text(encoding="utf-8")
    return base + "\n// ---- generated from the vocabulary (cnquant/grammar.py)\n" + \
        vocabulary_terminals(vocab)


_parsers: dict[tuple[str, int], Lark] = {}
_lock = threading.Lock()
#: Compiled grammars kept in the disk cache (one per set of plugins and version).
MAX_CACHED_GRAMMARS = 16


def build_parser(vocab: Vocabulary, transformer: Any) -> Lark:
    """A LALR parser with the contextual lexer, compiled once per grammar.

    ``transformer`` is applied while parsing (Lark's ``transformer=`` option),
    so no parse tree is built.  Lark's on-disk cache keeps the compiled tables
    between processes (see :func:`cnquant._resources.cache_dir`), in a file
    named after the grammar text and the Lark and Python versions; Lark checks
    the text's hash again when it loads the file.
    """
    text = grammar_text(vocab)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    key = (digest, id(transformer))
    with _lock:
        parser = _parsers.get(key)
        if parser is None:
            cache: str | bool = False
            directory = cache_dir("lark")
            fresh = False
            if directory is not None:
                py = "".join(map(str, sys.version_info[:2]))
                path = directory / f"{digest[:24]}-lark{lark.__version__}-py{py}.pickle"
                cache, fresh = str(path), not path.exists()
                if not fresh:
                    with contextlib.suppress(OSError):  # most recently used: pruned last
                        os.utime(path)
            parser = Lark(
                text,
                parser="lalr",
                lexer="contextual",
                transformer=transformer,
                import_paths=[str(grammars_dir())],
                maybe_placeholders=False,
                propagate_positions=False,
                cache=cache,
            )
            if fresh and directory is not None:
                prune(directory, keep=MAX_CACHED_GRAMMARS)
            _parsers[key] = parser
    return parser
