"""Public reports: the list of published (verified, not rahasia) reports, one report's public
page, and support."""
