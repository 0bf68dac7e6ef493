"""The glossary: terms, acronyms and their meanings, validated and searchable."""
