"""Server entry: ``uvicorn gesi_app.asgi:app``. The only module-level app."""

from gesi_app.app import create_app

app = create_app()
