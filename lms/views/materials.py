"""Material for a session: the lecturer's (or coordinator's) page to upload
files and add links, removing them, the permission-checked file view, and a
coordinator copying a session's material to another cohort.

Logic lives in :mod:`lms.materials`; who may do what in
:mod:`lms.permissions`. A session's material page exists only for its
lecturers and the cohort's coordinators: anyone else gets 404, as if there
were nothing there.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lms import files, permissions
from lms import materials as service
from lms.choices import MaterialKind, MaterialVisibility
from lms.models import Material, Session
from lms.ui.materials import material_row

ACCEPT_FILES = ",".join(
    sorted({f".{t.extension}" for t in files.MATERIAL} | {".jpeg", ".mp3", ".h5p"})
    + sorted({t.content_type for t in files.MATERIAL})
)


def _session_for(user, pk) -> Session:
    """A session whose material `user` may manage, else 404."""
    session = get_object_or_404(
        Session.objects.select_related("cohort", "cohort__chapter", "module"), pk=pk
    )
    if not permissions.user_can_add_material(user, session):
        raise Http404
    return session


def _rows(user, session, can_manage: bool) -> list[dict]:
    return [
        {
            **material_row(material),
            "can_remove": can_manage or material.added_by_id == user.pk,
        }
        for material in service.session_materials(session)
    ]


def _default_values() -> dict:
    return {
        "kind": MaterialKind.FILE,
        "title": "",
        "description": "",
        "language": "",
        "visibility": MaterialVisibility.AFTER_SESSION,
        "url": "",
    }


def render_session_page(request, session, *, values=None, error=None, status=200):
    user = request.user
    can_manage = permissions.user_can_manage_cohort(user, session.cohort)
    context = {
        "session": session,
        "cohort": session.cohort,
        "rows": _rows(user, session, can_manage),
        "can_copy": can_manage and service.copy_targets(user, session).exists(),
        "values": {**_default_values(), **(values or {})},
        "error": error,
        "languages": settings.LANGUAGES,
        "visibilities": MaterialVisibility.choices,
        "accept_files": ACCEPT_FILES,
        "max_size": files.human_size(service.max_bytes()),
        "title_max": service.TITLE_MAX_CHARS,
        "description_max": service.DESCRIPTION_MAX_CHARS,
        "url_max": service.URL_MAX_CHARS,
    }
    return render(request, "lms/materials/session.html", context, status=status)


@require_GET
@never_cache
@login_required
def session_materials(request, pk):
    session = _session_for(request.user, pk)
    return render_session_page(request, session)


@require_POST
@login_required
def add_material(request, pk):
    session = _session_for(request.user, pk)
    post = request.POST
    values = {
        name: post.get(name, "")
        for name in ("kind", "title", "description", "language", "visibility", "url")
    }
    common = {
        "session": session,
        "title": values["title"],
        "description": values["description"],
        "language": values["language"],
        "visibility": values["visibility"],
        "by": request.user,
    }
    try:
        if values["kind"] == MaterialKind.LINK:
            material = service.add_link(url=values["url"], **common)
        elif values["kind"] == MaterialKind.FILE:
            material = service.add_file(upload=request.FILES.get("file"), **common)
        elif values["kind"] == MaterialKind.H5P:
            material = service.add_h5p(upload=request.FILES.get("file"), **common)
        else:
            raise service.MaterialError(_("Please choose a file or a link."))
    except service.MaterialError as error:
        return render_session_page(
            request, session, values=values, error=error.message, status=400
        )
    messages.success(request, _("“%(title)s” is added.") % {"title": material.title})
    return redirect(reverse("lms:session_materials", kwargs={"pk": session.pk}))


@require_POST
@login_required
def remove_material(request, pk):
    material = get_object_or_404(
        Material.objects.select_related("session", "session__cohort"), pk=pk
    )
    session = material.session
    if not permissions.user_can_add_material(request.user, session):
        raise Http404
    if not permissions.user_can_remove_material(request.user, material):
        raise PermissionDenied
    title = material.title
    service.remove(material=material)
    messages.success(request, _("“%(title)s” is removed.") % {"title": title})
    return redirect(reverse("lms:session_materials", kwargs={"pk": session.pk}))


@require_GET
@login_required
def material_file(request, pk):
    """A material's file, to those who may see it; 404 for everyone else."""
    material = Material.objects.filter(pk=pk, kind=MaterialKind.FILE).first()
    if (
        material is None
        or not material.file
        or not permissions.user_can_view_material(request.user, material)
    ):
        raise Http404
    return files.private_file_response(
        material.file,
        content_type=material.content_type,
        filename=material.file_name or material.title,
    )


@require_http_methods(["GET", "POST"])
@never_cache
@login_required
def copy_materials(request, pk):
    """A coordinator copies a session's material to the same module in
    another cohort she manages."""
    session = get_object_or_404(
        Session.objects.select_related("cohort", "cohort__chapter", "module"), pk=pk
    )
    if not permissions.user_can_manage_cohort(request.user, session.cohort):
        raise Http404
    targets = list(service.copy_targets(request.user, session))
    originals = list(service.session_materials(session))
    error = None
    chosen_target = None
    chosen = {m.pk for m in originals}
    if request.method == "POST":
        try:
            target_pk = int(request.POST.get("target") or 0)
        except ValueError:
            target_pk = 0
        chosen_target = next((t for t in targets if t.pk == target_pk), None)
        chosen = set()
        for value in request.POST.getlist("materials"):
            if value.isdigit():
                chosen.add(int(value))
        chosen &= {m.pk for m in originals}
        if chosen_target is None:
            error = _("Please choose a session of this module in one of your cohorts.")
        elif not chosen:
            error = _("Please choose at least one material to copy.")
        else:
            try:
                copies = service.copy_materials(
                    from_session=session,
                    to_session=chosen_target,
                    by=request.user,
                    materials=sorted(chosen),
                )
            except service.MaterialError as refused:
                error = refused.message
            else:
                if copies:
                    message = ngettext(
                        "%(count)s material copied to %(cohort)s.",
                        "%(count)s materials copied to %(cohort)s.",
                        len(copies),
                    ) % {"count": len(copies), "cohort": chosen_target.cohort}
                else:
                    message = _("%(cohort)s has this material already.") % {
                        "cohort": chosen_target.cohort
                    }
                messages.success(request, message)
                return redirect(
                    reverse("lms:session_materials", kwargs={"pk": chosen_target.pk})
                )
    return render(
        request,
        "lms/materials/copy.html",
        {
            "session": session,
            "cohort": session.cohort,
            "targets": targets,
            "originals": originals,
            "chosen": chosen,
            "chosen_target": chosen_target,
            "error": error,
        },
        status=400 if error else 200,
    )


urlpatterns = [
    path(
        "lecturer/sessions/<int:pk>/materials/",
        session_materials,
        name="session_materials",
    ),
    path(
        "lecturer/sessions/<int:pk>/materials/add/",
        add_material,
        name="add_material",
    ),
    path(
        "lecturer/sessions/<int:pk>/materials/copy/",
        copy_materials,
        name="copy_materials",
    ),
    path(
        "lecturer/materials/<int:pk>/remove/",
        remove_material,
        name="remove_material",
    ),
    path("materials/<int:pk>/file/", material_file, name="material_file"),
]
