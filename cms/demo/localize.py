"""Translate demo content through wagtail-localize, as an editor would:
TranslationSource -> StringTranslation for each segment -> save_target."""

from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue


class DemoError(Exception):
    """The demo data and the models disagree."""


def _strings(instance):
    return [s for s in extract_segments(instance) if isinstance(s, StringSegmentValue)]


def translate_object(instance, unsaved_translation, locale):
    """Translate a page or snippet into `locale` and publish the copy.

    `unsaved_translation` is the same object built in the target language
    with the same block ids; its segments pair one to one with the source's.
    Related snippets (an assignment a module places) must be translated first.
    """
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    ours, theirs = _strings(instance), _strings(unsaved_translation)
    if [s.path for s in ours] != [s.path for s in theirs]:
        raise DemoError(f"Translation of {instance!s} has a different structure")
    pairs = {
        (s.path, s.string.data): t.string.data
        for s, t in zip(ours, theirs, strict=True)
    }
    for segment in StringSegment.objects.filter(source=source).select_related(
        "string", "context"
    ):
        key = (segment.context.path, segment.string.data)
        if key not in pairs:
            raise DemoError(f"No translation for {key!r} in {instance!s}")
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": pairs[key],
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale
    )
    translation.save_target(publish=True)
