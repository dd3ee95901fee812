"""The command line: ``cnquant parse``, ``cnquant extract`` and ``cnquant plugins``.

    cnquant parse "年產(chǎn)10萬噸鋼絲"
    cnquant extract article.txt                 # JSON lines, one a mention
    cnquant extract --format table article.txt  # for people
    cnquant extract --docs corpus.jsonl         # interchange format in and out
    cnquant plugins --format json

Errors go to stderr with exit status 2 (bad input) or 1 (a failure inside).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

from cnquant import __version__
from cnquant.extractor import LOCALES, Extractor, ParseError
from cnquant.mention import FORMAT_KEYS, Mention
from cnquant.vocab import VocabularyError

__all__ = ["main"]

TABLE_COLUMNS = ("doc", "start", "end", "text", "value", "low", "high", "unit", "classifier",
                 "approx", "metric", "subject", "per")


class InputError(Exception):
    """Bad input: a missing file, bad UTF-8, a bad JSON line."""


def _read_text(name: str) -> str:
    """A whole file (or stdin for ``-``) as UTF-8 text, with a precise error."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(name, "rb") as fh:
                data = fh.read()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        col = len(data[line_start:exc.start].decode("utf-8", errors="replace")) + 1
        raise InputError(f"{name}:{line}:{col}: not UTF-8 (byte 0x{data[exc.start]:02x} at "
                         f"offset {exc.start})") from None


def _documents(name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The documents of an interchange-format file: (line number, object)."""
    for lineno, line in enumerate(_read_text(name).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}:{lineno}: bad JSON: {exc.msg} (column {exc.colno})") \
                from None
        if not isinstance(obj, dict):
            raise InputError(f"{name}:{lineno}: a document must be a JSON object")
        if "text" not in obj or not isinstance(obj["text"], str):
            raise InputError(f"{name}:{lineno}: a document needs a string 'text'")
        if "id" not in obj:
            raise InputError(f"{name}:{lineno}: a document needs an 'id'")
        locale = obj.get("locale", "zh-CN")
        if locale not in LOCALES:
            raise InputError(f"{name}:{lineno}: locale must be one of {', '.join(LOCALES)}")
        yield lineno, obj


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _width(s))


def _cell(v: Any) -> str:
    return "" if v is None else str(v)


def _table(rows: list[dict[str, Any]], out: TextIO) -> None:
    cols = [c for c in TABLE_COLUMNS if any(r.get(c) not in (None, "") for r in rows)
            or c in ("text", "value", "unit")]
    widths = {c: max([_width(c)] + [_width(_cell(r.get(c))) for r in rows]) for c in cols}
    out.write("  ".join(_pad(c, widths[c]) for c in cols).rstrip() + "\n")
    out.write("  ".join("-" * widths[c] for c in cols) + "\n")
    for r in rows:
        out.write("  ".join(_pad(_cell(r.get(c)), widths[c]) for c in cols).rstrip() + "\n")


def _rows(doc: str, mentions: Iterable[Mention]) -> list[dict[str, Any]]:
    return [{"doc": doc, **m.to_dict()} for m in mentions]


def cmd_parse(args: argparse.Namespace, out: TextIO) -> int:
    ex = Extractor(locale=args.locale)
    try:
        m = ex.parse(args.expr)
    except ParseError as exc:
        print(f"cnquant: {exc}", file=sys.stderr)
        return 2
    out.write(json.dumps(m.to_dict(), ensure_ascii=False) + "\n")
    return 0


def cmd_extract(args: argparse.Namespace, out: TextIO) -> int:
    ex = Extractor(locale=args.locale)
    if args.docs:
        if args.files:
            raise InputError("give either --docs FILE or plain-text FILEs, not both")
        for _lineno, doc in list(_documents(args.docs)):  # all checked before any output
            locale = doc.get("locale", args.locale)
            found = ex.extract(doc["text"], locale=locale, bare_numbers=args.bare_numbers)
            if args.format == "jsonl":
                result = {"id": doc["id"], "text": doc["text"]}
                if "locale" in doc:
                    result["locale"] = doc["locale"]
                result["mentions"] = [m.to_dict() for m in found]
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
            else:
                _emit(args.format, _rows(str(doc["id"]), found), out)
        return 0
    names = args.files or ["-"]
    texts = [(n, _read_text(n)) for n in names]  # read everything first: fail before output
    all_rows: list[dict[str, Any]] = []
    for name, text in texts:
        found = ex.extract(text, bare_numbers=args.bare_numbers)
        if args.format == "jsonl":
            for m in found:
                out.write(json.dumps({"doc": name, **m.to_dict()}, ensure_ascii=False) + "\n")
        else:
            all_rows.extend(_rows(name, found))
    if args.format != "jsonl":
        _emit(args.format, all_rows, out)
    return 0


def _emit(fmt: str, rows: list[dict[str, Any]], out: TextIO) -> None:
    if fmt == "table":
        _table(rows, out)
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=["doc", *FORMAT_KEYS], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        out.write(buf.getvalue())
    else:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")


def cmd_plugins(args: argparse.Namespace, out: TextIO) -> int:
    from cnquant.plugins import available

    rows = []
    for p in available():
        part = p.part()
        rows.append({
            "name": part.name, "version": part.version, "source": p.source,
            "units": len(part.units) + len(part.prefixes),
            "classifiers": len(part.classifiers),
            "indicators": len({s.key for s in part.indicators.values()}),
            "indicator_forms": len(part.indicators),
            "subjects": len(part.subjects), "names": len(part.names),
            "description": part.description,
        })
    if args.format == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        cols = ("name", "version", "units", "classifiers", "indicators", "subjects", "names",
                "source")
        widths = {c: max(_width(c), *(_width(str(r[c])) for r in rows)) for c in cols}
        out.write("  ".join(_pad(c, widths[c]) for c in cols).rstrip() + "\n")
        for r in rows:
            out.write("  ".join(_pad(str(r[c]), widths[c]) for c in cols).rstrip() + "\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="cnquant", description="Quantities in Chinese economic news, typed and unit-aware.")
    top.add_argument("--version", action="version", version=f"cnquant {__version__}")
    sub = top.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="parse one expression, print it as JSON")
    p.add_argument("expr")
    p.add_argument("--locale", default="zh-CN", choices=LOCALES)
    p.set_defaults(func=cmd_parse)

    e = sub.add_parser("extract", help="extract the quantities of plain-text files or documents")
    e.add_argument("files", nargs="*", metavar="FILE", help="plain-text files; - or none: stdin")
    e.add_argument("--docs", metavar="FILE.jsonl",
                   help="documents in the interchange format (uses 'id', 'text', 'locale')")
    e.add_argument("--format", default="jsonl", choices=("jsonl", "table", "csv"))
    e.add_argument("--bare-numbers", action="store_true",
                   help="also report numbers without a unit")
    e.add_argument("--locale", default="zh-CN", choices=LOCALES,
                   help="what a bare 元 means (documents may carry their own)")
    e.set_defaults(func=cmd_extract)

    g = sub.add_parser("plugins", help="list the loaded vocabulary plugins")
    g.add_argument("--format", default="table", choices=("table", "json"))
    g.set_defaults(func=cmd_plugins)
    return top


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    out = out or sys.stdout
    try:
        return int(args.func(args, out))
    except InputError as exc:
        print(f"cnquant: {exc}", file=sys.stderr)
        return 2
    except VocabularyError as exc:  # a broken or conflicting plugin
        print(f"cnquant: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return 0
