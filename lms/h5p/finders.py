"""The H5P player as static files.

``h5p-standalone`` comes from the npm registry (``package.json``, installed
with ``npm ci --ignore-scripts``) and is never copied into the repository.
This finder serves its ``dist/`` folder under ``static/h5p-standalone/``;
a host site adds it to ``STATICFILES_FINDERS``::

    "lms.h5p.finders.PlayerFinder",

``collectstatic`` then collects it like any other static file. The folder is
``<BASE_DIR>/node_modules/h5p-standalone/dist`` (the current directory when
the settings have no ``BASE_DIR``). ``manage.py check`` warns when it is
missing.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import FileSystemFinder
from django.core.checks import Warning as CheckWarning
from django.core.files.storage import FileSystemStorage

from lms.h5p.player import STATIC_PREFIX


def player_dist() -> Path:
    """Where npm put the player's built files."""
    base = Path(getattr(settings, "BASE_DIR", None) or Path.cwd())
    return base / "node_modules" / "h5p-standalone" / "dist"


class PlayerFinder(FileSystemFinder):
    """Finds ``h5p-standalone/...`` in the npm package's ``dist/``."""

    def __init__(self, app_names=None, *args, **kwargs):
        # Not FileSystemFinder.__init__: that one reads STATICFILES_DIRS.
        root = str(player_dist())
        self.locations = [(STATIC_PREFIX, root)]
        storage = FileSystemStorage(location=root)
        storage.prefix = STATIC_PREFIX
        self.storages = {root: storage}

    def check(self, **kwargs):
        if (player_dist() / "main.bundle.js").is_file():
            return []
        return [
            CheckWarning(
                "The H5P player (h5p-standalone) is not installed, so "
                "interactive exercises cannot be played.",
                hint="Run `npm ci --ignore-scripts` where package.json is.",
                id="lms.W001",
            )
        ]

    def list(self, ignore_patterns):
        if not Path(self.locations[0][1]).is_dir():
            return []
        return super().list(ignore_patterns)
