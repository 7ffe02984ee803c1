"""Use cases shared by the CLI and the UI; each takes plain arguments."""
