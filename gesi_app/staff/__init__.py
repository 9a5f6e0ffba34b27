"""Staff accounts, roles and (later) the back office."""
