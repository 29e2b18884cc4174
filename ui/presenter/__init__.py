"""The presenter screen for the projector or a shared window: the countdown and the stage, never
any notes.
"""
