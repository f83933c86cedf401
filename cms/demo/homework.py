"""The demo's homework assignments and the Alna cohort's hand-ins of module
14's "three conversations" in every state, for `supervisor` to work through.

The assignments are ``lms`` snippets, read from content/assignments.nb.yaml,
made in Norwegian and translated through wagtail-localize like the demo pages
(content/assignments.<lang>.yaml); module 14's lesson places "three
conversations" with an ``assignment`` block. Submissions go through the
homework and review services, so they are what a real trainee and supervisor
would have left behind. Idempotent: a trainee who has a submission already is
left alone.
"""

import datetime
import uuid

from django.utils import timezone
from wagtail.models import Locale

from cms.demo import curriculum
from cms.demo.curriculum import text
from cms.demo.localize import DemoError, translate_object
from lms import homework, reviews
from lms.choices import ReviewDecision
from lms.models import Assignment, Submission

ID_NAMESPACE = uuid.UUID("4f1d7c2e-6a0b-4c55-9a51-0d7e3b1c9a14")
SLUG = "tre-samtaler"  # the Alna cohort's module 14 homework


def stable_id(*parts) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(parts)))


def translation_key(slug: str) -> uuid.UUID:
    return uuid.UUID(stable_id("assignment", slug))


TRANSLATION_KEY = translation_key(SLUG)


def field_id(key: str, slug: str = SLUG) -> str:
    return stable_id(slug, "field", key)


def assignment_fields(slug: str, data: dict, translation: dict | None = None) -> dict:
    """The Assignment field values of `data` (assignments.nb.yaml), in
    Norwegian or, with `translation`, in the translation's language."""
    fields = (translation or {}).get("report_fields", {})

    def field_text(f, key):
        t = None if translation is None else fields.get(f["key"], {})
        return text(f, t, key, f"{slug}/{f['key']}")

    def choices(f):
        source = f.get("choices", [])
        if translation is None:
            return source
        translated = fields.get(f["key"], {}).get("choices", [])
        if len(translated) != len(source):
            raise DemoError(f"{slug}/{f['key']}: translate every choice, in order")
        return translated

    return {
        "title": text(data, translation, "title", slug),
        "instructions": text(data, translation, "instructions", slug),
        "pass_criteria": text(data, translation, "pass_criteria", slug),
        "accepts_text": data["accepts_text"],
        "accepts_files": data["accepts_files"],
        "accepts_audio": data["accepts_audio"],
        "max_files": data["max_files"],
        "due_days_after_session": data["due_days_after_session"],
        "report_entry_label": text(data, translation, "report_entry_label", slug),
        "report_min_entries": data["report_min_entries"],
        "report_max_entries": data["report_max_entries"],
        "report_fields": [
            {
                "type": "field",
                "id": field_id(f["key"], slug),
                "value": {
                    "label": field_text(f, "label"),
                    "help_text": field_text(f, "help_text"),
                    "kind": f["kind"],
                    "choices": [
                        {
                            "type": "item",
                            "id": stable_id(slug, f["key"], str(n)),
                            "value": choice,
                        }
                        for n, choice in enumerate(choices(f))
                    ],
                    "required": f.get("required", True),
                },
            }
            for f in data["report_fields"]
        ],
    }


def ensure_assignments(*, translate=True, log) -> dict:
    """Every demo assignment in Norwegian and, with `translate`, in each
    language it has a translation for. Returns {slug: Norwegian Assignment}."""
    source_locale = Locale.objects.get(language_code=curriculum.SOURCE_LANGUAGE)
    translations = curriculum.translations("assignments") if translate else {}
    made = {}
    for slug, data in curriculum.assignments().items():
        key = translation_key(slug)
        assignment = Assignment.objects.filter(
            translation_key=key, locale=source_locale
        ).first()
        if assignment is None:
            assignment = Assignment.objects.create(
                translation_key=key,
                locale=source_locale,
                **assignment_fields(slug, data),
            )
            log(f"  created homework {assignment.title!r}")
        for language, translation in translations.items():
            if slug not in translation:
                continue
            locale = Locale.objects.get(language_code=language)
            if assignment.has_translation(locale):
                continue
            translate_object(
                assignment,
                Assignment(
                    translation_key=key,
                    locale=locale,
                    **assignment_fields(slug, data, translation[slug]),
                ),
                locale,
            )
            log(f"  translated homework into {language}")
        made[slug] = assignment
    return made


def assignment_pk(slug: str, language: str) -> int:
    """For a module's lesson: the assignment's copy in the page's language."""
    return Assignment.objects.get(
        translation_key=translation_key(slug), locale__language_code=language
    ).pk


# --- the Alna cohort's hand-ins ---------------------------------------------------


def _methods():
    """The Norwegian choices of the "three conversations" method field."""
    fields = curriculum.assignments()[SLUG]["report_fields"]
    return next(f["choices"] for f in fields if f["key"] == "method")


def _report(*entries):
    """Three conversation entries from (who, method index, what, hard)."""
    methods = _methods()
    return [
        {
            field_id("who"): who,
            field_id("method"): methods[method],
            field_id("what"): what,
            field_id("hard"): hard,
        }
        for who, method, what, hard in entries
    ]


