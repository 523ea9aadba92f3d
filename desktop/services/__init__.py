"""Use cases: one public function is one transaction, permission-checked and audited."""
