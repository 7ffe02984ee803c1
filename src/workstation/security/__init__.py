"""Integrity and accountability: hashing, the audit chain."""
