"""Hypothesis profiles for the property tests, and the one world they all attack.

``ci`` (the default, used by ``make test``) tries a few derandomized examples per route so the
suite stays short and gives the same answer on every run; ``fuzz`` (``make fuzz``) tries many
more (GESI_FUZZ_EXAMPLES, 200 by default), with a new seed each run and shrinking, so a
failure is reported as its smallest example. Choose the profile with GESI_FUZZ_PROFILE.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, Phase, settings

from tests.property.world import World, build

# The world is session-scoped, so no example shares a function-scoped fixture; the slow and
# large-data checks are off because each example is a whole HTTP exchange with big bodies.
_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile(
    "ci",
    max_examples=3,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure is reported as found
    suppress_health_check=_SLOW,
    print_blob=True,
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("GESI_FUZZ_EXAMPLES", "200")),  # a route; about an hour
    deadline=None,
    suppress_health_check=_SLOW,
    print_blob=True,
)
settings.load_profile(os.environ.get("GESI_FUZZ_PROFILE", "ci"))


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    yield from build(tmp_path_factory.mktemp("fuzz"))
