"""The two review tools, strategy review and project health check: one engine, rules as data."""
