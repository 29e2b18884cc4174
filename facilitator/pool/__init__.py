"""The regional pool of peer challengers: who they are, what they may do, where they served."""
