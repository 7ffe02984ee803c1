"""Allow ``python -m workstation``."""

from workstation.cli import main

raise SystemExit(main())
