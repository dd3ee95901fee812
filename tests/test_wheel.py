"""The wheel carries grammars/ and plugins/ and works on its own.

Builds the wheel, installs it into a fresh virtual environment (its dependencies
come from this environment through a .pth file, so no network is needed) and
parses an expression there, from a directory outside the checkout.
"""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out), str(ROOT)], check=True)
    (path,) = out.glob("cnquant-*.whl")
    return path


@pytest.mark.slow
def test_wheel_ships_grammars_and_plugins(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "cnquant/grammars/quantity.lark" in names
    assert "cnquant/grammars/numerals.lark" in names
    assert "cnquant/plugins_data/core/units.toml" in names
    assert "cnquant/plugins_data/core/currencies.txt" in names
    assert "cnquant/data/t2s.tsv" in names
    assert "cnquant/py.typed" in names


@pytest.mark.slow
def test_wheel_parses_in_a_fresh_environment(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; "
                                "print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index",
                    "--target", str(site), str(wheel)], check=True)
    # dependencies (lark, pint, cn2an) from this environment, after the wheel's own files
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    code = ("import json, cnquant; m = cnquant.parse('年產(chǎn)10萬噸鋼絲'); "
            "print(json.dumps([cnquant.__file__, m.value, m.unit, m.metric]))")
    out = subprocess.run([str(python), "-c", code], check=True, capture_output=True, text=True,
                         cwd=tmp_path, env={"CNQUANT_DISABLE_PLUGIN_AUTOLOAD": "1",
                                            "PATH": "/usr/bin:/bin"}).stdout
    where, value, unit, metric = json.loads(out)
    assert where.startswith(str(site))
    assert (value, unit, metric) == (100000, "metric_ton", "年产")
