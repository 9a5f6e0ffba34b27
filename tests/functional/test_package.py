"""The built package is usable: the sdist carries the sources of the catalogues, the wheel built
from it their compiled form (setup.py), and the wheel installed by pip into a fresh virtual
environment serves the report journey in Indonesian.

It builds with ``python -m build`` (the sdist, then the wheel from the sdist) and installs the
wheel's dependencies from the package index, so it needs that index; under a minute on an
idle machine. It is one test: under xdist, a second one could build and install everything
again on another worker.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.serving_support import INSTALLED_LINE, QUESTION_ID, free_port, page

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = [f"gesi_app/locales/{locale}/LC_MESSAGES/messages" for locale in ("id", "en")]


def _run(*args: str | Path, env: dict[str, str], cwd: Path) -> str:
    done = subprocess.run(
        [str(arg) for arg in args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.package
def test_the_built_wheel_installed_in_a_fresh_venv_serves_indonesian(tmp_path: Path) -> None:
    # Not the checkout's gesi_app, nor the test environment's packages: only the new venv's.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env.update(
        GESI_DATA_DIR=str(tmp_path / "data"),
        GESI_SECRET_KEY="test-secret-key-that-is-long-enough-0123456789",
        GESI_JOBS_INTERVAL_MINUTES="0",
    )
    dist = tmp_path / "dist"
    _run(sys.executable, "-m", "build", "--outdir", dist, ROOT, env=env, cwd=tmp_path)

    (sdist,) = dist.glob("gesi_app-*.tar.gz")
    with tarfile.open(sdist) as archive:
        in_sdist = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for catalogue in CATALOGUES:
        assert f"{catalogue}.po" in in_sdist
        assert f"{catalogue}.mo" not in in_sdist  # made by the build, never shipped as source
    (wheel,) = dist.glob("gesi_app-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = set(archive.namelist())
    for catalogue in CATALOGUES:
        assert {f"{catalogue}.po", f"{catalogue}.mo"} <= in_wheel

    venv = tmp_path / "venv"
    # This environment's pip installs into the new one: faster than a pip of its own.
    _run(sys.executable, "-m", "venv", "--without-pip", venv, env=env, cwd=tmp_path)
    python, app = venv / "bin" / "python", venv / "bin" / "gesi-app"
    install = ["-m", "pip", "--python", python, "install", "--quiet", "--no-compile", wheel]
    _run(sys.executable, *install, env=env, cwd=tmp_path)
    installed = Path(
        _run(
            python, "-c", "import gesi_app; print(gesi_app.__file__)", env=env, cwd=tmp_path
        ).strip()
    ).parent
    assert installed.is_relative_to(venv)
    _run(app, "db", "upgrade", env=env, cwd=tmp_path)

    port = free_port()
    server = subprocess.Popen(
        [app, "serve", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        html = page(server, port, "/report/type")
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert '<html lang="id"' in html and QUESTION_ID in html, output
    # compiled by the build, not at start; uvicorn[standard] came with the dependencies
    assert output.startswith("serving with httptools and uvloop\n"), output

    # Installed without its compiled catalogues, it refuses to start rather than speak English.
    for catalogue in CATALOGUES:
        (installed.parent / f"{catalogue}.mo").unlink()
    refused = subprocess.run(
        [app, "serve", "--port", str(free_port())],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert refused.returncode == 2
    assert refused.stderr == INSTALLED_LINE + "\n"
    shutil.rmtree(venv)  # about 200 MB
