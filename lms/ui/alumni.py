"""What the alumni pages show: her section of the dashboard, the apply box on
a track's course page, her applications, and the coordinator's applications
page. Each in a fixed number of queries, however many tracks, diplomas and
applications there are."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.views import redirect_to_login
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import translation

from lms import alumni, curriculum, permissions
from lms.choices import ApplicationStatus, EnrollmentStatus
from lms.models import Cohort
from lms.permissions import alumni as alumni_rules


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def _pages(keys, language):
    """{key as text: Page}: pages_in_language keys its answer by the pages'
    UUIDs, and every caller here looks up by the text form."""
    keys = {str(k) for k in keys if k}
    if not keys:
        return {}
    pages = curriculum.pages_in_language(keys, language)
    return {str(key): page for key, page in pages.items()}


def _url(page, request):
    return page.get_url(request=request) if page is not None else None


# --- her dashboard -----------------------------------------------------------------


@dataclass
class DiplomaRow:
    diploma: object
    title: str
    is_certificate: bool
    verify_url: str
    pdf_url: str | None


@dataclass
class TrackRow:
    standing: alumni.TrackStanding
    title: str
    url: str | None
    apply_url: str


@dataclass
class AlumnaSection:
    is_alumna: bool
    diplomas: list
    revoked: list
    completed: list  # (title, url, enrollment)
    open_tracks: list
    closed_tracks: list
    applications: list = field(default_factory=list)


def _diploma_row(diploma) -> DiplomaRow:
    claims = diploma.claims or {}
    return DiplomaRow(
        diploma=diploma,
        title=claims.get("programme_translated") or diploma.course_title,
        is_certificate=diploma.is_certificate,
        verify_url=reverse("lms:verify_diploma", kwargs={"code": diploma.code}),
        pdf_url=(
            reverse("lms:diploma_pdf", kwargs={"diploma_id": diploma.pk})
            if diploma.pdf
            else None
        ),
    )


def _track_row(standing, pages, request) -> TrackRow:
    page = pages.get(standing.track.key)
    return TrackRow(
        standing=standing,
        title=page.title if page is not None else standing.title,
        url=_url(page, request),
        apply_url=reverse("lms:apply_track", kwargs={"course_id": standing.track.pk}),
    )


def alumna_section(user, *, language=None, request=None) -> AlumnaSection | None:
    """Her diplomas, completed courses and the tracks open and closed to her;
    None for someone who has no diploma and has never applied."""
    language = language or translation.get_language()
    mine = alumni.standing(user, language)
    if not (mine.diplomas or mine.revoked or mine.applications):
        return None
    keys = {t.track.key for t in mine.tracks}
    keys |= {str(e.cohort.course.translation_key) for e in mine.completed}
    pages = _pages(keys, language)
    rows = [_track_row(t, pages, request) for t in mine.tracks]
    completed = []
    for enrollment in mine.completed:
        page = pages.get(str(enrollment.cohort.course.translation_key))
        title = page.title if page is not None else enrollment.cohort.course.title
        completed.append((title, _url(page, request), enrollment))
    return AlumnaSection(
        is_alumna=mine.is_alumna,
        diplomas=[_diploma_row(d) for d in mine.diplomas],
        revoked=[_diploma_row(d) for d in mine.revoked],
        completed=completed,
        open_tracks=[r for r in rows if r.standing.open],
        closed_tracks=[r for r in rows if not r.standing.open],
        applications=mine.applications,
    )


def dashboard_section(user, dashboard, *, request=None) -> AlumnaSection | None:
    """Her alumna section, read only for someone who has completed a course
    (a diploma marks its enrollment completed): a trainee's dashboard costs
    no query more. `dashboard` is lms.ui.dashboard.dashboard's answer."""
    if not any(
        entry.enrollment.status == EnrollmentStatus.COMPLETED
        for entry in dashboard.cohorts
    ):
        return None
    return alumna_section(user, request=request)


# --- the apply box on a track's course page ----------------------------------------


