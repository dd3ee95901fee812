"""A third-party plugin, proven end to end (issue 5).

``tests/example_plugin`` is the distribution ``cnquant-sugar``: its own
pyproject.toml, a package of data files and an entry point in the group
``cnquant.plugins``.  The slow test builds its wheel, installs it with
``--no-deps`` into a fresh virtual environment that sees cnquant and its
dependencies through a ``.pth`` file (no network), and runs ``cnquant.extract``
there in a subprocess: with entry points on, the new unit 担 and the sugar
indicators are found; with ``CNQUANT_DISABLE_PLUGIN_AUTOLOAD=1`` they are not.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path
from typing import Any

import pytest

from cnquant.plugins import AUTOLOAD_ENV, Plugin

EXAMPLE = Path(__file__).parent / "example_plugin"
REPO = Path(__file__).resolve().parent.parent
SENTENCE = "本榨季全厂入榨甘蔗120万担,产糖量14.6万吨,平均产糖率12.2%。"

PROBE = """
import json, cnquant
from cnquant.plugins import available
found = cnquant.extract({sentence!r})
print(json.dumps({{
    "cnquant": cnquant.__file__,
    "plugins": [[p.name, p.source] for p in available()],
    "mentions": [[m.text, m.value, m.unit, m.metric_key] for m in found],
}}, ensure_ascii=False))
"""


def test_the_example_plugin_reads_in_process():
    """The same data, loaded from its directory (fast; the slow test installs it)."""
    from cnquant import Extractor

    ex = Extractor(plugins=[Plugin.from_directory(EXAMPLE / "cnquant_sugar")])
    assert ex.plugins == ("core", "agriculture", "sugar")  # plugin.toml requires agriculture
    found = [(m.text, m.value, m.unit, m.metric_key) for m in ex.extract(SENTENCE)]
    assert found == [("120万担", 1200000, "dan", "cane_crushed"),
                     ("14.6万吨", 146000, "metric_ton", "sugar_output"),
                     ("12.2%", 12.2, "percent", "sugar_yield")]
    assert ex.parse("120万担").quantity.to("metric_ton").magnitude == pytest.approx(60000)


def _run(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300, **kwargs)
    assert result.returncode == 0, f"{cmd}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def plugin_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with cnquant (via .pth, no network) and the built example wheel."""
    tmp = tmp_path_factory.mktemp("example_plugin")
    source = tmp / "src"
    shutil.copytree(EXAMPLE, source, ignore=shutil.ignore_patterns("__pycache__"))
    wheels = tmp / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
          "--no-index", "--quiet", "--wheel-dir", str(wheels), str(source)])
    [wheel] = wheels.glob("cnquant_sugar-0.1.0-*.whl")

    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
                ).stdout.strip()
    # cnquant from this checkout first, then the dependencies of the current interpreter
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site) / "cnquant_dev.pth").write_text(
        "\n".join([str(REPO), *sorted(deps)]) + "\n", encoding="utf-8")
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
          "--no-index", "--quiet", str(wheel)])
    return python


def _probe(python: Path, *, disable: bool) -> dict[str, list[list[object]]]:
    env = {k: v for k, v in os.environ.items() if k not in (AUTOLOAD_ENV, "PYTHONPATH")}
    if disable:
        env[AUTOLOAD_ENV] = "1"
    out = _run([str(python), "-c", PROBE.format(sentence=SENTENCE)], env=env, cwd=python.parent)
    result: dict[str, list[list[object]]] = json.loads(out.stdout)
    return result


@pytest.mark.slow
def test_an_installed_plugin_is_found_through_its_entry_point(plugin_venv):
    result = _probe(plugin_venv, disable=False)
    assert Path(str(result["cnquant"])).resolve().is_relative_to(REPO)
    sources = dict((name, source) for name, source in result["plugins"])
    assert sources["sugar"] == "entry point sugar (cnquant-sugar 0.1.0)"
    assert ["120万担", 1200000, "dan", "cane_crushed"] in result["mentions"]
    assert ["12.2%", 12.2, "percent", "sugar_yield"] in result["mentions"]


@pytest.mark.slow
def test_the_env_var_keeps_an_installed_plugin_out(plugin_venv):
    result = _probe(plugin_venv, disable=True)
    assert "sugar" not in [name for name, _ in result["plugins"]]
    assert [m for m in result["mentions"] if m[0] == "120万担"] == []
    assert all(m[3] not in ("cane_crushed", "sugar_yield") for m in result["mentions"])
