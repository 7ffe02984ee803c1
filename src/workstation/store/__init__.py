"""DuckDB persistence: the only layer that imports duckdb."""
