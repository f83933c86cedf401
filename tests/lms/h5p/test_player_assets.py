"""The h5p-standalone player comes from npm (package.json) and is served as
static files by lms.h5p.finders.PlayerFinder; a missing install is a
warning of `manage.py check`, never a crash."""

import json
from pathlib import Path

from django.contrib.staticfiles import finders

from lms.h5p import finders as h5p_finders
from lms.h5p.finders import PlayerFinder

ROOT = Path(__file__).resolve().parents[3]


def test_the_player_is_pinned_in_package_json_and_its_lock():
    package = json.loads((ROOT / "package.json").read_text())
    assert package["dependencies"]["h5p-standalone"].startswith("3.8.")
    lock = json.loads((ROOT / "package-lock.json").read_text())
    locked = lock["packages"]["node_modules/h5p-standalone"]
    assert locked["version"] == package["dependencies"]["h5p-standalone"]
    assert locked["integrity"].startswith("sha512-")


def test_the_players_files_are_static_files():
    for name in ("main.bundle.js", "frame.bundle.js", "styles/h5p.css"):
        found = finders.find(f"h5p-standalone/{name}")
        assert found, name
        assert "node_modules" in str(found)
    assert PlayerFinder().check() == []


def test_a_missing_player_is_a_warning(monkeypatch, tmp_path):
    monkeypatch.setattr(h5p_finders, "player_dist", lambda: tmp_path / "nothing")
    finder = PlayerFinder()
    (warning,) = finder.check()
    assert warning.id == "lms.W001"
    assert "npm ci --ignore-scripts" in warning.hint
    assert list(finder.list([])) == []
    assert finder.find("h5p-standalone/main.bundle.js") in (None, [])
