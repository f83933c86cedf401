"""The inventory of personal data: one section per feature, each registering
with :mod:`lms.privacy` what it keeps about a person and how to hand it to
her or erase it.

Erasure anonymises the account instead of deleting it: her enrolments,
attendance and scores stay as numbers in the group's statistics, tied to an
account that no longer has a name, an e-mail address or a password. Every
text she wrote, every file she sent or recorded, and every free text others
wrote about her (screening notes, feedback, reasons) is removed.

Sentences here are shown to the trainee: plain words, second person.
"""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session as DjangoSession
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lms import privacy
from lms.models import (
    Answer,
    Attendance,
    BriefingChange,
    BriefingNote,
    Chapter,
    CohortStaff,
    CompletionException,
    Diploma,
    Enrollment,
    H5PAttempt,
    H5PUserState,
    LecturerInvitation,
    Material,
    ModuleProgress,
    NotificationLog,
    Profile,
    Reflection,
    Review,
    Session,
    SignInLink,
    Sitting,
    Submission,
    SubmissionFile,
    SubmissionVersion,
    TrackApplication,
    XAPIStatement,
)
from lms.models.privacy import DataExport, ErasureRequest
from lms.privacy import rows, stored_files

User = get_user_model()

PRIVATE = _("Only you.")
SUPERVISOR = _("You, and the supervisors and coordinators of your group.")
COORDINATOR = _("You, and the coordinators of your chapter.")
STAFF = _("You, and the staff of your group (coordinators, supervisors).")
UNTIL_ERASED = _("Until your account is erased.")


def _mine(model, field="enrollment__user"):
    """How many `model` records are hers (through `field`): one COUNT."""

    def count(user):
        return model.objects.filter(**{field: user}).count()

    return count


# --- Account -----------------------------------------------------------------


def _account(user):
    profile = Profile.objects.filter(user=user).first()
    return [
        {
            "username": user.get_username(),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "date_joined": privacy.plain(user.date_joined),
            "last_login": privacy.plain(user.last_login),
            "groups": sorted(user.groups.values_list("name", flat=True)),
            "language": profile.language if profile else "",
            "phone": profile.phone if profile else "",
            "show_side_by_side": profile.show_side_by_side if profile else False,
        }
    ]


def _erase_account(user, erasure):
    from wagtail.users.models import UserProfile

    for wagtail_profile in UserProfile.objects.filter(user=user):
        erasure.remove_file(wagtail_profile.avatar)
        wagtail_profile.delete()
    Profile.objects.filter(user=user).update(phone="", show_side_by_side=False)
    if user.get_username().startswith("erased-"):
        return 0
    user.username = f"erased-{secrets.token_hex(8)}"
    user.first_name = user.last_name = user.email = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    return 1


privacy.register(
    key="account",
    count=lambda user: 1,
    order=1,
    title=_("Your account"),
    what=_(
        "Your user name, your name, your e-mail address and phone number if "
        "you gave them, your language and when you last signed in. We need "
        "them so you can sign in and your group can reach you."
    ),
    seen_by=COORDINATOR,
    kept=UNTIL_ERASED,
    models=("auth.User", "lms.Profile", "wagtailusers.UserProfile"),
    export=_account,
    erase=_erase_account,
)


def _erase_sign_in_links(user, erasure):
    return SignInLink.objects.filter(user=user).delete()[0]


privacy.register(
    key="sign_in_links",
    count=lambda user: SignInLink.objects.filter(user=user).count(),
    order=2,
    title=_("Sign-in links"),
    what=_(
        "The one-time links your coordinator made so you could sign in the "
        "first time: when they were made, when they expire and if they were "
        "used. The link itself is not kept, only a fingerprint of it."
    ),
    seen_by=COORDINATOR,
    kept=_("Until they expire, and a while after (see the retention rules)."),
    models=("lms.SignInLink",),
    export=lambda user: rows(
        SignInLink.objects.filter(user=user).order_by("created_at"),
        "created_at",
        "expires_at",
        "used_at",
    ),
    erase=_erase_sign_in_links,
)

