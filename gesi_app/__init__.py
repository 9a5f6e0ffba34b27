"""Suara: an accessibility-first public feedback system for Indonesian local governments."""

__version__ = "0.1.0"
