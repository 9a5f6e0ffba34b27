"""scripts/system_packages.py, the first step of ``make run``, run as a real process.

The system's tools it calls (dpkg-query, apt-get, sudo, id) are outside our code: each test
writes small stand-ins for them into a folder that is the whole PATH. The stand-in apt-get
records what it was asked and "installs" by adding the names to the list dpkg-query reads.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "system_packages.py"
EVERY = ["espeak-ng", "lame", "ffmpeg", "libpango-1.0-0", "libpangoft2-1.0-0", "libcairo2"]
LISTEN = (
    "  - Listen buttons will be missing: the audio prompts are spoken by espeak-ng, as MP3 by lame."
)
RECORDINGS = (
    "  - Voice messages and sign-language videos cannot be sent: ffmpeg checks and cleans them."
)
CARD = "  - The monthly summary card is offered as SVG only: its PNG is drawn with cairo."


@dataclass
class System:
    bin: Path
    installed: Path
    calls: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(SCRIPT), *args],
            env={"PATH": str(self.bin), "LANG": "C.UTF-8"},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    def called(self) -> list[str]:
        return self.calls.read_text().splitlines() if self.calls.exists() else []

    def now_installed(self) -> list[str]:
        return self.installed.read_text().split()


def _tool(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o755)


def system(
    tmp_path: Path,
    installed: list[str],
    *,
    uid: int = 1000,
    sudo: bool | None = None,
    apt: bool = True,
    apt_fails: bool = False,
) -> System:
    """A PATH holding dpkg-query and id, apt-get when ``apt``, sudo when ``sudo`` is not None."""
    folder = tmp_path / "bin"
    folder.mkdir()
    state = tmp_path / "installed"
    state.write_text("".join(f"{name}\n" for name in installed))
    calls = tmp_path / "calls"
    _tool(
        folder,
        "dpkg-query",
        # dpkg-query -W -f=${Status} NAME
        f"""while read -r name; do
  if [ "$name" = "$3" ]; then printf 'install ok installed'; exit 0; fi
done < "{state}"
echo "dpkg-query: no packages found matching $3" >&2
exit 1
""",
    )
    _tool(folder, "id", f'[ "$1" = "-u" ] && echo {uid}\n')
    if apt:
        install = (
            "exit 100"
            if apt_fails
            else f'shift 4; for name in "$@"; do echo "$name" >> "{state}"; done'
        )
        _tool(
            folder,
            "apt-get",
            f"""echo "apt-get $*" >> "{calls}"
if [ "$1" = "install" ]; then {install}; fi
exit 0
""",
        )
    if sudo is not None:
        _tool(
            folder,
            "sudo",
            f"""echo "sudo $*" >> "{calls}"
