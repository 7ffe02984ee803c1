"""Plain data shared by every layer: dataclasses, enums and typed errors."""