# --- Groups and roles --------------------------------------------------------


def _enrollments(user):
    return rows(
        Enrollment.objects.filter(user=user)
        .select_related("cohort__chapter")
        .order_by("created_at"),
        "cohort.name",
        "cohort.chapter.name",
        "status",
        "enrolled_on",
        "screening_notes",
        "created_at",
    )


def _erase_enrollments(user, erasure):
    notes = (
        Enrollment.objects.filter(user=user)
        .exclude(screening_notes="")
        .update(screening_notes="")
    )
    roles = CohortStaff.objects.filter(user=user).delete()[0]
    for chapter in Chapter.objects.filter(coordinators=user):
        chapter.coordinators.remove(user)
        roles += 1
    return notes + roles


privacy.register(
    key="enrollments",
    count=lambda user: (
        Enrollment.objects.filter(user=user).count()
        + CohortStaff.objects.filter(user=user).count()
        + Chapter.objects.filter(coordinators=user).count()
    ),
    order=10,
    title=_("Your groups"),
    what=_(
        "Which groups you are or were in, since when, and your status there. "
        "If your coordinator wrote notes from your first meeting, they are "
        "here too. Staff roles you hold in a group are kept here as well."
    ),
    seen_by=COORDINATOR,
    kept=_(
        "Until your account is erased; then your place in the group is kept "
        "without your name, so the group's numbers stay right."
    ),
    models=("lms.Enrollment", "lms.CohortStaff", "lms.Chapter"),
    export=lambda user: (
        _enrollments(user)
        + rows(
            CohortStaff.objects.filter(user=user).select_related("cohort"),
            "cohort.name",
            "role",
        )
        + [
            {"coordinator_of_chapter": name}
            for name in Chapter.objects.filter(coordinators=user).values_list(
                "name", flat=True
            )
        ]
    ),
    erase=_erase_enrollments,
)


privacy.register(
    key="attendance",
    count=_mine(Attendance, "enrollment__user"),
    order=11,
    title=_("Attendance"),
    what=_(
        "Which evenings you came to, were excused from or missed. The "
        "programme counts it for your diploma."
    ),
    seen_by=STAFF,
    kept=_(
        "Until your account is erased; then it stays only as a number in the "
        "group's statistics, without your name."
    ),
    models=("lms.Attendance",),
    export=lambda user: rows(
        Attendance.objects.filter(enrollment__user=user)
        .select_related("session__cohort", "session__module")
        .order_by("session__starts_at"),
        "session.cohort.name",
        "session.module.title",
        "session.starts_at",
        "status",
        "recorded_at",
    ),
    # The rows stay, tied to the anonymised account (see the module's doc).
    erase=lambda user, erasure: 0,
)


def _erase_progress(user, erasure):
    return ModuleProgress.objects.filter(enrollment__user=user).delete()[0]


privacy.register(
    key="progress",
    count=_mine(ModuleProgress, "enrollment__user"),
    order=12,
    title=_("Modules you have read"),
    what=_(
        "When you first opened each module, when you last read it and when "
        "you marked it as reviewed, so you and your group see how far you are."
    ),
    seen_by=STAFF,
    kept=UNTIL_ERASED,
    models=("lms.ModuleProgress",),
    export=lambda user: rows(
        ModuleProgress.objects.filter(enrollment__user=user).order_by("opened_at"),
        "module_key",
        "opened_at",
        "last_seen_at",
        "reviewed_at",
    ),
    erase=_erase_progress,
)

# --- Reflections -------------------------------------------------------------


def _erase_reflections(user, erasure):
    mine = Reflection.objects.filter(author=user)
    for reflection in mine.exclude(audio=""):
        erasure.remove_file(reflection.audio)
    return mine.delete()[0]


