"""Cells a spreadsheet would run as formulas, made inert before they are exported.

Excel, LibreOffice and Google Sheets read a cell that starts with ``=``, ``+``,
``-`` or ``@`` as a formula, and some skip a leading tab or carriage return
first; ``=cmd|' /C calc'!A0`` in a name imported from a suspect's phone book
would run a program on the machine of whoever opens the export. Every cell
the workstation writes to a CSV file goes through :func:`escape_cell`, which
puts an apostrophe in front of such a cell (OWASP's advice for CSV
injection): the spreadsheet shows the text and runs nothing. A cell that
already starts with an apostrophe gets one more, so removing one leading
apostrophe gives back every value exactly (the edge-list import does that).

>>> escape_cell("=HYPERLINK(\\"http://x\\")")
'\\'=HYPERLINK("http://x")'
>>> escape_cell("+8613800138000"), escape_cell("王伟"), escape_cell("12.5")
("'+8613800138000", '王伟', '12.5')
>>> escape_cell("'quoted")
"''quoted"
"""

from __future__ import annotations

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: What is put in front of such a cell.
ESCAPE = "'"


def escape_cell(value: object) -> str:
    """The cell's text, with an apostrophe in front when it could run as a formula.

    Args:
        value: Any value; it is written as ``str(value)``.
    """
    text = str(value)
    if text.startswith((*FORMULA_STARTS, ESCAPE)):
        return ESCAPE + text
    return text
