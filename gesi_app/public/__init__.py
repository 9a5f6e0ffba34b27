"""Public reports: the list of non-rahasia reports, one report's public page, and support."""
