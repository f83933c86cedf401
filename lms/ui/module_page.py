"""What the module page (a Wagtail page in ``courses``) shows the person
reading it: the review gate and her progress, side by side with the
original, her own language's copy. Opening an open module records her
visit, so the page model stays thin."""

from lms import accounts, curriculum, progress
from lms.ui.languages import language_info


def module_page_context(request, *, module_key, course_key, content_language):
    """What the module page adds for the person reading it.

    ``module_review`` is None for anyone not learning in a cohort of this course:
    they see the public page. For an enrolled trainee it tells whether the
    review material is open (its session held, or the cohort opens all),
    and opening an open module records her visit. ``?side=1``/``?side=0``
    switches the side-by-side reading on or off (remembered when signed in).
    """
    user = getattr(request, "user", None)  # None when rendered without one
    signed_in = bool(user and user.is_authenticated)
    review = progress.module_review(user, course_key=course_key, module_key=module_key)
    if review is not None and review.is_open:
        progress.record_module_visit(
            enrollment=review.enrollment,
            module_key=module_key,
            progress=review.progress,
        )
    profile = accounts.profile_or_none(user) if signed_in else None

    side = request.GET.get("side")
    if side in ("0", "1"):
        side_by_side = side == "1"
        if signed_in:
            accounts.set_side_by_side(user=user, show=side_by_side)
    else:
        side_by_side = bool(profile and profile.show_side_by_side)
    original_language = curriculum.source_language()
    side_available = content_language != original_language

    # She chose a language this page is not shown in: offer her copy, or say
    # that there is none yet.
    her_language = profile.language if profile else ""
    her_copy_url = missing_language = None
    if her_language and her_language != content_language:
        her_copy = curriculum.translation_in(module_key, her_language)
        if her_copy is not None:
            her_copy_url = her_copy.get_url(request=request)
        else:
            missing_language = language_info(her_language)
    return {
        "module_review": review,
        "side_by_side_available": side_available,
        "side_by_side": side_available and side_by_side,
        "original_language": language_info(original_language),
        "her_copy_url": her_copy_url,
        "her_language": language_info(her_language) if her_copy_url else None,
        "missing_language": missing_language,
    }
