"""Forms of the engine's own pages (outside the Wagtail admin, whose forms
are in lms.admin.forms)."""

from django import forms

from lms.choices import AttendanceStatus


class AttendanceMarkForm(forms.Form):
    """One trainee's attendance, as posted by the register's script."""

    enrollment = forms.IntegerField()
    status = forms.ChoiceField(choices=AttendanceStatus.choices)
