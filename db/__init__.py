"""SQLAlchemy models of the data model, engine factory, migrations and trace queries."""
