"""Keep the role groups and their model permissions in place after migrate."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

from lms.permissions import ROLE_COLLECTION_PERMISSIONS, ROLE_PERMISSIONS


def ensure_role_groups(sender, app_config=None, apps=None, using="default", **kwargs):
    if app_config is None or app_config.label != "lms":
        return
    apps = apps or global_apps  # flush (e.g. after live_server tests) sends None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    create_permissions(app_config, verbosity=0, using=using, apps=apps)
    for name, codenames in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        wanted = []
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            wanted.extend(
                Permission.objects.using(using).filter(
                    content_type__app_label=app_label, codename=codename
                )
            )
        group.permissions.add(*wanted)
    _ensure_collection_permissions(apps, using)


def _ensure_collection_permissions(apps, using):
    """The role groups' permissions on the root collection (pictures and
    sounds on quiz questions), once the image and document apps have theirs."""
    try:
        Collection = apps.get_model("wagtailcore", "Collection")
        GroupCollectionPermission = apps.get_model(
            "wagtailcore", "GroupCollectionPermission"
        )
    except LookupError:
        return
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for label in {
        d.split(".")[0] for v in ROLE_COLLECTION_PERMISSIONS.values() for d in v
    }:
        try:
            create_permissions(
                global_apps.get_app_config(label), verbosity=0, using=using, apps=apps
            )
        except LookupError:
            return
    root = Collection.objects.using(using).filter(depth=1).first()
    if root is None:
        return
    for name, codenames in ROLE_COLLECTION_PERMISSIONS.items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            for permission in Permission.objects.using(using).filter(
                content_type__app_label=app_label, codename=codename
            ):
                GroupCollectionPermission.objects.using(using).get_or_create(
                    group=group, collection=root, permission=permission
                )
