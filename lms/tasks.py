"""Background work of the learning engine, through Django's tasks framework.

Dev and test settings have no TASKS setting, so tasks run inline
(ImmediateBackend); production queues them in the database
(django_tasks_db). The work itself is in :mod:`lms.notifications` and
:mod:`lms.retention`.

The domain sends lms.events inside its transaction; the receivers here
queue the task only once it commits, so a rolled-back hand-in never mails
anyone, and a failure to queue never undoes it.
"""

from django.db import transaction
from django.dispatch import receiver
from django_tasks import task

from lms import events, notifications, retention
from lms.models import Diploma


@task()
def notify_work_arrived(submission_id: int) -> int:
    return notifications.work_arrived(submission_id=submission_id)


@task()
def notify_feedback_released(review_id: int) -> bool:
    return notifications.feedback_released(review_id=review_id)


@task()
def render_diploma_pdf(diploma_id: int) -> bool:
    """Render (or render again) a diploma's PDF from its stored claims."""
    from lms.diplomas.issue import make_pdf  # WeasyPrint: loaded when needed

    diploma = Diploma.objects.filter(pk=diploma_id).first()
    if diploma is None:
        return False
    make_pdf(diploma)
    return True


@task()
def send_daily_notices() -> dict:
    """Today's review digests and due-date reminders."""
    return {
        "digests": notifications.send_review_digests(),
        "reminders": notifications.send_due_reminders(),
    }


@task()
def purge_expired() -> dict:
    """Delete what the retention settings say is kept no longer."""
    return retention.purge_expired()


def on_work_arrived(submission) -> None:
    """A trainee handed in a version of `submission`: notify after commit."""
    submission_id = submission.pk
    transaction.on_commit(
        lambda: notify_work_arrived.enqueue(submission_id), robust=True
    )


def on_feedback_released(review) -> None:
    """A supervisor released `review`: tell the trainee after commit."""
    review_id = review.pk
    transaction.on_commit(
        lambda: notify_feedback_released.enqueue(review_id), robust=True
    )


def on_enrollment_completed(enrollment) -> None:
    """Her diploma was issued: render its PDF after commit."""
    enrollment_id = enrollment.pk

    def queue():
        for pk in Diploma.objects.filter(enrollment_id=enrollment_id).values_list(
            "pk", flat=True
        ):
            render_diploma_pdf.enqueue(pk)

    transaction.on_commit(queue, robust=True)


@receiver(events.enrollment_completed, dispatch_uid="lms.tasks.enrollment_completed")
def _enrollment_completed(sender, enrollment, **kwargs):
    on_enrollment_completed(enrollment)


@receiver(events.work_handed_in, dispatch_uid="lms.tasks.work_handed_in")
def _work_handed_in(sender, submission, **kwargs):
    on_work_arrived(submission)


@receiver(events.feedback_released, dispatch_uid="lms.tasks.feedback_released")
def _feedback_released(sender, review, **kwargs):
    on_feedback_released(review)


@task()
def make_data_export(export_id: int) -> bool:
    """Write a requested copy of someone's personal data (lms.privacy)."""
    from lms import privacy

    export = privacy.make_export(export_id)
    return bool(export and export.ready_at)


@receiver(events.data_export_requested, dispatch_uid="lms.tasks.data_export")
def _data_export_requested(sender, export, **kwargs):
    export_id = export.pk
    transaction.on_commit(lambda: make_data_export.enqueue(export_id), robust=True)
