"""What the charts show, as plain data: pure functions over the stored day (no Qt)."""
