"""Public consultation forums (Forum Konsultasi Publik): set-up, taking part, the live board."""
