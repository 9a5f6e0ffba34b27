"""Open data: per-report exports (CSV, JSON) without personal data, their data dictionary and
a Frictionless ``datapackage.json`` so the files load into CKAN portals (Satu Data Indonesia).
"""
