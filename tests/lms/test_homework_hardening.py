"""Found in review: a zip that unpacks to gigabytes, invisible characters that
disguise a file's type, a trainee who left the group still handing in, and
approved homework handed in again."""

import io
import tracemalloc
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lms import files, homework, reviews
from lms.choices import EnrollmentStatus, ReviewDecision, SubmissionStatus
from tests.lms import test_homework_trainee as trainee

world = trainee.world  # the same fixture: a held module with an assignment

pytestmark = pytest.mark.django_db


def test_a_zip_bomb_is_refused_without_unpacking_it():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", b"\0" * (200 * 1024 * 1024))
    packed = buffer.getvalue()
    assert len(packed) < 1024 * 1024  # 200 MB of zeros in well under 1 MB
    upload = SimpleUploadedFile("notes.odt", packed)

    tracemalloc.start()
    with pytest.raises(files.FileRefused):
        files.check_upload(upload, allowed=files.HOMEWORK, max_bytes=20 * 1024 * 1024)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 20 * 1024 * 1024, peak


def test_invisible_direction_marks_cannot_disguise_a_file_name():
    name = files.safe_filename("x\u202egpj.pdf", files.PDF)
    assert name == "xgpj.pdf"
    assert files.safe_filename("a\u2028b\u200bc.pdf", files.PDF) == "abc.pdf"


def test_a_trainee_who_left_the_group_cannot_hand_in_nor_reach_the_queue(world):
    w = world
    amina = trainee.as_user(w.amina)
    amina.post(
        "/nb/my/homework/save/",
        {
            "page": w.module.pk,
            "assignment": str(w.key),
            "text": "Utkast",
            "revision": 0,
        },
    )
    submission = trainee.submission_of(w.amina)
    enrollment = submission.enrollment
    enrollment.status = EnrollmentStatus.WITHDRAWN
    enrollment.save()
    response = trainee.hand_in(
        amina, w, revision=submission.draft_revision, submission=submission.pk
    )
    assert response.status_code == 403
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT
    assert not submission.versions.exists()
    # Something she handed in before leaving no longer waits in the queue.
    submission.status = SubmissionStatus.SUBMITTED
    submission.submitted_at = submission.updated_at
    submission.save()
    assert submission not in reviews.review_queue(w.supervisor).submissions
    # Her own page still shows her work.
    assert amina.get(f"/nb/my/homework/{submission.pk}/").status_code == 200


def test_approved_homework_handed_in_again_says_it_is_approved(world):
    w = world
    submission = homework.start_submission(
        enrollment=w.enrollments[0],
        assignment=w.assignment,
        module_key=w.module.translation_key,
    )
    submission = homework.save_draft(
        submission=submission, assignment=w.assignment, text="Ferdig.", revision=0
    )
    homework.submit(
        submission=submission,
        assignment=w.assignment,
        revision=submission.draft_revision,
        user=w.amina,
    )
    reviews.save_review(
        submission=submission,
        version_number=1,
        reviewer=w.supervisor,
        decision=ReviewDecision.APPROVED,
        release=True,
        expected_state=0,
    )
    submission.refresh_from_db()
    with pytest.raises(homework.NotEditable):
        homework.submit(
            submission=submission,
            assignment=w.assignment,
            revision=submission.draft_revision,
            user=w.amina,
        )
    assert submission.versions.count() == 1
