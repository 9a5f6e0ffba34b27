"""A capture on disk (one file a page, ``index.tsv``, ``capture.json``) and comparing two."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import re
import sys
import zoneinfo
from pathlib import Path

from snapshot.capture import Capture
from snapshot.normalise import Normaliser

INDEX = "index.tsv"
META = "capture.json"


def _file_name(key: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9._{}=-]+", "_", key).strip("_")[:150]
    return f"{slug}-{hashlib.sha256(key.encode()).hexdigest()[:10]}.txt"


def write(
    out: Path,
    cap: Capture,
    normaliser: Normaliser,
    start: dt.datetime,
    end: dt.datetime,
    timezone: str,
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    lines = []
    names: set[str] = set()
    for page in cap.pages.values():
        key = page.key
        for value, name in normaliser.replacements:
            key = key.replace(value, name)
        if key in names:
            continue
        names.add(key)
        location = normaliser.text(page.location)
        head = f"{page.status} {page.content_type}\nlocation: {location}\n\n".encode()
        body = normaliser.body(page)
        file = _file_name(key)
        (out / file).write_bytes(head + body)
        digest = hashlib.sha256(head + body).hexdigest()[:16]
        lines.append(f"{key}\t{page.status}\t{digest}\t{file}")
    (out / INDEX).write_text("\n".join(lines) + "\n")
    digests = [line.split("\t") for line in lines]
    skipped = [normaliser.text(note) for note in cap.skipped]
    meta = {
        "pages": len(lines),
        "different_contents": len({d[2] for d in digests}),
        "different_200_contents": len({d[2] for d in digests if d[1] == "200"}),
        "start": start.isoformat(),
        "end": end.isoformat(),
        "site_date": start.astimezone(zoneinfo.ZoneInfo(timezone)).date().isoformat(),
        "skipped": skipped,
    }
    (out / META).write_text(json.dumps(meta, indent=1) + "\n")
    print(
        f"{len(lines)} pages written to {out} ({meta['different_contents']} different contents, "
        f"{meta['different_200_contents']} of them with status 200)"
    )
    for note in skipped:
        print(f"  not fetched: {note}")


# ---------------------------------------------------------------------------------------------


def read_index(folder: Path) -> dict[str, tuple[str, str]]:
    pages = {}
    for line in (folder / INDEX).read_text().splitlines():
        key, _status, digest, file = line.split("\t")
        pages[key] = (digest, file)
    return pages


def compare(a: Path, b: Path, diffs: int) -> int:
    for folder in (a, b):
        if not (folder / META).is_file():
            print(f"{folder} holds no finished capture (no {META})")
            return 2
    meta_a = json.loads((a / META).read_text())
    meta_b = json.loads((b / META).read_text())
    if meta_a["site_date"] != meta_b["site_date"]:
        print(
            f"captured on different days ({meta_a['site_date']}, {meta_b['site_date']}): dates "
            "on the pages would differ; capture both again on one day"
        )
        return 2
    left, right = read_index(a), read_index(b)
    common = [k for k in left if k in right]
    differing = [
        k for k in common if (a / left[k][1]).read_bytes() != (b / right[k][1]).read_bytes()
    ]
    only_a = [k for k in left if k not in right]
    only_b = [k for k in right if k not in left]
    print(f"pages compared: {len(common)}")
    print(f"identical: {len(common) - len(differing)}")
    print(f"differing: {len(differing)}")
    for key in differing:
        print(f"  {key}")
    for key in differing[:diffs]:
        old = (a / left[key][1]).read_text(errors="replace").splitlines()
        new = (b / right[key][1]).read_text(errors="replace").splitlines()
        print(f"\n--- {key}")
        sys.stdout.writelines(
            line + "\n" for line in difflib.unified_diff(old, new, str(a), str(b), lineterm="", n=2)
        )
    print(f"only in {a}: {len(only_a)}")
    for key in only_a:
        print(f"  {key}")
    print(f"only in {b}: {len(only_b)}")
    for key in only_b:
        print(f"  {key}")
    return 1 if differing or only_a or only_b else 0
