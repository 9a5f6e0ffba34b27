"""Compiled templates are shared by the environments of one process (each test builds an app,
so each would compile every template again) and never outlive a change to their source."""

from __future__ import annotations

from typing import Any

from jinja2 import DictLoader, Environment

from gesi_app.web.templating import COMPILED, CompiledTemplates, build_environment
from tests.conftest import make_settings


class Counting(Environment):
    """Jinja's environment, counting the templates it compiles."""

    compiled = 0

    def compile(self, *args: Any, **kwargs: Any) -> Any:
        if not kwargs.get("raw") and not (len(args) > 3 and args[3]):
            Counting.compiled += 1
        return super().compile(*args, **kwargs)


def environment(source: str, cache: CompiledTemplates) -> Counting:
    return Counting(loader=DictLoader({"page.html": source}), bytecode_cache=cache)


def test_a_second_environment_loads_the_code_and_a_changed_template_is_compiled_anew() -> None:
    cache = CompiledTemplates()
    Counting.compiled = 0
    assert environment("Halo {{ name }}", cache).get_template("page.html").render(name="A") == (
        "Halo A"
    )
    assert Counting.compiled == 1
    assert environment("Halo {{ name }}", cache).get_template("page.html").render(name="B") == (
        "Halo B"
    )
    assert Counting.compiled == 1  # loaded, not compiled
    changed = environment("Selamat datang {{ name }}", cache).get_template("page.html")
    assert changed.render(name="C") == "Selamat datang C"
    assert Counting.compiled == 2
    cache.clear()
    environment("Halo {{ name }}", cache).get_template("page.html")
    assert Counting.compiled == 3


def test_every_app_environment_shares_the_process_cache(tmp_path: Any) -> None:
    first = build_environment(make_settings(tmp_path / "a", "sqlite+aiosqlite:///a.db"))
    second = build_environment(make_settings(tmp_path / "b", "sqlite+aiosqlite:///b.db"))
    assert first is not second
    assert first.bytecode_cache is COMPILED and second.bytecode_cache is COMPILED
    name = "components/forms.html"
    first.get_template(name)
    assert second.loader is not None
    source, filename, _ = second.loader.get_source(second, name)
    assert COMPILED.get_bucket(second, name, filename, source).code is not None