REPORT_A = _report(
    (
        "En nabo med to små barn",
        0,
        "Vi drakk kaffe, og hun fortalte at hun er ensom om kveldene.",
        "Å ikke gi råd med en gang, bare lytte.",
    ),
    (
        "En kvinne jeg møter i parken",
        1,
        "Jeg fortalte om helsestasjonen, og vi gikk dit sammen.",
        "Hun var redd for å ikke forstå norsk.",
    ),
    (
        "En eldre kvinne fra moskeen",
        2,
        "Jeg inviterte henne til kvinnegruppen på biblioteket.",
        "Hun sa nei først. Jeg må spørre igjen senere.",
    ),
)
REPORT_SHORT = REPORT_A[:2] + [
    {
        field_id("who"): "En venninne av søsteren min",
        field_id("method"): _methods()[0],
        field_id("what"): "Vi snakket om skolen.",
        field_id("hard"): "Vet ikke.",
    }
]
REPORT_REVISED = REPORT_SHORT[:2] + [
    {
        field_id("who"): "En venninne av søsteren min",
        field_id("method"): _methods()[0],
        field_id("what"): (
            "Vi snakket om skolen. Hun vil be om tolk på foreldremøtet, og jeg "
            "fortalte hvordan."
        ),
        field_id("hard"): "Hun snakket fort, og jeg måtte spørre flere ganger.",
    }
]

NEEDS_MORE = (
    "Fint at du prøvde alle tre metodene! Samtale 3 er veldig kort: skriv litt "
    "mer om hva dere snakket om og hva som var vanskelig, så er det bra."
)
WELL_DONE = "Veldig godt beskrevet, og ingen navn. Godkjent."


def _hand_in(enrollment, assignment, module_key, report, *, days_ago):
    submission = homework.start_submission(
        enrollment=enrollment, assignment=assignment, module_key=module_key
    )
    submission = homework.save_draft(
        submission=submission,
        assignment=assignment,
        report=report,
        revision=submission.draft_revision,
    )
    version = homework.submit(
        submission=submission,
        assignment=assignment,
        revision=submission.draft_revision,
        user=enrollment.user,
    )
    when = timezone.now() - datetime.timedelta(days=days_ago, hours=3)
    type(version).objects.filter(pk=version.pk).update(submitted_at=when)
    Submission.objects.filter(pk=submission.pk).update(submitted_at=when)
    return Submission.objects.get(pk=submission.pk)


def _review(submission, supervisor, decision, feedback, *, release):
    return reviews.save_review(
        submission=submission,
        version_number=submission.versions.count(),
        reviewer=supervisor,
        decision=decision,
        feedback=feedback,
        release=release,
        expected_state=submission.review_state,
    )


def build_alna_homework(*, enrollments, module, supervisor, log):
    """Module 14 hand-ins of the Alna cohort, one trainee per state."""
    assignment = Assignment.objects.get(
        translation_key=TRANSLATION_KEY, locale=module.locale
    )
    key = module.translation_key
    done = set(
        Submission.objects.filter(
            enrollment__in=enrollments.values(), assignment_key=TRANSLATION_KEY
        ).values_list("enrollment__user__username", flat=True)
    )

    def wanted(username):
        return username in enrollments and username not in done

    # Handed in, returned for revision, handed in again: waits for review.
    if wanted("trainee"):
        s = _hand_in(enrollments["trainee"], assignment, key, REPORT_SHORT, days_ago=9)
        _review(s, supervisor, ReviewDecision.NEEDS_REVISION, NEEDS_MORE, release=True)
        _hand_in(enrollments["trainee"], assignment, key, REPORT_REVISED, days_ago=2)
    # Waiting for review, the oldest first.
    for username, days in (("trainee2", 6), ("trainee3", 4), ("trainee4", 1)):
        if wanted(username):
            _hand_in(enrollments[username], assignment, key, REPORT_A, days_ago=days)
    # A review saved as a draft: the trainee sees nothing yet.
    if wanted("trainee5"):
        s = _hand_in(enrollments["trainee5"], assignment, key, REPORT_A, days_ago=5)
        _review(s, supervisor, ReviewDecision.APPROVED, WELL_DONE, release=False)
    # Returned; she has not handed in again yet.
    if wanted("trainee6"):
        s = _hand_in(enrollments["trainee6"], assignment, key, REPORT_SHORT, days_ago=8)
        _review(s, supervisor, ReviewDecision.NEEDS_REVISION, NEEDS_MORE, release=True)
    # Approved.
    if wanted("trainee7"):
        s = _hand_in(enrollments["trainee7"], assignment, key, REPORT_A, days_ago=10)
        _review(s, supervisor, ReviewDecision.APPROVED, WELL_DONE, release=True)
    # A draft she is still writing.
    if wanted("trainee8"):
        s = homework.start_submission(
            enrollment=enrollments["trainee8"], assignment=assignment, module_key=key
        )
        homework.save_draft(
            submission=s,
            assignment=assignment,
            report=REPORT_A[:1],
            revision=s.draft_revision,
        )
    added = {"trainee", *(f"trainee{n}" for n in range(2, 9))} - done
    if added & set(enrollments):
        log(f"  handed in module {module.number} homework for {len(added)} trainees")
