"""Shared web plumbing: templating, i18n, security middleware, preferences, error pages."""
