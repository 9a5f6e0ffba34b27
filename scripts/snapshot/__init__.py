"""The parts of ``scripts/page_snapshot.py``: every page rendered, saved and compared."""
