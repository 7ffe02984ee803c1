"""Chinese renders with the shipped font, also where the system has no CJK font."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtGui import QFont, QFontMetrics

from workstation.ui.fonts import install_cjk_fallback, load_cjk_font

TITLE = "测试案件：电话网络"

# Draws two different Chinese characters with the application font; with no
# font for them both come out as the same empty box.
_RENDER = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    if sys.argv[1] == "install":
        from workstation.ui.fonts import install_cjk_fallback
        install_cjk_fallback(app)

    def render(text):
        image = QImage(64, 32, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setFont(app.font())
        painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        return image

    print("distinct" if render("测") != render("试") else "same")
    """
)


def test_shipped_font_has_the_glyphs(qapp):
    family = load_cjk_font()
    metrics = QFontMetrics(QFont(family))

    assert family == "WenQuanYi Micro Hei"
    assert all(metrics.inFontUcs4(ord(ch)) for ch in TITLE)
    assert install_cjk_fallback(qapp) == family
    assert qapp.font().families()[-1] == family


@pytest.mark.parametrize(
    ("mode", "expected"), [("plain", "same"), ("install", "distinct")]
)
def test_fallback_draws_chinese_without_system_fonts(tmp_path, mode, expected):
    """A fontconfig that knows no system font stands in for a bare machine."""
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = dict(os.environ, FONTCONFIG_FILE=str(config), QT_QPA_PLATFORM="offscreen")

    result = subprocess.run(
        [sys.executable, "-c", _RENDER, mode],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == expected
