"""Idempotent demo data: Kabupaten Tangerang's regions, a dozen agencies, the topic tree, staff."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from gesi_app.agencies.models import Agency
from gesi_app.agencies.service import ensure_agency
from gesi_app.categories.service import ensure_category
from gesi_app.passwords import hash_password
from gesi_app.regions.service import import_regions
from gesi_app.staff.models import Role
from gesi_app.staff.service import create_user, generate_password, user_by_username

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


@dataclass
class DemoResult:
    regions_added: int
    new_passwords: dict[str, str]


def new_credentials(_username: str) -> tuple[str, str]:
    """A generated password and its Argon2 hash."""
    password = generate_password()
    return password, hash_password(password)


async def seed_demo(
    session: AsyncSession,
    progress: Callable[[int, int], None] | None = None,
    credentials: Callable[[str], tuple[str, str]] = new_credentials,
) -> DemoResult:
    """Add whatever demo data is missing; running it twice adds nothing the second time.

    ``credentials`` gives each new staff account its (password, hash).
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
        password, password_hash = credentials(username)
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
    return DemoResult(regions_added, passwords)
