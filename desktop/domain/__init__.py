"""Pure rules of Lotline: stdlib and biip only, no I/O (identifiers, dates, permissions)."""