privacy.register(
    key="reflections",
    count=_mine(Reflection, "author"),
    order=20,
    title=_("Your reflections"),
    what=_(
        "What you wrote or recorded about the modules' questions. They are "
        "yours: nobody else reads them unless you share one."
    ),
    seen_by=_("Only you; a reflection you share is read by your group's supervisors."),
    kept=_("Until you delete them or your account is erased."),
    models=("lms.Reflection",),
    export=lambda user: rows(
        Reflection.objects.filter(author=user).order_by("created_at"),
        "module_key",
        "prompt_text",
        "text",
        "audio",
        "shared_at",
        "created_at",
        "updated_at",
    ),
    files=lambda user: stored_files(
        Reflection.objects.filter(author=user), "audio", "recordings"
    ),
    erase=_erase_reflections,
)

# --- Homework ----------------------------------------------------------------


def _homework(user):
    submissions = (
        Submission.objects.filter(enrollment__user=user)
        .prefetch_related("versions__files", "files")
        .order_by("created_at")
    )
    released = {
        review.version_id: review
        for review in Review.objects.filter(
            submission__enrollment__user=user, released_at__isnull=False
        ).select_related("reviewer")
    }
    out = []
    for submission in submissions:
        out.append(
            {
                "assignment_key": str(submission.assignment_key),
                "module_key": str(submission.module_key),
                "status": submission.status,
                "draft_text": submission.draft_text,
                "draft_report": privacy.plain(submission.draft_report),
                "draft_files": [f.name for f in submission.files.all() if f.in_draft],
                "submitted_at": privacy.plain(submission.submitted_at),
                "versions": [
                    {
                        "number": version.number,
                        "text": version.text,
                        "report": privacy.plain(version.report),
                        "files": [f.name for f in version.files.all()],
                        "submitted_at": privacy.plain(version.submitted_at),
                        "feedback": _feedback(released.get(version.pk)),
                    }
                    for version in submission.versions.all()
                ],
            }
        )
    return out


def _feedback(review):
    if review is None:
        return None
    return {
        "decision": review.decision,
        "feedback": review.feedback,
        "audio": privacy.plain(review.audio),
        "released_at": privacy.plain(review.released_at),
        "by": review.reviewer.get_full_name() if review.reviewer else "",
    }


def _homework_files(user):
    yield from stored_files(
        SubmissionFile.objects.filter(submission__enrollment__user=user),
        "file",
        "homework",
        label=lambda attached: attached.name,
    )
    yield from stored_files(
        Review.objects.filter(
            submission__enrollment__user=user, released_at__isnull=False
        ),
        "audio",
        "feedback",
    )


def _erase_homework(user, erasure):
    submissions = Submission.objects.filter(enrollment__user=user)
    attached = SubmissionFile.objects.filter(submission__in=submissions)
    for item in attached:
        erasure.remove_file(item.file)
    count = attached.delete()[0]
    count += submissions.filter(~Q(draft_text="") | ~Q(draft_report=[])).update(
        draft_text="", draft_report=[]
    )
    count += (
        SubmissionVersion.objects.filter(submission__in=submissions)
        .filter(~Q(text="") | ~Q(report=[]))
        .update(text="", report=[])
    )
    # Reviews stay countable in the supervisor's history, without a word
    # or a sound of what was said about her.
    reviews = Review.objects.filter(submission__in=submissions)
    for review in reviews.exclude(audio=""):
        erasure.remove_file(review.audio)
    count += reviews.filter(~Q(feedback="") | ~Q(audio="")).update(
        feedback="", audio="", audio_content_type=""
    )
    return count


privacy.register(
    key="homework",
    count=_mine(Submission, "enrollment__user"),
    order=21,
    title=_("Your homework"),
    what=_(
        "What you wrote, attached or recorded for your homework, every "
        "version you handed in, and the feedback you received."
    ),
    seen_by=SUPERVISOR,
    kept=_(
        "Until your account is erased; then the texts and files are removed, "
        "and only the fact that homework was reviewed is counted."
    ),
    models=(
        "lms.Submission",
        "lms.SubmissionFile",
        "lms.SubmissionVersion",
        "lms.Review",
    ),
    export=_homework,
    files=_homework_files,
    erase=_erase_homework,
)

