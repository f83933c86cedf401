"""StreamField blocks that make up a module's lesson content.

One `LessonStreamBlock` is built from the individual blocks and reused by every
field that holds lesson content. Homework joins as a chooser
of ``lms.Assignment`` snippets, quizzes of ``lms.Quiz`` and interactive
exercises of ``lms.H5PActivity``.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from lms.choices import CalloutKind

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class TextBlock(blocks.RichTextBlock):
    """Running lesson text: paragraphs, sub-headings, lists and links."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "courses/blocks/text_block.html"
        label = _("Text")
        description = _("Paragraphs, sub-headings, lists and links.")
        preview_value = (
            "<p>Barn lærer språk best når de voksne snakker med dem hver dag.</p>"
        )


class FigureBlock(blocks.StructBlock):
    """An image with alt text and an optional caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "courses/blocks/figure_block.html"
        label = _("Image")
        description = _("A picture with a caption. Give it alt text.")


class VideoBlock(blocks.StructBlock):
    """A video file from the document library, loaded only when played."""

    title = blocks.CharBlock(label=_("Title"))
    video = DocumentChooserBlock(label=_("Video file (mp4 or webm)"))
    poster = ImageBlock(required=False, label=_("Still picture"))
    transcript = blocks.TextBlock(required=False, label=_("Transcript"))

    class Meta:
        icon = "media"
        template = "courses/blocks/video_block.html"
        label = _("Video")
        description = _("A short film. Nothing downloads until it is played.")


class AudioBlock(blocks.StructBlock):
    """A sound recording from the document library, with a transcript."""

    title = blocks.CharBlock(label=_("Title"))
    audio = DocumentChooserBlock(label=_("Audio file (mp3, m4a or ogg)"))
    transcript = blocks.TextBlock(required=False, label=_("Transcript"))

    class Meta:
        icon = "media"
        template = "courses/blocks/audio_block.html"
        label = _("Audio")
        description = _("A recording, e.g. the lesson read aloud.")


class DocumentBlock(blocks.StructBlock):
    """A downloadable document, shown with its type and size."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        required=False,
        label=_("Link text"),
        help_text=_("Leave empty to use the document's title."),
    )
    description = blocks.TextBlock(required=False, label=_("Description"))

    class Meta:
        icon = "doc-full"
        template = "courses/blocks/document_block.html"
        label = _("Document")
        description = _("A handout or form to download.")


class CalloutBlock(blocks.StructBlock):
    """A highlighted box: something to remember, a tip, or where to get help."""

    kind = blocks.ChoiceBlock(
        choices=CalloutKind.choices, default=CalloutKind.INFO, label=_("Kind")
    )
    heading = blocks.CharBlock(required=False, label=_("Heading"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "warning"
        template = "courses/blocks/callout_block.html"
        label = _("Callout")
        description = _("A highlighted box for what matters most.")
        preview_value = {
            "kind": CalloutKind.HELP,
            "heading": "Hvor får du hjelp?",
            "text": "<p>Ring 116 123 hele døgnet.</p>",
        }


class DiscussionQuestionsBlock(blocks.StructBlock):
    """Questions the group talks about in the evening session."""

    heading = blocks.CharBlock(
        required=False, label=_("Heading"), help_text=_("Default: Let's talk")
    )
    questions = blocks.ListBlock(
        blocks.CharBlock(label=_("Question")), label=_("Questions"), min_num=1
    )

    class Meta:
        icon = "help"
        template = "courses/blocks/discussion_questions_block.html"
        label = _("Discussion questions")
        description = _("Questions for the group to talk about together.")
        preview_value = {
            "heading": "",
            "questions": ["Hva gjør du når barnet ditt er lei seg?"],
        }


class ReflectionPromptBlock(blocks.StructBlock):
    """A question each trainee answers for herself after the session.

    The block's stable id (kept by wagtail-localize across translations) is
    what a trainee's reflection points at.
    """

    prompt = blocks.TextBlock(label=_("Question"))
    guidance = blocks.TextBlock(
        required=False,
        label=_("Guidance"),
        help_text=_("A few words on how to go about answering."),
    )

    class Meta:
        icon = "edit"
        template = "courses/blocks/reflection_prompt_block.html"
        label = _("Reflection prompt")
        description = _("A question each trainee answers in her journal.")
        preview_value = {
            "prompt": "Hva tar du med deg fra kvelden i dag?",
            "guidance": "",
        }


class AssignmentBlock(SnippetChooserBlock):
    """Places a homework assignment (an ``lms`` snippet) in the lesson.

    Trainees see its instructions, due date and their hand-in; the block is
    translated with the page (wagtail-localize picks the assignment's copy in
    the page's language).
    """

    def __init__(self, **kwargs):
        super().__init__("lms.Assignment", **kwargs)

    class Meta:
        icon = "clipboard-list"
        template = "courses/blocks/assignment_block.html"
        label = _("Homework")
        description = _("Homework the trainees hand in and supervisors review.")


class QuizBlock(SnippetChooserBlock):
    """Places a quiz (an ``lms`` snippet) in the lesson; the trainee takes it
    in the page's language, and her sitting is the same in every language."""

    def __init__(self, **kwargs):
        super().__init__("lms.Quiz", **kwargs)

    class Meta:
        icon = "help"
        template = "courses/blocks/quiz_block.html"
        label = _("Quiz")
        description = _("Questions the trainee answers; scored on the server.")


class H5PBlock(SnippetChooserBlock):
    """Places an interactive exercise (an uploaded H5P package) in the lesson."""

    def __init__(self, **kwargs):
        super().__init__("lms.H5PActivity", **kwargs)

    class Meta:
        icon = "pick"
        template = "courses/blocks/h5p_block.html"
        label = _("Interactive exercise (H5P)")
        description = _("An H5P package the trainee works through in the page.")


class LessonStreamBlock(blocks.StreamBlock):
    """Everything a module's lesson may contain."""

    text = TextBlock()
    image = FigureBlock()
    video = VideoBlock()
    audio = AudioBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    discussion_questions = DiscussionQuestionsBlock()
    reflection_prompt = ReflectionPromptBlock()
    assignment = AssignmentBlock()
    quiz = QuizBlock()
    h5p = H5PBlock()


class LearningGoalsBlock(blocks.StreamBlock):
    """A module's learning goals, one short sentence each."""

    goal = blocks.CharBlock(label=_("Learning goal"), max_length=300)
