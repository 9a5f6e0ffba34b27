"""Server entry: ``uvicorn gesi_app.asgi:app``. The only module-level app."""

import sys

from gesi_app.app import create_app
from gesi_app.settings import Settings, SettingsError

try:
    settings = Settings.from_env()
except SettingsError as exc:  # one clear line, not a traceback, for a bad setting
    print(f"error: {exc}", file=sys.stderr)
    raise SystemExit(2) from None

app = create_app(settings)