[ "$1" = "-n" ] || exit 1
shift
if [ "$1" = "true" ]; then exit {0 if sudo else 1}; fi
exec "$@"
""",
        )
    return System(folder, state, calls)


def test_all_present_asks_nothing(tmp_path: Path) -> None:
    machine = system(tmp_path, EVERY, uid=0)
    done = machine.run()
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Debian packages: all present\n"
    assert machine.called() == []


def test_a_command_on_path_counts_without_dpkg(tmp_path: Path) -> None:
    machine = system(tmp_path, EVERY[1:])
    _tool(machine.bin, "espeak-ng", "exit 0\n")  # built from source: dpkg does not know it
    done = machine.run()
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Debian packages: all present\n"


def test_missing_as_root_installs_with_apt_get(tmp_path: Path) -> None:
    machine = system(tmp_path, EVERY[2:], uid=0)
    done = machine.run()
    assert done.returncode == 0, done.stderr
    assert machine.called() == [
        "apt-get update -qq",
        "apt-get install -y -qq --no-install-recommends espeak-ng lame",
    ]
    assert set(machine.now_installed()) == set(EVERY)
    assert done.stdout.splitlines() == [
        "Installing Debian packages: espeak-ng lame",
        "Debian packages: all present",
    ]


def test_missing_without_root_installs_through_sudo(tmp_path: Path) -> None:
    machine = system(tmp_path, ["espeak-ng", "lame"], sudo=True)
    done = machine.run()
    assert done.returncode == 0, done.stderr
    packages = "ffmpeg libpango-1.0-0 libpangoft2-1.0-0 libcairo2"
    assert machine.called() == [
        "sudo -n true",
        "sudo -n apt-get update -qq",
        "apt-get update -qq",
        f"sudo -n apt-get install -y -qq --no-install-recommends {packages}",
        f"apt-get install -y -qq --no-install-recommends {packages}",
    ]
    assert set(machine.now_installed()) == set(EVERY)


def test_missing_with_no_way_to_install_says_the_line_and_what_is_off(tmp_path: Path) -> None:
    machine = system(tmp_path, EVERY[3:], sudo=False)
    done = machine.run()
    assert done.returncode == 0, done.stderr  # the app still starts
    assert machine.called() == ["sudo -n true"]  # asked, never given a password prompt
    assert done.stdout.splitlines() == [
        "Missing Debian packages: espeak-ng lame ffmpeg",
        "Install them with:",
        "  sudo apt-get install espeak-ng lame ffmpeg",
        "Until then:",
        LISTEN,
        RECORDINGS,
    ]


def test_no_sudo_at_all_is_no_way_either(tmp_path: Path) -> None:
    machine = system(tmp_path, [*EVERY[:2], *EVERY[3:]])
    done = machine.run()
    assert done.returncode == 0
    assert machine.called() == []
    assert "  sudo apt-get install ffmpeg" in done.stdout.splitlines()
    assert RECORDINGS in done.stdout.splitlines()
    assert LISTEN not in done.stdout.splitlines()


def test_without_cairo_the_card_is_svg_only(tmp_path: Path) -> None:
    machine = system(tmp_path, EVERY[:-1], sudo=False)
    done = machine.run()
    assert done.returncode == 0  # the app starts; the card's PNG answers 404
    assert done.stdout.splitlines() == [
        "Missing Debian packages: libcairo2",
        "Install them with:",
        "  sudo apt-get install libcairo2",
        "Until then:",
        CARD,
    ]


def test_apt_get_failing_falls_back_to_the_line(tmp_path: Path) -> None:
    machine = system(tmp_path, EVERY[1:], uid=0, apt_fails=True)
    done = machine.run()
    assert done.returncode == 0
    assert done.stdout.splitlines() == [
        "Installing Debian packages: espeak-ng",
        "apt-get could not install them.",
        "Missing Debian packages: espeak-ng",
        "Install them with:",
        "  sudo apt-get install espeak-ng",
        "Until then:",
        LISTEN,
    ]


@pytest.mark.parametrize("sudo", [False, None])
def test_without_pango_the_app_cannot_start_and_make_stops(
    tmp_path: Path, sudo: bool | None
) -> None:
    machine = system(tmp_path, [*EVERY[:3], "libcairo2"], sudo=sudo)
    done = machine.run()
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "Missing Debian packages: libpango-1.0-0 libpangoft2-1.0-0",
        "Install them with:",
        "  sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0",
        "Until then:",
        "  - The app will not start: WeasyPrint (the forum minutes as PDF) loads pango when it"
        " starts.",
    ]


def test_not_debian_names_the_packages_without_apt_get(tmp_path: Path) -> None:
    machine = system(tmp_path, [], apt=False)
    (machine.bin / "dpkg-query").unlink()
    for command in ("espeak-ng", "lame", "ffmpeg", "ffprobe"):
        _tool(machine.bin, command, "exit 0\n")
    done = machine.run()
    assert done.returncode == 1
    assert done.stdout.splitlines()[:2] == [
        "Missing system packages (Debian names): libpango-1.0-0 libpangoft2-1.0-0 libcairo2",
        "Install them with your system's package manager.",
    ]


def test_bench_installs_wrk_only(tmp_path: Path) -> None:
    machine = system(tmp_path, [], uid=0)
    done = machine.run("bench")
    assert done.returncode == 0, done.stderr
    assert machine.called() == [
        "apt-get update -qq",
        "apt-get install -y -qq --no-install-recommends wrk",
    ]
    assert machine.now_installed() == ["wrk"]


def test_bench_without_wrk_and_no_way_to_install_it_stops(tmp_path: Path) -> None:
    machine = system(tmp_path, EVERY, apt=False)
    done = machine.run("bench")
    assert done.returncode == 1
    assert "wrk" in done.stdout
    assert "The HTTP benchmarks cannot run: wrk is their load generator." in done.stdout
