"""Every page a person can reach, rendered and saved, so two versions of the code can be compared
byte for byte (a refactor must leave every page as it was).

Usage::

    python scripts/page_snapshot.py capture CHECKOUT OUT   # render CHECKOUT's pages into OUT
    python scripts/page_snapshot.py compare OUT_A OUT_B    # what differs between two captures

``capture`` compiles CHECKOUT's catalogues with its own ``scripts/messages.py compile``, then
runs this file again in a subprocess with CHECKOUT first on PYTHONPATH (and as working
directory), so that checkout's ``gesi_app`` and ``tests`` are the ones imported. The only
names taken from the app are ``gesi_app.app.create_app`` and ``gesi_app.settings.Settings``;
the test data comes from the checkout's own helpers (``tests/factories.py``: the demo regions,
agencies, topics and one staff member per role), everything else is made through the pages as
a person would: reports through the journey, staff actions through their forms, forums set up,
joined and run by their facilitator. The database is a fresh SQLite file migrated by the
checkout's own migrations.

What is fetched, in both languages (``?lang=id`` and ``?lang=en``):

- every GET route of the app's route table, with each real path value the seeded data has
  (every report code, forum code, staff user, agency, topic, template, region, holiday, file),
  as an anonymous citizen and as each signed-in staff role (admin, verifier, agency officer,
  facilitator);
- the report journey, every question sent empty (its page with errors) and then answered, the
  check page, the confirmation with the tracking code and PIN, in several variants (about you,
  anonymous, confidential, evidence upload, no contact);
- tracking: the code-and-PIN form empty, with an unknown code, a wrong PIN and the right one;
  the reporter's page, a reply (empty and written), a rating (empty and given);
- staff work: every action form empty (errors) and filled (verify, answer, hold, not ours,
  archive, close, new PIN, intake, templates, agencies, topics, regions, holidays, users and
  password resets), sign-in errors;
- forums: set-up with errors, start, join, inputs, board, capture, attendance, themes, outcomes,
  minutes (page, CSV, PDF), prioritising, the facilitators page, editing, end;
- every POST form found on any page, sent empty (its error page), and error pages: 404, 403
  (wrong role, no CSRF token), 405, 400 (unreadable query).

Each response is one file (name from persona, method, path, language and state) holding its
status, content type, redirect target and body; ``index.tsv`` lists them. Event streams (the
live board) and audio files (synthesised on demand) are not fetched; a missing audio file is.

What is normalised, and only this (everything else is compared byte for byte):

- Randomness is made repeatable at its source: ``secrets`` (tracking codes, PINs, forum join
  codes, CSRF tokens, draft ids, passwords, reset and session tokens) draws from a generator
  seeded by the name of the calling function and how often it has called, so a page shows the
  same code in two runs even if a module moved. Then, so that a changed order of calls does
  not show as a difference either, the values still random per run are replaced by stable
  names: each report's tracking code by ``{report-N}`` (N its row id), spelled out too; each
  forum's join code by ``{forum-N}``; PINs shown by ``{pin-K}``; CSRF token values by
  ``{csrf}``; password-reset tokens and generated passwords by ``{token-K}``/``{password-K}``.
- Time: the clock is not fixed (the app reads it in many places). Both captures must run on
  the same day in the site's time zone (``compare`` refuses otherwise), so every date stays
  as it is. A time of day on a page (15:31, 15:31:12.491764 inside an ISO timestamp, 22.31 as
  the pages write it), in UTC or in the site's zone, that falls inside the capture's own run
  (from its start to its end, a minute either side) is replaced by ``{time}``; its date and
  offset stay. Fixed times (a forum at 09.30) stay, unless a capture runs at that minute.
- PDF metadata: the PDF's creation and modification dates and its file id.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from snapshot.store import compare
from snapshot.worker import capture, worker


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    cap = sub.add_parser("capture", help="render every page of a checkout into a folder")
    cap.add_argument("checkout", type=Path)
    cap.add_argument("out", type=Path)
    cap.add_argument("--python", default=sys.executable, help="interpreter with the app's deps")
    cmp = sub.add_parser("compare", help="compare two captures")
    cmp.add_argument("a", type=Path)
    cmp.add_argument("b", type=Path)
    cmp.add_argument("--diffs", type=int, default=5, help="unified diffs to print")
    work = sub.add_parser("_worker")
    work.add_argument("checkout", type=Path)
    work.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.mode == "capture":
        return capture(args.checkout, args.out, args.python)
    if args.mode == "compare":
        return compare(args.a, args.b, args.diffs)
    worker(args.checkout, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
