"""Where files only permission-checked views may hand out are kept."""

from django.core.files.storage import storages


def private_storage():
    """Storage for files only permission-checked views may hand out."""
    return storages["lms_private"]
