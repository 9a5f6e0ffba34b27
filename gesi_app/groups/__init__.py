"""Community groups (kelompok masyarakat): registration, review by admins, public directory."""
