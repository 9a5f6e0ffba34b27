"""Following a report: look it up by tracking code (and PIN), read its progress, reply, rate."""
