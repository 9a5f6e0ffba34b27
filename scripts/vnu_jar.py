"""Fetch the Nu Html Checker (``vnu.jar``) that the browser tests run over every page they visit.

The jar (about 32 MB) is not committed: ``make vnu`` (a step of ``make test``) asks npm for the
pinned ``vnu-jar`` package, takes ``build/dist/vnu.jar`` out of it and keeps it in the
git-ignored ``.cache/vnu-jar/<version>/vnu.jar``, after checking its SHA-256. A jar already
there with the right checksum is kept, so only the first run needs the network.

To move to a newer checker: change ``VERSION``, run this script once with ``--print-sha``
to see the new jar's checksum, check the release notes, and pin the checksum in ``SHA256``.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "26.9.27"
SHA256 = "22f15dd39a33bed929d2a5c0cddf5946849a647eca9272bf4d5d00bc7e7a4d47"
ROOT = Path(__file__).resolve().parent.parent
JAR = ROOT / ".cache" / "vnu-jar" / VERSION / "vnu.jar"
_MEMBER = "package/build/dist/vnu.jar"


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def is_current(path: Path = JAR) -> bool:
    """The pinned jar is in place, byte for byte."""
    return path.is_file() and sha256(path) == SHA256


def fetch(target: Path = JAR, *, check: bool = True) -> Path:
    """``npm pack vnu-jar@VERSION`` into a scratch folder and put its jar at ``target``."""
    npm = shutil.which("npm")
    if npm is None:
        raise SystemExit("npm is needed to fetch vnu.jar (Debian package npm)")
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run(
            [npm, "pack", f"vnu-jar@{VERSION}", "--silent", "--pack-destination", scratch],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (tarball,) = Path(scratch).glob("vnu-jar-*.tgz")
        with tarfile.open(tarball) as archive:
            member = archive.extractfile(_MEMBER)
            if member is None:
                raise SystemExit(f"{tarball.name} has no {_MEMBER}")
            unpacked = Path(scratch) / "vnu.jar"
            with unpacked.open("wb") as out:
                shutil.copyfileobj(member, out)
        found = sha256(unpacked)
        if check and found != SHA256:
            raise SystemExit(f"vnu-jar@{VERSION}: vnu.jar has SHA-256 {found}, expected {SHA256}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(unpacked, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--print-sha",
        action="store_true",
        help="fetch without checking and print the jar's SHA-256 (to pin a new VERSION)",
    )
    args = parser.parse_args(argv)
    if args.print_sha:
        with tempfile.TemporaryDirectory() as scratch:
            print(sha256(fetch(Path(scratch) / "vnu.jar", check=False)))
        return 0
    if is_current():
        print(f"vnu.jar {VERSION} is in place")
        return 0
    print(f"fetching vnu.jar {VERSION} through npm")
    fetch()
    return 0


if __name__ == "__main__":
    sys.exit(main())
