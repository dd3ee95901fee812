"""The command line: formats, documents, and clear errors with a non-zero status."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from cnquant.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "seed.txt"


def run(args, capsys):
    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


def test_parse_prints_json(capsys):
    status, out, _ = run(["parse", "年產(chǎn)10萬噸鋼絲"], capsys)
    assert status == 0
    d = json.loads(out)
    assert (d["value"], d["unit"], d["metric"], d["subject"]) == (100000, "metric_ton", "年产",
                                                                  "钢丝")


def test_parse_error_goes_to_stderr(capsys):
    status, out, err = run(["parse", "9月14日"], capsys)
    assert status == 2 and out == "" and "not a quantity" in err


def test_extract_jsonl_is_the_interchange_format(capsys):
    status, out, _ = run(["extract", str(SEED)], capsys)
    assert status == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 13
    text = SEED.read_text(encoding="utf-8")
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"]
        assert r["doc"] == str(SEED)


def test_extract_table_has_metric_and_subject_columns(capsys):
    status, out, _ = run(["extract", "--format", "table", str(SEED)], capsys)
    header = out.splitlines()[0].split()
    assert status == 0 and {"metric", "subject", "value", "unit"} <= set(header)
    assert any("钢丝绳" in line for line in out.splitlines()[2:])


def test_extract_csv(capsys):
    status, out, _ = run(["extract", "--format", "csv", str(SEED)], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == 0 and len(rows) == 13 and rows[0]["unit"] == "CNY"


def test_extract_docs_writes_documents_back(tmp_path, capsys):
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "a", "text": "投資50億元", "locale": "zh-TW",
                                "mentions": [{"stale": True}]}, ensure_ascii=False) + "\n"
                    + json.dumps({"id": 7, "text": "沒有數字"}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    status, out, _ = run(["extract", "--docs", str(docs)], capsys)
    assert status == 0
    a, b = (json.loads(line) for line in out.splitlines())
    assert a["id"] == "a" and [m["unit"] for m in a["mentions"]] == ["TWD"]
    assert b == {"id": 7, "text": "沒有數字", "mentions": []}  # no document dropped


def test_bare_numbers_flag(tmp_path, capsys):
    f = tmp_path / "t.txt"
    f.write_text("共有1500", encoding="utf-8")
    assert run(["extract", str(f)], capsys)[1] == ""
    status, out, _ = run(["extract", "--bare-numbers", str(f)], capsys)
    assert status == 0 and json.loads(out)["value"] == 1500


def test_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("总投资5亿元".encode())))
    status, out, _ = run(["extract", "-"], capsys)
    assert status == 0 and json.loads(out)["value"] == 500000000


def test_missing_file(capsys):
    status, out, err = run(["extract", "no/such/file.txt"], capsys)
    assert status == 2 and out == "" and "no/such/file.txt: no such file" in err


def test_bad_utf8_says_where(tmp_path, capsys):
    f = tmp_path / "bad.txt"
    f.write_bytes("第一行\n投资".encode() + b"\xff\xfe" + "5亿元".encode())
    status, out, err = run(["extract", str(f)], capsys)
    assert status == 2 and out == ""
    assert f"{f}:2:3: not UTF-8" in err


def test_bad_json_line_says_which(tmp_path, capsys):
    f = tmp_path / "docs.jsonl"
    f.write_text('{"id": 1, "text": "5亿元"}\n{"id": 2, "text": \n', encoding="utf-8")
    status, out, err = run(["extract", "--docs", str(f)], capsys)
    assert status == 2 and out == ""  # checked before anything is written
    assert f"{f}:2: bad JSON" in err


@pytest.mark.parametrize(("line", "message"), [
    ('{"id": 1}', "needs a string 'text'"),
    ('{"text": "5亿元"}', "needs an 'id'"),
    ('[1, 2]', "must be a JSON object"),
    ('{"id": 1, "text": "5亿元", "locale": "fr"}', "locale must be one of"),
])
def test_bad_documents(tmp_path, capsys, line, message):
    f = tmp_path / "docs.jsonl"
    f.write_text(line + "\n", encoding="utf-8")
    status, _, err = run(["extract", "--docs", str(f)], capsys)
    assert status == 2 and message in err


def test_python_dash_m_and_the_console_script():
    out = subprocess.run([sys.executable, "-m", "cnquant", "parse", "64.9%"], check=True,
                         capture_output=True, text=True).stdout
    assert json.loads(out)["unit"] == "percent"
