"""H5P in the learning engine.

``lms.h5p.packages`` checks an uploaded ``.h5p`` package offline and stores
its files through Django's storage API, once per distinct package. It holds no
models and imports nothing else from ``lms``, so models, views, the admin and
the player can be built on top of it.
"""
