"""Shared web plumbing: templating, security middleware, preferences, form helpers, error pages."""
