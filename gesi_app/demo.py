"""Idempotent demo data: Kabupaten Tangerang's regions, a dozen agencies, the topic tree, staff,
and (for ``make run``) a few reports: verified ones are public, one waits in the queue."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.accounts.models import Role
from gesi_app.accounts.service import create_user, generate_password, user_by_username
from gesi_app.agencies.models import Agency
from gesi_app.agencies.service import ensure_agency
from gesi_app.casework import casework_actions
from gesi_app.categories.service import category_by_slug, ensure_category
from gesi_app.groups.demo import seed_demo_groups
from gesi_app.passwords import Hasher
from gesi_app.regions.service import import_regions
from gesi_app.reports.deadlines import STANDARD, Deadlines
from gesi_app.reports.models import Report, ReportType, WhenKind
from gesi_app.reports.service import NewReport, submit_report

DEMO_REGION = "36.03"  # Kabupaten Tangerang

AGENCIES: list[tuple[str, str, str]] = [
    (
        "dpupr",
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "Public Works and Spatial Planning Agency",
    ),
    ("dinkes", "Dinas Kesehatan", "Health Agency"),
    ("dindik", "Dinas Pendidikan", "Education Agency"),
    ("dinsos", "Dinas Sosial", "Social Affairs Agency"),
    ("dishub", "Dinas Perhubungan", "Transport Agency"),
    ("dlhk", "Dinas Lingkungan Hidup dan Kebersihan", "Environment and Sanitation Agency"),
    (
        "disdukcapil",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Population and Civil Registration Agency",
    ),
    (
        "dp3a",
        "Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
        "Women's Empowerment and Child Protection Agency",
    ),
    ("disnaker", "Dinas Tenaga Kerja", "Manpower Agency"),
    ("satpolpp", "Satuan Polisi Pamong Praja", "Public Order Agency"),
    ("bpbd", "Badan Penanggulangan Bencana Daerah", "Regional Disaster Management Agency"),
    (
        "dpkpp",
        "Dinas Perumahan, Permukiman dan Pemakaman",
        "Housing, Settlements and Cemeteries Agency",
    ),
]

# (slug, name_id, name_en, agency slug, children)
TOPICS: list[tuple[str, str, str, str, list[tuple[str, str, str, str]]]] = [
    (
        "infrastruktur",
        "Infrastruktur",
        "Infrastructure",
        "dpupr",
        [
            ("jalan", "Jalan rusak atau berlubang", "Damaged roads", "dpupr"),
            ("drainase", "Saluran air dan banjir", "Drains and flooding", "dpupr"),
            ("penerangan-jalan", "Lampu jalan", "Street lights", "dishub"),
            ("trotoar", "Trotoar dan penyeberangan", "Pavements and crossings", "dpupr"),
        ],
    ),
    (
        "kesehatan",
        "Kesehatan",
        "Health",
        "dinkes",
        [
            ("puskesmas", "Pelayanan puskesmas", "Community health centre services", "dinkes"),
            ("rumah-sakit", "Pelayanan rumah sakit daerah", "Regional hospital services", "dinkes"),
            ("jaminan-kesehatan", "Jaminan kesehatan (BPJS)", "Health insurance (BPJS)", "dinkes"),
        ],
    ),
    (
        "pendidikan",
        "Pendidikan",
        "Education",
        "dindik",
        [
            ("sekolah", "Sekolah dan guru", "Schools and teachers", "dindik"),
            ("ppdb", "Penerimaan murid baru", "School admissions", "dindik"),
            ("sekolah-inklusif", "Sekolah inklusif", "Inclusive schools", "dindik"),
        ],
    ),
    (
        "kependudukan",
        "Administrasi kependudukan",
        "Civil registration",
        "disdukcapil",
        [
            ("ktp-el", "KTP elektronik", "Electronic ID card (KTP-el)", "disdukcapil"),
            ("kartu-keluarga", "Kartu keluarga", "Family card", "disdukcapil"),
            ("akta", "Akta kelahiran dan kematian", "Birth and death certificates", "disdukcapil"),
        ],
    ),
    (
        "sosial",
        "Sosial",
        "Social welfare",
        "dinsos",
        [
            ("bansos", "Bantuan sosial", "Social assistance", "dinsos"),
            (
                "layanan-disabilitas",
                "Layanan penyandang disabilitas",
                "Services for people with disabilities",
                "dinsos",
            ),
            ("lansia", "Layanan lansia", "Services for older people", "dinsos"),
        ],
    ),
    (
        "perlindungan",
        "Perempuan dan anak",
        "Women and children",
        "dp3a",
        [
            (
                "kekerasan",
                "Kekerasan terhadap perempuan dan anak",
                "Violence against women and children",
                "dp3a",
            ),
            ("layanan-anak", "Layanan ramah anak", "Child-friendly services", "dp3a"),
        ],
    ),
    (
        "lingkungan",
        "Lingkungan hidup",
        "Environment",
        "dlhk",
        [
            ("sampah", "Sampah", "Rubbish", "dlhk"),
            ("pencemaran", "Pencemaran air atau udara", "Water or air pollution", "dlhk"),
        ],
    ),
    (
        "perhubungan",
        "Perhubungan",
        "Transport",
        "dishub",
        [
            ("angkutan-umum", "Angkutan umum", "Public transport", "dishub"),
            ("parkir", "Parkir", "Parking", "dishub"),
        ],
    ),
    (
        "aksesibilitas",
        "Aksesibilitas",
        "Accessibility",
        "dpupr",
        [
            (
                "gedung-publik",
                "Gedung layanan publik tidak aksesibel",
                "Inaccessible public buildings",
                "dpupr",
            ),
            (
                "informasi-aksesibel",
                "Informasi tidak aksesibel",
                "Information that is not accessible",
                "dinsos",
            ),
        ],
    ),
    (
        "ketertiban",
        "Ketenteraman dan ketertiban",
        "Public order",
        "satpolpp",
        [
            ("pedagang-kaki-lima", "Pedagang kaki lima", "Street vendors", "satpolpp"),
            ("bangunan-liar", "Bangunan liar", "Illegal buildings", "satpolpp"),
        ],
    ),
    (
        "ketenagakerjaan",
        "Ketenagakerjaan",
        "Employment",
        "disnaker",
        [
            ("upah", "Upah dan hak pekerja", "Wages and workers' rights", "disnaker"),
            ("pelatihan-kerja", "Pelatihan kerja", "Job training", "disnaker"),
        ],
    ),
    (
        "bencana",
        "Bencana",
        "Disasters",
        "bpbd",
        [
            ("banjir", "Banjir dan longsor", "Floods and landslides", "bpbd"),
            ("kebakaran", "Kebakaran", "Fires", "bpbd"),
        ],
    ),
]

STAFF: list[tuple[str, str, Role, str | None]] = [
    ("admin", "Admin Suara", Role.ADMIN, None),
    ("verifikator", "Verifikator Suara", Role.VERIFIER, None),
    ("petugas.pupr", "Petugas DPUPR", Role.AGENCY_OFFICER, "dpupr"),
    ("fasilitator", "Fasilitator FKP", Role.FACILITATOR, None),
]


@dataclass(frozen=True)
class DemoReport:
    """A demo report; ``public`` is what the verifier lets the public read (None: it waits
    in the queue, not public yet), ``answer`` the agency's answer, if any."""

    type: ReportType
    topic: str
    region: str
    title: str
    description: str
    public: tuple[str, str] | None
    answer: str | None = None