# --- Quizzes and interactive exercises ---------------------------------------


def _sittings(user):
    sittings = (
        Sitting.objects.filter(user=user)
        .prefetch_related("answers")
        .order_by("started_at")
    )
    return [
        {
            **rows([sitting], "quiz_key", "started_at", "ended_at", "percent")[0],
            "passed": sitting.passed,
            "waiting_for_marking": sitting.waiting_for_marking,
            "answers": rows(
                sitting.answers.all(),
                "question_key",
                "choice_keys",
                "true_false",
                "text",
                "correct",
                "feedback",
                "answered_at",
            ),
        }
        for sitting in sittings
    ]


def _erase_sittings(user, erasure):
    return (
        Answer.objects.filter(sitting__user=user)
        .filter(~Q(text="") | ~Q(feedback=""))
        .update(text="", feedback="")
    )


privacy.register(
    key="quizzes",
    count=_mine(Sitting, "user"),
    order=30,
    title=_("Your quizzes"),
    what=_(
        "Your answers to the quizzes, your results, and the marks and "
        "comments on your written answers."
    ),
    seen_by=STAFF,
    kept=_(
        "Until your account is erased; then your written answers are removed "
        "and only your results stay, without your name."
    ),
    models=("lms.Sitting", "lms.Answer"),
    export=_sittings,
    erase=_erase_sittings,
)


def _erase_h5p(user, erasure):
    count = XAPIStatement.objects.filter(user=user).delete()[0]
    return count + H5PUserState.objects.filter(user=user).delete()[0]


privacy.register(
    key="h5p",
    count=lambda user: (
        H5PAttempt.objects.filter(user=user).count()
        + XAPIStatement.objects.filter(user=user).count()
        + H5PUserState.objects.filter(user=user).count()
    ),
    order=31,
    title=_("Your interactive exercises"),
    what=_(
        "Your attempts at the interactive exercises, their scores, every "
        "answer the exercise reported, and where you left off, so you can "
        "go on from another phone."
    ),
    seen_by=STAFF,
    kept=_(
        "Until your account is erased; then your answers are removed and "
        "only your scores stay, without your name."
    ),
    models=("lms.H5PAttempt", "lms.XAPIStatement", "lms.H5PUserState"),
    export=lambda user: (
        rows(
            H5PAttempt.objects.filter(user=user).order_by("started_at"),
            "activity_key",
            "started_at",
            "completed_at",
            "score_raw",
            "score_max",
            "success",
        )
        + rows(
            XAPIStatement.objects.filter(user=user).order_by("stored_at"),
            "activity_key",
            "verb",
            "statement",
            "stored_at",
        )
        + rows(
            H5PUserState.objects.filter(user=user),
            "activity_key",
            "state",
            "updated_at",
        )
    ),
    erase=_erase_h5p,
)

# --- Completion, diplomas, continuing education ------------------------------


def _erase_exceptions(user, erasure):
    return (
        CompletionException.objects.filter(enrollment__user=user)
        .exclude(reason="")
        .update(reason="")
    )


privacy.register(
    key="exceptions",
    count=_mine(CompletionException, "enrollment__user"),
    order=40,
    title=_("Exceptions granted to you"),
    what=_(
        "An absence your coordinator excused or a requirement she waived for "
        "you, with the reason she wrote."
    ),
    seen_by=COORDINATOR,
    kept=_("Until your account is erased; then the reason is removed."),
    models=("lms.CompletionException",),
    export=lambda user: rows(
        CompletionException.objects.filter(enrollment__user=user).order_by(
            "granted_at"
        ),
        "kind",
        "requirement",
        "reason",
        "granted_at",
    ),
    erase=_erase_exceptions,
)

MINIMAL_CLAIMS = (
    "holder_name",
    "programme",
    "chapter",
    "period_start",
    "period_end",
    "total_hours",
    "modules",
    "issued_on",
    "verification_code",
    "verification_url",
    "programme_language",
    "wording",
    "criteria",
)


