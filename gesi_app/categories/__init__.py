"""Report topics: a configurable two-level tree."""