REPORTS: list[DemoReport] = [
    DemoReport(
        ReportType.PENGADUAN,
        "jalan",
        "36.03.01.1001",
        "Jalan berlubang di depan pasar Balaraja",
        "Lubang besar di depan pasar. Motor sering jatuh saat hujan. Hubungi saya di 081234567890.",
        # The verifier took the phone number out of the public text.
        (
            "Jalan berlubang di depan pasar Balaraja",
            "Lubang besar di depan pasar. Motor sering jatuh saat hujan.",
        ),
        answer="Lubang sudah kami tambal. Terima kasih atas laporan Anda.",
    ),
    DemoReport(
        ReportType.ASPIRASI,
        "drainase",
        "36.03.18.2002",
        "Saluran air di Cibadak perlu dibersihkan",
        "Saluran air penuh sampah. Setiap hujan deras, jalan kampung tergenang.",
        (
            "Saluran air di Cibadak perlu dibersihkan",
            "Saluran air penuh sampah. Setiap hujan deras, jalan kampung tergenang.",
        ),
    ),
    DemoReport(
        ReportType.PERMINTAAN_INFORMASI,
        "puskesmas",
        "36.03.18",
        "Jadwal posyandu lansia di Cikupa",
        "Kapan jadwal posyandu lansia bulan depan? Ibu saya ingin ikut pemeriksaan.",
        (
            "Jadwal posyandu lansia di Cikupa",
            "Kapan jadwal posyandu lansia bulan depan?",
        ),
    ),
    DemoReport(
        ReportType.PENGADUAN,
        "drainase",
        "36.03.01",
        "Sampah menumpuk di dekat sekolah",
        "Sampah menumpuk di samping sekolah dasar. Baunya sampai ke kelas.",
        None,
    ),
]


