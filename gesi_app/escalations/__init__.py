"""Overdue reports escalated to the admins, once per report per missed deadline."""
