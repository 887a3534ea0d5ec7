"""Plain helpers for the tests (no fixtures): import them; conftest files only hold fixtures."""
