"""Agencies (OPD) that answer reports."""
