"""H5P in the learning engine.

- ``lms.h5p.packages`` checks an uploaded ``.h5p`` package offline and stores
  its files through Django's storage API, once per distinct package (no
  models; nothing else from ``lms``).
- ``lms.h5p.activities`` turns an upload into an ``H5PActivity`` (the admin,
  the ``import_h5p`` command and a lecturer's material all go through it) and
  finds the exercises a curriculum places.
- ``lms.h5p.player`` is how a stored package is played safely: the sandboxed
  player page, capability addresses for its files, their headers.
- ``lms.h5p.xapi`` checks and stores the statements the player sends, builds
  attempts, counts results by grading method (``best_results``) and keeps
  the player's saved state.
- ``lms.h5p.finders`` serves the h5p-standalone player (from npm) as static
  files.
"""
