"""The holiday calendar kept in the database, and the one working-day calculator."""
