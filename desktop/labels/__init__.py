"""Label templates rendered to ZPL, PDF and PNG, and verified by decoding (no Qt, no database)."""
