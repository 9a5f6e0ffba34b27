"""Staff identity: users, sessions, sign-in, password resets, roles and the audit log."""
