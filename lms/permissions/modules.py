"""Work on a module: when a trainee may start something new in it."""


def may_start_work(review) -> bool:
    """A new reflection or homework needs a learning enrollment in the
    module's course and the module open to her (its session held, or the
    cohort opens all material). `review` is what lms.progress.module_review
    found for her (None: not learning in this course). Work she has already
    started stays hers to edit (see user_can_edit_reflection and
    user_can_work_on_submission)."""
    return review is not None and review.is_open
