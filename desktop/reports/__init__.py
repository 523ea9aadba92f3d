"""Reports regulators and partners read: the data types of a recall and of a batch record, and
their renderings (PDF with reportlab, CSV, JSON). Pure: no Qt, no database, no services."""