def _erase_diplomas(user, erasure):
    count = 0
    for diploma in Diploma.objects.filter(user=user):
        erasure.remove_file(diploma.pdf)
        diploma.pdf = ""
        claims = {
            k: v for k, v in (diploma.claims or {}).items() if k in MINIMAL_CLAIMS
        }
        if erasure.include_diplomas:
            claims["holder_name"] = ""
            diploma.holder_name = ""
            if diploma.revoked_at is None:
                diploma.revoked_at = timezone.now()
                diploma.revoked_by = erasure.by
            diploma.revocation_reason = ""
        diploma.claims = claims
        diploma.save()
        count += 1
    return count


privacy.register(
    key="diplomas",
    count=_mine(Diploma, "user"),
    order=41,
    title=_("Your diplomas"),
    what=_(
        "The diplomas and certificates you were given: what they say, their "
        "verification code and their PDF. Anyone with the code can check that "
        "a diploma is real."
    ),
    seen_by=_("You, your chapter's staff, and anyone you give the code to."),
    kept=_(
        "For good, so your diploma can always be checked. If your account is "
        "erased, a short record (name, course, date, code) stays, unless you "
        "ask for the diploma to be erased too; then it is revoked."
    ),
    models=("lms.Diploma",),
    export=lambda user: rows(
        Diploma.objects.filter(user=user).order_by("issued_at"),
        "code",
        "holder_name",
        "course_title",
        "chapter_name",
        "issued_at",
        "revoked_at",
        "claims",
    ),
    files=lambda user: stored_files(
        Diploma.objects.filter(user=user),
        "pdf",
        "diplomas",
        label=lambda diploma: f"{diploma.course_title}.pdf",
    ),
    erase=_erase_diplomas,
)


def _erase_applications(user, erasure):
    return (
        TrackApplication.objects.filter(user=user)
        .exclude(message="")
        .update(message="")
    )


privacy.register(
    key="applications",
    count=_mine(TrackApplication, "user"),
    order=42,
    title=_("Your applications"),
    what=_(
        "Your applications for continuing education, with the message you "
        "wrote and the coordinator's decision."
    ),
    seen_by=COORDINATOR,
    kept=_("Until your account is erased; then your message is removed."),
    models=("lms.TrackApplication",),
    export=lambda user: rows(
        TrackApplication.objects.filter(user=user)
        .select_related("course")
        .order_by("applied_at"),
        "course.title",
        "status",
        "message",
        "applied_at",
        "decided_at",
    ),
    erase=_erase_applications,
)

# --- Messages ----------------------------------------------------------------


def _erase_notifications(user, erasure):
    return NotificationLog.objects.filter(user=user).delete()[0]


privacy.register(
    key="notifications",
    count=_mine(NotificationLog, "user"),
    order=50,
    title=_("E-mails we sent you"),
    what=_(
        "Which reminders and notices we e-mailed you and when, so you never "
        "get the same one twice. The e-mails' text is not kept."
    ),
    seen_by=_("Nobody reads it; the site uses it to avoid repeats."),
    kept=_("A while (see the retention rules), or until your account is erased."),
    models=("lms.NotificationLog",),
    export=lambda user: rows(
        NotificationLog.objects.filter(user=user).order_by("sent_at"),
        "kind",
        "sent_at",
    ),
    erase=_erase_notifications,
)

# --- Lecturing (for lecturers and staff) --------------------------------------


def _lecturing(user):
    return (
        rows(
            LecturerInvitation.objects.filter(user=user).order_by("created_at"),
            "email",
            "created_at",
            "used_at",
        )
        + rows(
            BriefingNote.objects.filter(author=user)
            .select_related("briefing__session__cohort")
            .order_by("created_at"),
            "briefing.session.cohort.name",
            "text",
            "created_at",
        )
        + rows(
            BriefingChange.objects.filter(changed_by=user)
            .select_related("briefing__session__cohort")
            .order_by("changed_at"),
            "briefing.session.cohort.name",
            "changed_at",
        )
        + rows(
            Session.objects.filter(lecturers=user)
            .select_related("cohort", "module")
            .order_by("starts_at"),
            "cohort.name",
            "module.title",
            "starts_at",
        )
        + rows(
            Material.objects.filter(added_by=user).order_by("created_at"),
            "title",
            "description",
            "file_name",
            "url",
            "created_at",
        )
    )


