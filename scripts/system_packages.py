"""The Debian packages the app uses at run time: installed when we can, else said plainly.

``make run`` runs this first (the ``packages`` target). A package counts as present when
``dpkg-query`` says it is installed, or, for a package that brings a command, when that
command is on PATH (built from source, another distribution). What is missing is installed
with ``apt-get`` when we are root or ``sudo -n`` works without a password; otherwise the
script prints the one ``apt-get install`` line to run and which features stay off until then.

``python3 scripts/system_packages.py bench`` does the same for what ``make bench`` needs: the
load generator ``wrk``.

It exits 0 so the app still starts without the optional packages, and 1 only when a package
the app cannot start without is still missing (pango: WeasyPrint loads it on import).

Only the standard library, so it runs before the virtual environment exists. Whether we are
root is asked of ``id -u``, like the other system tools, through PATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Package:
    name: str
    commands: tuple[str, ...]  # present on PATH counts as installed
    without: str  # what a person notices while it is missing
    required: bool = False  # the app does not start without it


LISTEN = "Listen buttons will be missing: the audio prompts are spoken by espeak-ng, as MP3 by lame"
RECORDINGS = "Voice messages and sign-language videos cannot be sent: ffmpeg checks and cleans them"
CARD = "The monthly summary card is offered as SVG only: its PNG is drawn with cairo"
PDF = "The app will not start: WeasyPrint (the forum minutes as PDF) loads pango when it starts"

PACKAGES = (
    Package("espeak-ng", ("espeak-ng",), LISTEN),
    Package("lame", ("lame",), LISTEN),
    Package("ffmpeg", ("ffmpeg", "ffprobe"), RECORDINGS),
    Package("libpango-1.0-0", (), PDF, required=True),
    Package("libpangoft2-1.0-0", (), PDF, required=True),
    Package("libcairo2", (), CARD),
)

LOAD = "The HTTP benchmarks cannot run: wrk is their load generator"
# ``make bench``: a load generator in C, so a figure measures the server, not the client.
BENCH_PACKAGES = (Package("wrk", ("wrk",), LOAD, required=True),)


def installed(package: Package) -> bool:
    if package.commands and all(shutil.which(command) for command in package.commands):
        return True
    if shutil.which("dpkg-query") is None:
        return False
    done = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package.name],  # noqa: S607  # a system tool
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode == 0 and done.stdout.strip() == "install ok installed"


def missing(packages: tuple[Package, ...] = PACKAGES) -> list[Package]:
    return [package for package in packages if not installed(package)]


def _quiet(*args: str) -> bool:
    try:
        done = subprocess.run(args, capture_output=True, text=True, check=False)
    except OSError:
        return False
    return done.returncode == 0


def _is_root() -> bool:
    try:
        done = subprocess.run(["id", "-u"], capture_output=True, text=True, check=False)  # noqa: S607
    except OSError:
        return False
    return done.returncode == 0 and done.stdout.strip() == "0"


def apt_prefix() -> list[str] | None:
    """How to run apt-get here: as we are (root), through sudo, or not at all (None)."""
    if shutil.which("apt-get") is None:
        return None
    if _is_root():
        return []
    if shutil.which("sudo") is not None and _quiet("sudo", "-n", "true"):
        return ["sudo", "-n"]
    return None


def apt_install(prefix: list[str], names: list[str]) -> bool:
    print(f"Installing Debian packages: {' '.join(names)}", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    steps = (
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *names],
    )
    for step in steps:
        if subprocess.run([*prefix, *step], env=env, check=False).returncode != 0:
            return False
    return True


def explain(still: list[Package]) -> None:
    names = " ".join(package.name for package in still)
    if shutil.which("dpkg-query") is None and shutil.which("apt-get") is None:
        print(f"Missing system packages (Debian names): {names}")
        print("Install them with your system's package manager.")
    else:
        print(f"Missing Debian packages: {names}")
        print("Install them with:")
        print(f"  sudo apt-get install {names}")
    print("Until then:")
    for effect in dict.fromkeys(package.without for package in still):
        print(f"  - {effect}.")


def main(argv: list[str] | None = None) -> int:
    wanted = BENCH_PACKAGES if (argv or sys.argv[1:]) == ["bench"] else PACKAGES
    absent = missing(wanted)
    if not absent:
        print("Debian packages: all present")
        return 0
    prefix = apt_prefix()
    if prefix is not None:
        if apt_install(prefix, [package.name for package in absent]):
            absent = missing(tuple(absent))
        else:
            print("apt-get could not install them.")
    if not absent:
        print("Debian packages: all present")
        return 0
    explain(absent)
    return 1 if any(package.required for package in absent) else 0


if __name__ == "__main__":
    sys.exit(main())
