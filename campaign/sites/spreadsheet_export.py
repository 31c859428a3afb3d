"""Exports of what visitors typed, safe to open in a spreadsheet.

A cell that begins with = + - @ (or a tab or carriage return) is a formula to
Excel and LibreOffice: a visitor could put `=HYPERLINK(…)` in a form, and the
office that opens the export would run it (CSV injection). Wagtail's xlsx
export keeps such cells text; its CSV export does not, so each such cell gets
a leading apostrophe there, which spreadsheets show as text.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """Put first among an admin IndexView's bases."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return as_text_cell(value)
        return value