def _erase_lecturing(user, erasure):
    count = LecturerInvitation.objects.filter(user=user).delete()[0]
    count += BriefingNote.objects.filter(author=user).delete()[0]
    count += user.lectured_sessions.count()
    user.lectured_sessions.clear()
    # Material she added stays for the group; it no longer names her.
    return count


privacy.register(
    key="lecturing",
    order=60,
    title=_("Lecturing"),
    what=_(
        "If you lecture: your invitation, the notes you wrote in the "
        "briefings, the briefings you changed, the evenings you lecture and "
        "the material you added."
    ),
    seen_by=_("You, the group's coordinators and its other lecturers."),
    kept=_(
        "Until your account is erased; then your notes are removed, and the "
        "material you added stays for the group without your name."
    ),
    models=(
        "lms.LecturerInvitation",
        "lms.Briefing",
        "lms.BriefingNote",
        "lms.BriefingChange",
        "lms.Material",
        "lms.Session",
    ),
    export=_lecturing,
    count=lambda user: (
        LecturerInvitation.objects.filter(user=user).count()
        + BriefingNote.objects.filter(author=user).count()
        + BriefingChange.objects.filter(changed_by=user).count()
        + Session.objects.filter(lecturers=user).count()
        + Material.objects.filter(added_by=user).count()
    ),
    erase=_erase_lecturing,
)

# --- Her copies and requests -------------------------------------------------


def _erase_exports(user, erasure):
    exports = DataExport.objects.filter(user=user)
    for export in exports:
        erasure.remove_file(export.file)
    return exports.delete()[0]


privacy.register(
    key="privacy",
    count=lambda user: (
        DataExport.objects.filter(user=user).count()
        + ErasureRequest.objects.filter(user=user).count()
    ),
    order=70,
    title=_("Copies of your data and your requests"),
    what=_(
        "When you or your coordinator made a copy of your data, and your "
        "request to be erased."
    ),
    seen_by=COORDINATOR,
    kept=_(
        "A copy can be downloaded for a few days, then it is deleted. A "
        "request is kept to show it was carried out."
    ),
    models=("lms.DataExport", "lms.ErasureRequest"),
    export=lambda user: (
        rows(
            DataExport.objects.filter(user=user),
            "requested_at",
            "ready_at",
            "expires_at",
        )
        + rows(
            ErasureRequest.objects.filter(user=user),
            "requested_at",
            "include_diplomas",
            "confirmed_at",
            "cancelled_at",
        )
    ),
    erase=_erase_exports,
)

# --- Signing in: sessions and failed attempts ----------------------------------


def _her_sessions(user):
    key = str(user.pk)
    for session in DjangoSession.objects.filter(expire_date__gt=timezone.now()):
        if session.get_decoded().get("_auth_user_id") == key:
            yield session


def _erase_sessions(user, erasure):
    keys = [session.session_key for session in _her_sessions(user)]
    count = DjangoSession.objects.filter(session_key__in=keys).delete()[0]
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    name = user.get_username()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        count += model.objects.filter(username=name).delete()[0]
    return count


