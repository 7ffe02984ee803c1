"""Case Workstation: an offline workstation for fusion-centre case analysis."""

__version__ = "0.1.0"
