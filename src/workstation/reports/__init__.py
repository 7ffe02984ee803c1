"""PDF documents (the case brief), laid out with reportlab from plain content."""
