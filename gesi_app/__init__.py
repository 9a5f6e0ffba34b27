"""Suara: an accessibility-first public feedback system for Indonesian local governments."""

from gesi_app.web.numbers import install_path_convertor

__version__ = "0.1.0"

# Before any feature module builds its routes: path numbers are bounded (web/numbers.py).
install_path_convertor()
