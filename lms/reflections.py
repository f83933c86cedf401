"""Reflections: a trainee's own answers to a module's reflection prompts.

Services here are the only code that writes ``Reflection`` rows. They take
keyword-only arguments and run in a transaction. A reflection is identified
by (author, module_key, prompt_key): the module's ``translation_key`` and the
StreamField id of its prompt block, both shared by every language's copy, so
she finds the same reflection in Norwegian and in Arabic.

``revision`` guards the text against a stale second tab: a save names the
revision it started from, and a save from an older revision that would change
the text is refused with the current text (``ReflectionConflict``).
"""

from __future__ import annotations

import uuid

from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms import curriculum, files
from lms.conf import lms_settings
from lms.models import Enrollment, Reflection
from lms.models.reflections import REFLECTION_MAX_CHARS
from lms.progress import learning_enrollment_in
from lms.text import normalise_text


def audio_max_bytes() -> int:
    return lms_settings.LMS_REFLECTION_AUDIO_MAX_BYTES


class ReflectionError(Exception):
    """Input a trainee can fix; ``message`` is translated and shown to her."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class EmptyReflection(ReflectionError):
    def __init__(self):
        super().__init__(
            gettext_lazy(
                "Your reflection is empty. Write something or record your voice "
                "before saving."
            )
        )


class ReflectionConflict(ReflectionError):
    """The text changed elsewhere (another tab or phone) since she loaded it."""

    def __init__(self, reflection: Reflection):
        super().__init__(
            gettext_lazy(
                "This reflection was changed in another window since you opened "
                "it. Choose which text to keep."
            )
        )
        self.reflection = reflection


# --- reading -----------------------------------------------------------------


def enrollment_for_module(user, page) -> Enrollment | None:
    """Her learning enrollment in a cohort taking the course `page` belongs to.

    `page` is a module page in any language: its parent course shares its
    translation_key with the source-language course a cohort points at. One
    query.
    """
    if page is None or page.depth < 2:
        return None
    return learning_enrollment_in(user, curriculum.course_key_query(page))


def check_text_length(text: str):
    if len(text) > REFLECTION_MAX_CHARS:
        raise ReflectionError(
            _(
                "Your reflection is too long: %(count)s characters. The limit is "
                "%(max)s. Please shorten it and save again."
            )
            % {"count": len(text), "max": REFLECTION_MAX_CHARS}
        )


# --- audio type checks ---------------------------------------------------------

AUDIO_TYPES = {t.content_type: t.extension for t in files.AUDIO}


def check_audio(upload) -> str:
    """The content type of an acceptable recording; ReflectionError otherwise."""
    limit = audio_max_bytes()
    if upload is None or not upload.size:
        raise ReflectionError(_("The recording is empty. Please record again."))
    if upload.size > limit:
        raise ReflectionError(
            _(
                "The recording is too large (%(size)s MB). The limit is "
                "%(max)s MB. Please make a shorter recording."
            )
            % {
                "size": round(upload.size / 1024 / 1024, 1),
                "max": round(limit / 1024 / 1024, 1),
            }
        )
    upload.seek(0)
    file_type = files.sniff_audio(upload.read(64))
    upload.seek(0)
    if file_type is None:
        raise ReflectionError(
            _(
                "This file is not a sound recording we can play. Please record "
                "again, or choose a WebM, Ogg, MP4/M4A or MP3 file."
            )
        )
    return file_type.content_type


# --- writing -------------------------------------------------------------------


def _locked(*, author, module_key, prompt_key) -> Reflection | None:
    return (
        Reflection.objects.select_for_update()
        .filter(author=author, module_key=module_key, prompt_key=prompt_key)
        .first()
    )


def _create_or_lock(
    *, author, enrollment, module_key, prompt_key, prompt_text
) -> tuple[Reflection, bool]:
    """Create the reflection; if a double click got there first, lock that one."""
    try:
        with transaction.atomic():  # a savepoint, so the outer one survives
            return (
                Reflection.objects.create(
                    author=author,
                    enrollment=enrollment,
                    module_key=module_key,
                    prompt_key=prompt_key,
                    prompt_text=prompt_text,
                ),
                True,
            )
    except IntegrityError:
        reflection = _locked(
            author=author, module_key=module_key, prompt_key=prompt_key
        )
        return reflection, False


@transaction.atomic
def save_reflection_text(
    *,
    author,
    module_key,
    prompt_key: str,
    text: str,
    revision: int | None,
    enrollment: Enrollment | None = None,
    prompt_text: str = "",
) -> Reflection:
    """Create or update her text for one prompt.

    `revision` is the revision her form was loaded with. If the stored text
    has moved on since then and her text differs from it, nothing is written
    and ReflectionConflict carries the newer text. Saving the same text twice
    (a double click) is harmless.
    """
    text = normalise_text(text)
    check_text_length(text)
    existing = _locked(author=author, module_key=module_key, prompt_key=prompt_key)
    if existing is None and not text.strip():
        raise EmptyReflection
    reflection, created = existing, False
    if existing is None:
        reflection, created = _create_or_lock(
            author=author,
            enrollment=enrollment,
            module_key=module_key,
            prompt_key=prompt_key,
            prompt_text=prompt_text,
        )
    if not created and reflection.text == text:
        return reflection
    if not created and revision is not None and revision != reflection.revision:
        raise ReflectionConflict(reflection)
    if not text.strip() and not reflection.audio:
        raise EmptyReflection
    reflection.text = text
    reflection.revision += 1
    fields = ["text", "revision", "updated_at"]
    if prompt_text:
        reflection.prompt_text = prompt_text
        fields.append("prompt_text")
    if reflection.enrollment_id is None and enrollment is not None:
        reflection.enrollment = enrollment
        fields.append("enrollment")
    reflection.save(update_fields=fields)
    return reflection


def _delete_file_on_commit(name: str):
    if name:
        storage = Reflection._meta.get_field("audio").storage
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def attach_audio(
    *,
    author,
    module_key,
    prompt_key: str,
    upload,
    enrollment: Enrollment | None = None,
    prompt_text: str = "",
) -> Reflection:
    """Store a voice recording for one prompt, replacing an earlier one.

    The type is read from the file's first bytes; the name it came with is
    dropped (it may identify a person).
    """
    content_type = check_audio(upload)
    reflection = _locked(author=author, module_key=module_key, prompt_key=prompt_key)
    if reflection is None:
        reflection, _created = _create_or_lock(
            author=author,
            enrollment=enrollment,
            module_key=module_key,
            prompt_key=prompt_key,
            prompt_text=prompt_text,
        )
    old_name = reflection.audio.name
    upload.seek(0)
    files.store(
        reflection.audio,
        f"{uuid.uuid4().hex}.{AUDIO_TYPES[content_type]}",
        File(upload),
    )
    reflection.audio_content_type = content_type
    fields = ["audio", "audio_content_type", "updated_at"]
    if reflection.enrollment_id is None and enrollment is not None:
        reflection.enrollment = enrollment
        fields.append("enrollment")
    reflection.save(update_fields=fields)
    # If the transaction fails the new file is an orphan; never lose the old one.
    _delete_file_on_commit(old_name)
    return reflection


@transaction.atomic
def remove_audio(*, reflection: Reflection) -> Reflection | None:
    """Delete her recording; a reflection left with nothing in it goes too."""
    reflection = Reflection.objects.select_for_update().get(pk=reflection.pk)
    _delete_file_on_commit(reflection.audio.name)
    if not reflection.text.strip():
        reflection.delete()
        return None
    reflection.audio = ""
    reflection.audio_content_type = ""
    reflection.save(update_fields=["audio", "audio_content_type", "updated_at"])
    return reflection


@transaction.atomic
def share_reflection(*, reflection: Reflection) -> Reflection:
    """Let the supervisors of her cohort read it."""
    if reflection.enrollment_id is None:
        raise ReflectionError(
            _("This reflection belongs to no group, so there is no one to share with.")
        )
    if reflection.shared_at is None:
        reflection.shared_at = timezone.now()
        reflection.save(update_fields=["shared_at"])
    return reflection


@transaction.atomic
def unshare_reflection(*, reflection: Reflection) -> Reflection:
    """Withdraw a share: private again, readable by her alone."""
    if reflection.shared_at is not None:
        reflection.shared_at = None
        reflection.save(update_fields=["shared_at"])
    return reflection


@transaction.atomic
def delete_reflection(*, reflection: Reflection):
    """Delete her reflection and its recording for good."""
    _delete_file_on_commit(reflection.audio.name)
    reflection.delete()
