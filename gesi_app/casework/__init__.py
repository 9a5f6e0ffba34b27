"""Casework: the staff queue, a report's page and actions, intake, transcripts, reporter keys."""
