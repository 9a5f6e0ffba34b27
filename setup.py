"""The build compiles the message catalogues, so that a wheel or sdist installed by pip speaks
Indonesian. The compiled ``.mo`` files are never committed (.gitignore): from an sdist, from
a checkout (``pip install -e .`` compiles them in place) and for a wheel, the build makes them
from the ``.po`` files, as ``pybabel compile`` does (fuzzy entries left out).
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools import setup
from setuptools.command.build_py import build_py

LOCALES = Path("gesi_app") / "locales"


class BuildPyWithCatalogues(build_py):  # type: ignore[misc]  # setuptools ships no type hints
    def run(self) -> None:
        super().run()
        target = LOCALES if self.editable_mode else Path(self.build_lib) / LOCALES
        for po in sorted(LOCALES.glob("*/LC_MESSAGES/*.po")):
            with po.open("rb") as source:
                catalog = read_po(source, po.parent.parent.name)
            mo = target / po.relative_to(LOCALES).with_suffix(".mo")
            mo.parent.mkdir(parents=True, exist_ok=True)
            with mo.open("wb") as out:
                write_mo(out, catalog, use_fuzzy=False)


setup(cmdclass={"build_py": BuildPyWithCatalogues})
