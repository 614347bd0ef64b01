"""Interpreting a dashboard reading: its band, where it stands among others, and what to work on first."""
