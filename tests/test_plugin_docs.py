"""docs/guides/plugins.md stays true: it embeds the example plugin verbatim and
documents every key of every vocabulary file.  (Its pycon examples are doctested:
pytest runs ``--doctest-glob='*.md'`` over docs/.)"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from cnquant.vocab import SCHEMAS

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "guides" / "plugins.md"
EXAMPLE = ROOT / "tests" / "example_plugin"
EXAMPLE_FILES = sorted(p for p in EXAMPLE.rglob("*")
                       if p.is_file() and "__pycache__" not in p.parts)


def _blocks(text: str) -> list[str]:
    """The bodies of the fenced code blocks of a Markdown text."""
    return re.findall(r"^```[a-z]*\n(.*?)^```$", text, flags=re.M | re.S)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=[p.relative_to(EXAMPLE).as_posix()
                                                    for p in EXAMPLE_FILES])
def test_the_page_embeds_each_example_file_verbatim(path):
    page = PAGE.read_text(encoding="utf-8")
    rel = path.relative_to(EXAMPLE).as_posix()
    assert f"### `{rel}`" in page, f"no section for {rel}"
    assert path.read_text(encoding="utf-8") in _blocks(page)


def _keys(spec: Any, prefix: str = "") -> list[str]:
    """The keys of a schema as the page writes them: ``[[unit]]``, ``unit``, ``vague.alone``."""
    out = []
    for key, sub in spec.items() if isinstance(spec, dict) else ():
        sub = getattr(sub, "spec", sub)
        if key == "*":
            continue
        if isinstance(sub, list) and sub and isinstance(sub[0], dict):
            out.append(f"[[{key}]]")  # an array of tables: its keys stand alone
            out.extend(_keys(sub[0]))
        else:
            out.append(prefix + key)
            out.extend(_keys(sub, prefix + key + "."))
    return out


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_the_page_documents_every_file_and_key(name):
    page = PAGE.read_text(encoding="utf-8")
    assert f"`{name}`" in page
    for key in _keys(SCHEMAS[name]):
        if name == "markers.toml" and key.split(".")[0] in ("before", "after", "inner"):
            key = key.split(".")[0] + ".FLAG"
        assert f"`{key}`" in page, f"{name}: {key} is not documented"


def test_the_page_names_the_entry_point_group_and_the_env_var():
    from cnquant.plugins import AUTOLOAD_ENV, ENTRY_POINT_GROUP

    page = PAGE.read_text(encoding="utf-8")
    assert f'"{ENTRY_POINT_GROUP}"' in page and AUTOLOAD_ENV in page
