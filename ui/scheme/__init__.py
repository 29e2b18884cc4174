"""The coordinator's regional scheme: the pool of peer challengers and the reviews they serve on."""
