"""The record of a day: what its session notes, day summary and cycle report say."""
