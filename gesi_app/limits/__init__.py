"""Rate limits shared by every app process through the database (gesi_app.limits.shared)."""
