"""The commands do what "My data" and the coordinator's confirmation do."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command

from lms.models import ErasureRecord, Reflection

pytestmark = pytest.mark.django_db


def test_export_user_data_writes_her_zip(traced, tmp_path):
    out = tmp_path / "amina.zip"
    stdout = io.StringIO()
    call_command("export_user_data", "amina", "--out", str(out), stdout=stdout)
    archive = zipfile.ZipFile(out)
    assert traced.mine["reflection"] in archive.read("data.json").decode()
    assert traced.theirs["reflection"] not in archive.read("data.json").decode()
    assert "reflections: 1" in stdout.getvalue()


def test_export_user_data_never_overwrites_and_names_an_unknown_user(traced, tmp_path):
    out = tmp_path / "taken.zip"
    out.write_bytes(b"keep me")
    with pytest.raises(CommandError, match="exists already"):
        call_command("export_user_data", "amina", "--out", str(out))
    assert out.read_bytes() == b"keep me"
    with pytest.raises(CommandError, match="No user named 'nobody'"):
        call_command("export_user_data", "nobody", "--out", str(tmp_path / "x.zip"))


def test_erase_user_needs_confirm(traced):
    with pytest.raises(CommandError, match="--confirm"):
        call_command("erase_user", "amina")
    assert Reflection.objects.filter(author=traced.amina).exists()


def test_erase_user_erases_and_records_it(traced, django_capture_on_commit_callbacks):
    stdout = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("erase_user", "amina", "--confirm", stdout=stdout)
    assert not Reflection.objects.filter(author=traced.amina).exists()
    assert "files removed: 3" in stdout.getvalue()
    assert ErasureRecord.objects.get().counts["reflections"] == 1
