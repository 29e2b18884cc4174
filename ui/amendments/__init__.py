"""Taking a director's returned copy in: what changed, and what to do with it."""
