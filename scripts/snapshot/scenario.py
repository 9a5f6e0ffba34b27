"""The people's day: reports, casework, tracking, admin pages and forums, in order."""

from __future__ import annotations

import re

from snapshot.capture import FIRST, LANGS, STAFF, Capture, cap_last_text
from snapshot.people import Visit


def scenario(cap: Capture, visit: Visit) -> None:
    get, submit = cap.get, cap.submit
    for lang in LANGS:
        for path in ("/", "/help", "/preferences", "/reports", "/forums", "/track", "/report"):
            get("citizen", path, lang, "first visit")
    submit("citizen", "/preferences", "/preferences", "en", "filled", {})

    # Reports through the journey: recorded in both languages, then a few more quietly.
    reports: list[tuple[str, str]] = []
    reports.append(visit.journey("id", evidence=True))
    reports.append(
        visit.journey(
            "en",
            {
                "type": {"type": "aspirasi"},
                "about-you": {"about_consent": "yes"},
                "anonymous": {"anonim": "yes"},
            },
        )
    )
    more = [
        {"type": {"type": "permintaan_informasi"}, "confidential": {"rahasia": "yes"}},
        {"contact": {"contact_name": "", "contact_email": "", "contact_phone": ""}},
        {"when": {"when_kind": "ongoing"}},
        {"topic": {"topic": "kesehatan"}, "subtopic": {"subtopic": "puskesmas"}},
        {},
        {},
    ]
    for answers in more:
        reports.append(visit.journey("id", answers, record=False))

    for persona in STAFF:
        visit.sign_in(persona)

    codes = [c for c, _ in reports]
    dpupr = str(cap.rows("SELECT id FROM agencies WHERE slug = 'dpupr'")[0][0])
    verified, answered, held, not_ours, archived, closed = codes[0], codes[1], *codes[2:6]
    for lang in LANGS:
        for persona in STAFF:
            get(persona, "/staff", lang, "dashboard")
            get(persona, "/staff/queue", lang, "with reports")
    # Casework, first the forms with errors in both languages.
    for lang in LANGS:
        for action in ("verify", "hold", "not-ours", "archive", "new-pin"):
            page = f"/staff/reports/{codes[6]}/{action}"
            get("verifikator", page, lang, "form")
            if action != "new-pin":
                submit("verifikator", page, page, lang, "sent empty", None)
    for code in (verified, answered, closed):
        page = f"/staff/reports/{code}/verify"
        submit(
            "verifikator",
            page,
            page,
            "id",
            "filled",
            {"agency": dpupr},
        )
    for code in (answered, closed):
        page = f"/staff/reports/{code}/answer"
        submit(
            "petugas.pupr",
            page,
            page,
            "id",
            "filled",
            {"answer": "Lubang sudah kami tambal. Terima kasih."},
        )
    for lang in LANGS:
        for persona, code, action in (
            ("petugas.pupr", verified, "answer"),
            ("verifikator", answered, "close"),
        ):
            page = f"/staff/reports/{code}/{action}"
            get(persona, page, lang, "form")
            submit(persona, page, page, lang, "sent empty", None)
    submit(
        "verifikator",
        f"/staff/reports/{closed}/close",
        "/close",
        "en",
        "filled",
        {"reason": "Selesai"},
    )
    for code, action in ((held, "hold"), (not_ours, "not-ours"), (archived, "archive")):
        page = f"/staff/reports/{code}/{action}"
        submit(
            "verifikator", page, page, "id", "filled", {"reason": "Menunggu anggaran tahun depan"}
        )
    page = f"/staff/reports/{codes[7]}/new-pin"
    response = submit("verifikator", page, page, "id", "filled", {})
    if response is not None:
        cap.remember_pins(response.text)

    # Tracking with code and PIN, reply and rating.
    for lang in LANGS:
        visit.track(answered, reports[1][1], lang, full=True)
        visit.track(verified, reports[0][1], lang, full=False)
        get("citizen", f"/reports/{verified}", lang, "public")
    page = f"/track/{answered}"
    submit("citizen", page, "/reply", "id", "reply sent empty", None)
    submit("citizen", page, "/reply", "id", "reply", {"reply": "Terima kasih, sudah baik."})
    visit.track(closed, reports[5][1], "en", full=False)
    page = f"/track/{closed}"
    submit("citizen", page, "/rating", "en", "rating sent empty", None)
    submit("citizen", page, "/rating", "en", "rating", {"comment": "Cepat sekali."})
    submit("citizen", f"/reports/{verified}", "/support", "id", "support", {})

    # Intake at the desk.
    visit.staff_form(
        "verifikator",
        "/staff/intake",
        "id",
        {
            "title": "Lampu jalan mati",
            "details": "Lampu jalan mati sejak seminggu.",
            "when_kind": "ongoing",
            "contact_name": "Budi",
            "contact_phone": "0812 1111 2222",
        },
    )
    cap.remember_pins(cap_last_text(cap))

    # Admin pages.
    visit.staff_form(
        "admin",
        "/staff/templates/new",
        "en",
        {
            "label_id": "Terima kasih",
            "label_en": "Thank you",
            "text_id": "Terima kasih atas laporan Anda.",
            "text_en": "Thank you for your report.",
        },
    )
    visit.staff_form(
        "admin",
        "/staff/agencies/new",
        "id",
        {"name_id": "Bappeda", "name_en": "Planning Agency"},
    )
    visit.staff_form(
        "admin",
        "/staff/categories/new",
        "id",
        {"name_id": "Taman kota", "name_en": "City parks"},
    )
    visit.staff_form("admin", "/staff/regions/36.03.01", "en", {"name": "Balaraja (kecamatan)"})
    submit("admin", "/staff/categories", "/move", "id", "moved", {})
    visit.staff_form(
        "admin",
        "/staff/holidays",
        "id",
        {
            "name_id": "Hari jadi kabupaten",
            "name_en": "County day",
            "date_day": "28",
            "date_month": "12",
            "date_year": "2026",
        },
    )
    holidays = cap.ids("holidays")
    if holidays:
        page = f"/staff/holidays/{holidays[-1]}/remove"
        get("admin", page, "id", "form")
        submit("admin", page, page, "id", "filled", {})
    response = visit.staff_form(
        "admin",
        "/staff/users/new",
        "id",
        {"username": "budi", "full_name": "Budi Santoso", "email": "budi@example.org"},
    )
    if response is not None:
        for secret in re.findall(r"<code[^>]*>([A-Za-z0-9-]{12,})</code>", cap_last_text(cap)):
            cap.remember(secret, "password")
    users = cap.ids("staff_users")
    visit.staff_form("admin", f"/staff/users/{users[1]}", "en", {"full_name": "Verifikator Dua"})
    page = f"/staff/users/{users[2]}/reset"
    get("admin", page, "id", "form")
    submit("admin", page, page, "id", "filled", {})
    for token in re.findall(r"/staff/reset/([A-Za-z0-9_-]{20,})", cap_last_text(cap)):
        cap.remember(token, "token")
    for token in [v for v, n in cap.words.items() if n.startswith("{token")]:
        get("citizen", f"/staff/reset/{token}", "id", "reset link")
        cap.post("citizen", f"/staff/reset/{token}", "id", "sent empty", [])
    for path in ("/staff/notifications", "/staff/audit", "/staff/audit?page=2", "/staff/users"):
        for lang in LANGS:
            get("admin", path, lang, "after work")

    # Forums: set up, run and end.
    fac = "fasilitator"
    setup = {
        "title": "Musrenbang Kecamatan Balaraja",
        "agency": "",
        "format": "hybrid",
        "date_day": "17",
        "date_month": "8",
        "date_year": "2030",
        "time": "09.30",
        "place": "Aula Kecamatan Balaraja",
        "agenda": "Jalan desa\nAir bersih",
    }
    for lang in LANGS:
        get(fac, "/staff/forums/new", lang, "form")
        submit(fac, "/staff/forums/new", "/staff/forums/new", lang, "sent empty", None)
    submit(fac, "/staff/forums/new", "/staff/forums/new", "id", "filled", setup)
    submit(
        fac,
        "/staff/forums/new",
        "/staff/forums/new",
        "id",
        "second",
        {**setup, "title": "FKP Puskesmas"},
    )
    forums = cap.forum_codes()
    if forums:
        live = forums[0]
        for lang in LANGS:
            get(fac, f"/staff/forums/{live}", lang, "before start")
            get("citizen", f"/forums/{live}", lang, "before start")
        submit(fac, f"/staff/forums/{live}", "/state", "id", "start", {"state": "live"})
        for lang in LANGS:
            get("citizen", f"/forums/{live}", lang, "live, not joined")
        submit(
            "citizen", f"/forums/{live}", "/join", "id", "join", {"name": "Ani", "consent": FIRST}
        )
        for lang in LANGS:
            get("citizen", f"/forums/{live}", lang, "joined")
        submit("citizen", f"/forums/{live}", "/inputs", "id", "input sent empty", None)
        submit("citizen", f"/forums/{live}", "/inputs", "en", "input", {"text": "Antrean lama"})
        submit("citizen", f"/forums/{live}", "/inputs", "id", "input 2", {"text": "Jalan licin"})
        capture = f"/staff/forums/{live}/capture"
        submit(fac, capture, capture, "id", "captured", {"text": "Air sering mati"})
        attendance = f"/staff/forums/{live}/attendance"
        submit(
            fac,
            attendance,
            attendance,
            "en",
            "filled",
            {"total": "30", "women": "12", "youth": "8", "disability": "3"},
        )
        themes = f"/staff/forums/{live}/themes"
        submit(fac, themes, themes, "id", "theme", {"theme_title": "Jalan"})
        submit(fac, themes, "/themes/assign", "id", "assigned", {})
        outcomes = f"/staff/forums/{live}/outcomes"
        submit(fac, outcomes, "/agreed", "id", "agreed", {"point": "Jalan desa diperbaiki"})
        submit(
            fac,
            outcomes,
            "/follow-ups",
            "id",
            "follow-up",
            {"what": "Survei jalan", "due_day": "1", "due_month": "9", "due_year": "2030"},
        )
        prioritise = f"/staff/forums/{live}/prioritise"
        submit(fac, prioritise, "/dot-vote", "id", "dot vote", {"dots": "3"})
        submit("citizen", f"/forums/{live}/dots", f"/forums/{live}/dots", "id", "dots", {})
        submit(fac, prioritise, "/statements", "en", "statements", {"statement": "Jalan desa dulu"})
        facilitators = f"/staff/forums/{live}/facilitators"
        submit("admin", facilitators, facilitators, "id", "added", {})
        edit = f"/staff/forums/{live}/edit"
        submit(fac, edit, edit, "id", "edited", {**setup, "place": "Aula Desa"})
        for lang in LANGS:
            for path in ("", "/minutes", "/outcomes", "/prioritise", "/themes", "/attendance"):
                get(
                    fac,
                    f"/staff/forums/{live}{path}" if path else f"/staff/forums/{live}",
                    lang,
                    "in use",
                )
            get("citizen", f"/forums/{live}/board", lang, "in use")
        submit(fac, f"/staff/forums/{live}", "/state", "id", "end", {"state": "ended"})
        for lang in LANGS:
            get("citizen", f"/forums/{live}", lang, "ended")
            get(fac, f"/staff/forums/{live}/minutes", lang, "ended")

    # Error pages.
    for lang in LANGS:
        get("citizen", "/no-such-page", lang, "404")
        get("petugas.pupr", "/staff/users", lang, "403 wrong role")
        get("fasilitator", "/staff/agencies", lang, "403 wrong role")
        get("citizen", "/staff/queue", lang, "signed out")
        cap.request("citizen", "POST", "/track", lang, "403 no CSRF token", data={"code": "x"})
        cap.request("citizen", "DELETE", "/reports", lang, "405")
        cap.request("citizen", "GET", "/reports?page=%ff%fe", lang, "400 unreadable query")
