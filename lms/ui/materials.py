"""Lecturers' material as lists show it."""

from lms import materials as service
from lms.models import Material


def material_row(material: Material) -> dict:
    """What a list shows of one material (lms/materials/_item.html)."""
    return {
        "material": material,
        "kind": service.kind_of(material),
        "icon": service.icon_of(material),
        "facts": service.type_label(material),
        "language": service.language_name(material.language),
        "url": service.open_url(material),
    }
