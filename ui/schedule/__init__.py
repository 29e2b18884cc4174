"""Importing a cycle's schedule in the app: all of it, or nothing and the reasons."""
