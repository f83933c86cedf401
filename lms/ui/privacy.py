"""What the privacy pages show: "My data" (what the programme keeps about
her, her copies, her erasure request), the staff's page of one person's data,
the open erasure requests of the people in a coordinator's reach, and the
link to them on the dashboard.

Each in a fixed number of queries: one answer per part of the registry
(lms.privacy), however many records she has, and one list however many
copies or requests there are.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from lms import files, permissions, privacy
from lms.models import DataExport, Enrollment, ErasureRequest

# A copy still not made after this long was lost on the way (a worker that
# stopped): she is told, and may ask for a new one.
PREPARING_PATIENCE = datetime.timedelta(minutes=30)
# Copies listed on a page, newest first (expired ones are purged anyway).
COPIES_SHOWN = 20

PREPARING = "preparing"
READY = "ready"
EXPIRED = "expired"
FAILED = "failed"
STALLED = "stalled"


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


# --- what is kept ------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """One part of the registry, as she reads it, with how many records of
    the person it holds."""

    key: str
    title: str
    what: str
    seen_by: str
    kept: str
    count: int


def inventory(person) -> list[Part]:
    """Every part of the registry with the number of `person`'s records:
    one answer per part, whatever she has done."""
    return [
        Part(
            key=provider.key,
            title=provider.title,
            what=provider.what,
            seen_by=provider.seen_by,
            kept=provider.kept,
            count=provider.record_count(person),
        )
        for provider in privacy.providers()
    ]


# --- copies ------------------------------------------------------------------------


@dataclass
class Copy:
    """One copy of someone's data and where it stands."""

    export: DataExport
    state: str
    download_url: str | None
    size: str
    # Made by staff for her (a request she made in person or in writing).
    by_staff: bool

    @property
    def is_ready(self) -> bool:
        return self.state == READY

    @property
    def is_preparing(self) -> bool:
        return self.state == PREPARING


def copy_state(export, now=None) -> str:
    now = now or timezone.now()
    if export.failed:
        return FAILED
    if export.ready_at is None:
        if export.requested_at and export.requested_at < now - PREPARING_PATIENCE:
            return STALLED
        return PREPARING
    if not export.file or (export.expires_at and export.expires_at <= now):
        return EXPIRED
    return READY


def _copy(export, now) -> Copy:
    state = copy_state(export, now)
    return Copy(
        export=export,
        state=state,
        download_url=(
            reverse("lms:download_export", kwargs={"export_id": export.pk})
            if state == READY
            else None
        ),
        size=files.human_size(export.size) if export.size else "",
        by_staff=export.requested_by_id not in (None, export.user_id),
    )


def copies(queryset, now=None) -> list[Copy]:
    now = now or timezone.now()
    return [
        _copy(export, now)
        for export in queryset.order_by("-requested_at", "-pk")[:COPIES_SHOWN]
    ]


def copy_under_way(person, by, now=None) -> DataExport | None:
    """A copy of `person`'s data that `by` asked for and that is still being
    made: asking again meanwhile would only make the same zip twice."""
    now = now or timezone.now()
    return (
        DataExport.objects.filter(
            user=person,
            requested_by=by,
            ready_at__isnull=True,
            failed=False,
            requested_at__gte=now - PREPARING_PATIENCE,
        )
        .order_by("-requested_at")
        .first()
    )


def downloadable_export(user, export_id) -> tuple[DataExport | None, str]:
    """(the copy, its state) if `user` may download it, else (None, "")."""
    export = DataExport.objects.select_related("user").filter(pk=export_id).first()
    if export is None or not permissions.user_can_download_export(user, export):
        return None, ""
    return export, copy_state(export)


# --- erasure -----------------------------------------------------------------------


def open_erasure(person) -> ErasureRequest | None:
    return ErasureRequest.objects.filter(
        user=person, confirmed_at__isnull=True, cancelled_at__isnull=True
    ).first()


# --- her page ----------------------------------------------------------------------


def my_data(user, *, now=None) -> dict:
    """Her "My data" page: what is kept, her copies, her erasure."""
    now = now or timezone.now()
    parts = inventory(user)
    mine = copies(DataExport.objects.filter(user=user), now)
    latest = mine[0] if mine else None
    return {
        "parts": parts,
        "latest": latest,
        "earlier": mine[1:],
        # A copy under way is shown as such; the button comes back once it
        # is made, failed or was lost.
        "may_request_copy": latest is None or not latest.is_preparing,
        "erasure": open_erasure(user),
        "may_ask_erasure": permissions.user_can_ask_erasure(user),
        "has_diplomas": any(p.key == "diplomas" and p.count for p in parts),
    }


# --- the staff's pages -------------------------------------------------------------


def person_data(staff, person, *, now=None) -> dict:
    """One person's data for the staff who handle it: what is kept, the
    copies this staff member made for her, her waiting erasure request."""
    now = now or timezone.now()
    made = copies(DataExport.objects.filter(user=person, requested_by=staff), now)
    erasure = open_erasure(person)
    return {
        "person": person,
        "name": _name(person),
        "parts": inventory(person),
        "latest": made[0] if made else None,
        "earlier": made[1:],
        "may_request_copy": not made or not made[0].is_preparing,
        "erasure": erasure,
        "may_confirm": erasure is not None
        and permissions.user_can_confirm_erasure(staff, erasure),
    }


@dataclass
class RequestRow:
    request: ErasureRequest
    name: str
    username: str
    groups: list  # "group (chapter)" of hers the staff member runs
    url: str


def erasure_requests(user) -> list[RequestRow]:
    """Waiting erasure requests of the people `user` handles, oldest first."""
    reach = Enrollment.objects.filter(
        cohort__in=permissions.managed_cohorts(user)
    ).select_related("cohort__chapter")
    waiting = (
        ErasureRequest.objects.filter(
            user__in=permissions.people_in_reach(user),
            confirmed_at__isnull=True,
            cancelled_at__isnull=True,
        )
        .select_related("user")
        .prefetch_related(
            Prefetch("user__enrollments", queryset=reach, to_attr="in_reach")
        )
        .order_by("requested_at", "pk")
    )
    return [
        RequestRow(
            request=request,
            name=_name(request.user),
            username=request.user.get_username(),
            groups=[
                f"{e.cohort.name} ({e.cohort.chapter.name})"
                for e in request.user.in_reach
            ],
            url=reverse("lms:person_data", kwargs={"user_id": request.user_id}),
        )
        for request in waiting
    ]


def dashboard_link(user, staff_cohorts) -> dict | None:
    """The link to the erasure requests on a coordinator's dashboard, with
    how many wait; None (and no query) for anyone who runs no cohort."""
    if not (
        getattr(user, "is_superuser", False)
        or any(c.is_coordinator for c in staff_cohorts)
    ):
        return None
    waiting = ErasureRequest.objects.filter(
        user__in=permissions.people_in_reach(user),
        confirmed_at__isnull=True,
        cancelled_at__isnull=True,
    ).count()
    return {"url": reverse("lms:erasure_requests"), "waiting": waiting}
