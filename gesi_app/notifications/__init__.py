"""Notifications: tell the reporter, in their language, when their report moves on."""
