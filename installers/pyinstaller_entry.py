"""Entry point frozen by PyInstaller: the same command line as ``workstation``."""

from workstation.cli.main import main

raise SystemExit(main())
