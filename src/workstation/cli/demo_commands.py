"""`workstation demo` and `workstation gui`."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from workstation.cli.common import progress_bar, settings_from_args
from workstation.domain.errors import WorkstationError
from workstation.settings import Settings

log = logging.getLogger(__name__)

#: Qt platforms that draw windows nobody can see (tests, screenshots): a window
#: opened on one would wait for a person who cannot reach it.
INVISIBLE_PLATFORMS = ("offscreen", "minimal")


def invisible_platform(setting: str) -> str | None:
    """The platform a ``QT_QPA_PLATFORM`` setting names, when it shows no window.

    >>> invisible_platform("offscreen:fontengine=freetype")
    'offscreen'
    >>> invisible_platform("xcb") is None
    True
    """
    platform = setting.split(":", 1)[0].strip()
    return platform if platform in INVISIBLE_PLATFORMS else None


def cmd_demo(args) -> int:
    from workstation.services.demo import run_demo

    settings = settings_from_args(args)
    if args.workspace is None:
        settings = Settings.from_environment(
            workspace_dir=Path("demo-workspace").resolve(), user_name=args.user
        )
    with progress_bar("demo") as update:
        result = run_demo(
            settings,
            output=Path(args.output).resolve() if args.output else None,
            lang=args.lang,
            progress=update,
        )
    print(f"Demo case {result.case_number} built in {result.workspace}")
    print(f"  rows imported: {result.imported_rows}, faces found: {result.faces_found}")
    print(
        f"  best face candidate for the suspect photo: {result.top_candidate} "
        f"(cosine {result.top_score:.2f}; a lead to check, not an identification)"
    )
    print(f"  case brief: {result.brief}")
    if args.no_gui:
        return 0
    from workstation.ui.app import display_available

    if not display_available():
        print("No display found: the main window is not opened (the brief is written).")
        return 0
    platform = invisible_platform(os.environ.get("QT_QPA_PLATFORM", ""))
    if platform is not None:
        log.info("QT_QPA_PLATFORM=%s shows no window; not opening it", platform)
        print(
            f"No display found (QT_QPA_PLATFORM={platform} shows no window): the "
            "main window is not opened (the brief is written)."
        )
        return 0
    from workstation.ui.app import check_window_libraries, run_gui

    try:
        check_window_libraries()
    except WorkstationError as exc:
        # the demo's job (the brief) is done; say why the window stays closed
        print(str(exc))
        return 0
    return run_gui(settings, result.case_number)


def cmd_gui(args) -> int:
    from workstation.ui.app import display_available, run_gui

    if not display_available():
        raise WorkstationError("No display found; the window cannot open here.")
    return run_gui(settings_from_args(args), args.case)


def register(commands) -> None:
    demo = commands.add_parser("demo", help="build the demo case, write its brief")
    demo.add_argument("--no-gui", action="store_true", help="do not open the window")
    demo.add_argument("-o", "--output", help="where to write the PDF brief")
    demo.add_argument("--lang", choices=("zh", "en"), default="zh")
    demo.set_defaults(func=cmd_demo)

    gui = commands.add_parser("gui", help="open the main window")
    gui.add_argument("case", nargs="?", help="case number to open")
    gui.set_defaults(func=cmd_gui)
