"""The records store: database schema, sessions, documents on disk, reference numbers, audit."""
