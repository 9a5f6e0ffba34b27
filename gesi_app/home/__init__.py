"""Start page, help, display preferences and the health check."""
