"""The Alembic environment and revisions, shipped inside the package (found by db.migrate)."""