def course_page_box(request, page) -> dict | None:
    """The apply button, or why she cannot apply, for the track `page`; None
    for a course that is not a track."""
    track = alumni.track_of(page)
    if track is None:
        return None
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        login = redirect_to_login(page.get_url(request=request) or "/")
        return {"signed_out": True, "login_url": login["Location"]}
    mine = alumni.standing(user, translation.get_language()).of(track.key)
    return {
        "signed_out": False,
        "standing": mine,
        "may_apply": mine.open and alumni_rules.may_apply(user),
        "apply_url": reverse("lms:apply_track", kwargs={"course_id": track.pk}),
        "next": request.get_full_path(),
        "message_max": alumni.MESSAGE_MAX,
    }


# --- her applications --------------------------------------------------------------


def my_applications(user, *, language=None, request=None) -> list:
    """Her applications, newest first, each with the track's title and page
    in her language."""
    language = language or translation.get_language()
    applications = list(
        alumni_rules.own_applications(user)
        .select_related("course", "cohort__chapter")
        .order_by("-applied_at", "-pk")
    )
    pages = _pages([a.course.translation_key for a in applications], language)
    rows = []
    for application in applications:
        page = pages.get(str(application.course.translation_key))
        rows.append(
            {
                "application": application,
                "title": page.title if page is not None else application.course.title,
                "url": _url(page, request),
                "is_open": application.status in alumni_rules.OPEN,
            }
        )
    return rows


# --- the coordinator's applications page ------------------------------------------

# Decided applications shown under "Recently decided", newest first.
RECENT = 30


@dataclass
class ApplicationRow:
    application: object
    name: str
    chapters: list
    cohorts: list  # the cohorts she may be accepted into
    position: int | None = None  # on the waiting list


@dataclass
class CohortRow:
    cohort: object
    taken: int

    @property
    def free(self):
        if self.cohort.capacity is None:
            return None
        return max(0, self.cohort.capacity - self.taken)


@dataclass
class TrackSection:
    track: curriculum.Track
    title: str
    applied: list = field(default_factory=list)
    waiting: list = field(default_factory=list)
    cohorts: list = field(default_factory=list)


def applications_page(user, *, language=None) -> dict:
    """Per track: new applications, the waiting list in the order they
    applied, and her cohorts of the track with their free places."""
    language = language or translation.get_language()
    tracks = curriculum.tracks()
    titles = curriculum.titles_in_language({t.key for t in tracks}, language)
    visible = alumni_rules.applications_visible_to(user).select_related(
        "user", "course", "cohort__chapter", "decided_by"
    )
    undecided = list(
        visible.filter(status__in=alumni_rules.UNDECIDED).order_by("applied_at", "pk")
    )
    recent = list(
        visible.exclude(status__in=alumni_rules.UNDECIDED).order_by(
            "-decided_at", "-pk"
        )[:RECENT]
    )
    cohorts = list(
        Cohort.objects.filter(
            pk__in=permissions.managed_cohorts(user).values("pk"),
            course__translation_key__in=[t.key for t in tracks],
        )
        .select_related("chapter", "course")
        .annotate(
            taken=Count(
                "enrollments",
                filter=Q(enrollments__status__in=alumni.TAKING_A_PLACE),
            )
        )
        .order_by("-starts_on", "name")
    )
    chapters_of = alumni.applicants_chapter_ids([a.user_id for a in undecided])
    chapter_names = {c.chapter_id: c.chapter.name for c in cohorts}
    sections = {
        t.key: TrackSection(track=t, title=titles.get(t.key, t.title)) for t in tracks
    }
    for cohort in cohorts:
        section = sections.get(str(cohort.course.translation_key))
        if section is not None:
            section.cohorts.append(CohortRow(cohort=cohort, taken=cohort.taken))
    for application in undecided:
        section = sections.get(str(application.course.translation_key))
        if section is None:
            continue
        hers = chapters_of.get(application.user_id, set())
        row = ApplicationRow(
            application=application,
            name=_name(application.user),
            chapters=sorted(chapter_names[c] for c in hers if c in chapter_names),
            cohorts=[c for c in section.cohorts if c.cohort.chapter_id in hers],
        )
        if application.status == ApplicationStatus.WAITLISTED:
            row.position = len(section.waiting) + 1
            section.waiting.append(row)
        else:
            section.applied.append(row)
    return {
        "tracks": [s for s in sections.values() if s.applied or s.waiting or s.cohorts],
        "recent": [
            {
                "application": a,
                "name": _name(a.user),
                "title": titles.get(str(a.course.translation_key), a.course.title),
            }
            for a in recent
        ],
    }
