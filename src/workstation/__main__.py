"""Allow ``python -m workstation``."""

from workstation.cli.main import main

raise SystemExit(main())