def _attempt_count(user) -> int:
    """Her sign-in attempts and logs; her open sessions are not counted here
    (finding them means reading every session on the site), only listed in
    her copy."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    name = user.get_username()
    return sum(
        model.objects.filter(username=name).count()
        for model in (AccessAttempt, AccessFailureLog, AccessLog)
    )


def _attempts(user):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    name = user.get_username()
    out = [{"signed_in_sessions": sum(1 for _ in _her_sessions(user))}]
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        out += rows(
            model.objects.filter(username=name),
            "ip_address",
            "user_agent",
            "attempt_time",
        )
    return out


privacy.register(
    key="signing_in",
    count=_attempt_count,
    order=80,
    title=_("Signing in"),
    what=_(
        "While you are signed in, your browser holds a session with us. When "
        "someone tries to sign in with your user name, we keep the time, the "
        "address and the browser, to stop people guessing passwords."
    ),
    seen_by=_("The site's administrators."),
    kept=_("A session until you sign out; failed attempts for a while."),
    models=(
        "sessions.Session",
        "axes.AccessAttempt",
        "axes.AccessFailureLog",
        "axes.AccessLog",
    ),
    export=_attempts,
    erase=_erase_sessions,
)

# --- Editing the site (staff) ------------------------------------------------

EDITING_MODELS = (
    "wagtailcore.Page",
    "wagtailcore.Revision",
    "wagtailcore.PageLogEntry",
    "wagtailcore.ModelLogEntry",
    "wagtailcore.Comment",
    "wagtailcore.CommentReply",
    "wagtailcore.PageSubscription",
    "wagtailcore.WorkflowState",
    "wagtailcore.TaskState",
    "wagtailcore.UploadedFile",
    "wagtailcore.APIToken",
    "wagtailadmin.EditingSession",
    "wagtailadmin.FormState",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "wagtail_localize.StringTranslation",
    "wagtail_localize.SegmentOverride",
    "courses.CourseIndexPage",
    "courses.CoursePage",
    "courses.ModulePage",
)


def _names(user) -> list[str]:
    return [
        name
        for name in {user.get_username(), user.get_full_name().strip(), user.email}
        if len(name) >= 3
    ]


def _log_entries(user):
    from wagtail.models import ModelLogEntry, PageLogEntry

    return rows(
        PageLogEntry.objects.filter(user=user).order_by("timestamp"),
        "action",
        "label",
        "timestamp",
    ) + rows(
        ModelLogEntry.objects.filter(user=user).order_by("timestamp"),
        "action",
        "label",
        "timestamp",
    )


def _log_entry_count(user) -> int:
    from wagtail.models import ModelLogEntry, PageLogEntry

    return (
        PageLogEntry.objects.filter(user=user).count()
        + ModelLogEntry.objects.filter(user=user).count()
    )


def _erase_editing(user, erasure):
    from wagtail.admin.models import EditingSession, FormState
    from wagtail.models import (
        Comment,
        CommentReply,
        ModelLogEntry,
        PageLogEntry,
        PageSubscription,
    )

    count = 0
    for model in (CommentReply, Comment, PageSubscription, EditingSession, FormState):
        count += model.objects.filter(user=user).delete()[0]
    # Log entries about her records (her enrolment, her account) name her in
    # their label: it goes, the entry stays so the history stays whole.
    names = _names(user)
    if names:
        about_her = Q()
        for name in names:
            about_her |= Q(label__icontains=name)
        for model in (PageLogEntry, ModelLogEntry):
            count += model.objects.filter(about_her).update(label="—", data={})
    return count


privacy.register(
    key="editing",
    count=_log_entry_count,
    order=90,
    title=_("Editing the site"),
    what=_(
        "If you edit courses in the administration: the changes you made, "
        "your comments on pages, and the pictures and documents you uploaded."
    ),
    seen_by=_("The site's editors and administrators."),
    kept=_(
        "Until your account is erased; then your comments are removed and the "
        "history of the pages no longer names you."
    ),
    models=EDITING_MODELS,
    export=_log_entries,
    erase=_erase_editing,
)

# --- No personal data of their own ---------------------------------------------

privacy.exempt(
    "lms.ErasureRecord",
    "Says that an erasure was done and how many records it touched; it names nobody.",
)
privacy.exempt(
    "lms.H5PActivity",
    "An exercise's package; its uploader is kept like a page's author "
    "(covered by 'editing': the account is anonymised).",
)
privacy.exempt(
    "wagtailforms.FormSubmission",
    "The site has no form pages; a form page would need its own provider.",
)
