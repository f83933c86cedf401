"""Keep the role groups and their model permissions in place after migrate."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions

from lms.permissions import ROLE_PERMISSIONS


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
