"""The cohort overview as the page shows it: coloured symbols for the eye,
words for screen readers, on top of the numbers in lms.reports."""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from lms.choices import AttendanceStatus, SubmissionStatus
from lms.reports import homework_label

ATTENDANCE_SYMBOLS = {
    AttendanceStatus.PRESENT: "●",
    AttendanceStatus.EXCUSED: "◐",
    AttendanceStatus.ABSENT: "○",
}


HOMEWORK_STATES = {
    SubmissionStatus.APPROVED: ("★", "approved"),
    SubmissionStatus.SUBMITTED: ("⧗", "waiting"),
    SubmissionStatus.NEEDS_REVISION: ("↺", "revision"),
    "": ("–", "missing"),
}


def cell_display(attendance, counts, reviewed, reflected):
    """Coloured symbols for the eye, words for screen readers."""
    symbols, words = [], []
    if attendance:
        symbols.append(
            format_html(
                '<b class="mark--{}">{}</b>', attendance, ATTENDANCE_SYMBOLS[attendance]
            )
        )
        words.append(str(AttendanceStatus(attendance).label))
    elif not counts:
        words.append(_("Joined later"))
    if reviewed:
        symbols.append(format_html('<b class="mark--{}">{}</b>', "reviewed", "✓"))
        words.append(_("Reviewed at home"))
    if reflected:
        symbols.append(format_html('<b class="mark--{}">{}</b>', "reflected", "✎"))
        words.append(_("Reflection written"))
    return format_html_join("", "{}", ((symbol,) for symbol in symbols)), ", ".join(
        words
    )


def homework_display(status):
    symbol, css = HOMEWORK_STATES[status]
    return (
        format_html('<b class="mark--hw-{}">{}</b>', css, symbol),
        homework_label(status),
    )


def add_displays(rows):
    """Set each cell's (symbols, words); the same few combinations recur, so
    each is built once."""
    displays = {}
    homework = {status: homework_display(status) for status in HOMEWORK_STATES}
    for row in rows:
        for cell in row.cells:
            key = (cell.attendance, cell.counts, cell.reviewed, cell.reflected)
            if key not in displays:
                displays[key] = cell_display(*key)
            cell.display = displays[key]
        for cell in row.homework:
            cell.display = homework[cell.status]