async def seed_demo_reports(
    session: AsyncSession,
    *,
    hasher: Hasher,
    timezone: str = "Asia/Jakarta",
    deadlines: Deadlines = STANDARD,
) -> int:
    """Send the demo reports and let the demo verifier check them, as staff would: verified
    ones become public with their checked words. Only into a database with no report yet;
    returns how many were added."""
    if await session.scalar(select(func.count()).select_from(Report)):
        return 0
    verifier = await user_by_username(session, "verifikator")
    admin = await user_by_username(session, "admin")
    await session.commit()  # submit_report commits its own transaction
    for demo in REPORTS:
        topic = await category_by_slug(session, demo.topic)
        report = (
            await submit_report(
                session,
                NewReport(
                    type=demo.type,
                    title=demo.title,
                    description=demo.description,
                    when_kind=WhenKind.ONGOING,
                    anonim=False,
                    rahasia=False,
                    category_id=topic.id if topic else None,
                    region_code=demo.region,
                ),
                hasher=hasher,
                timezone=timezone,
                deadlines=deadlines,
            )
        ).report
        if demo.public is None or verifier is None or topic is None or topic.agency_id is None:
            continue
        await session.refresh(report, ["history", "messages"])
        decision = casework_actions.Verification(
            agency_id=topic.agency_id,
            public_title=demo.public[0],
            public_description=demo.public[1],
            category_id=topic.id,
        )
        await casework_actions.verify(
            session, verifier, report, decision, ip=None, timezone=timezone, deadlines=deadlines
        )
        if demo.answer and admin is not None:
            await casework_actions.answer(session, admin, report, demo.answer, ip=None)
        await session.commit()
    return len(REPORTS)


@dataclass
class DemoResult:
    regions_added: int
    new_passwords: dict[str, str]


def new_credentials(hasher: Hasher) -> tuple[str, str]:
    """A generated password and its Argon2 hash."""
    password = generate_password()
    return password, hasher.hash(password)


async def seed_demo(
    session: AsyncSession,
    progress: Callable[[int, int], None] | None = None,
    credentials: Callable[[str], tuple[str, str]] | None = None,
    *,
    hasher: Hasher,
    reports: bool = False,
    deadlines: Deadlines = STANDARD,
) -> DemoResult:
    """Add whatever demo data is missing; running it twice adds nothing the second time.

    ``credentials`` gives each new staff account its (password, hash), by default a new
    password hashed by ``hasher``; ``reports`` adds the demo reports too (``gesi-app demo``
    does; tests make their own).
    """
    regions_added = await import_regions(session, DEMO_REGION, progress)
    agencies: dict[str, Agency] = {}
    for slug, name_id, name_en in AGENCIES:
        agencies[slug] = await ensure_agency(session, slug, name_id, name_en)
    for position, (slug, name_id, name_en, agency, children) in enumerate(TOPICS):
        parent = await ensure_category(
            session, slug, name_id, name_en, position=position, agency_id=agencies[agency].id
        )
        for child_position, (child_slug, child_id, child_en, child_agency) in enumerate(children):
            await ensure_category(
                session,
                child_slug,
                child_id,
                child_en,
                parent=parent,
                position=child_position,
                agency_id=agencies[child_agency].id,
            )
    passwords: dict[str, str] = {}
    for username, full_name, role, agency_slug in STAFF:
        if await user_by_username(session, username) is not None:
            continue
        password, password_hash = credentials(username) if credentials else new_credentials(hasher)
        await create_user(
            session,
            username=username,
            full_name=full_name,
            role=role,
            password=password,
            password_hash=password_hash,
            agency=agencies[agency_slug] if agency_slug else None,
        )
        passwords[username] = password
    if reports:
        await seed_demo_reports(session, hasher=hasher, deadlines=deadlines)
        passwords |= await seed_demo_groups(
            session, credentials or (lambda _username: new_credentials(hasher))
        )
    return DemoResult(regions_added, passwords)
