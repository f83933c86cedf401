"""Page factories for the curriculum."""

import factory
import wagtail_factories

from courses.models import CourseIndexPage, CoursePage, ModulePage
from lms.choices import CourseKind


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Bydelsmødre"
    slug = factory.Sequence(lambda n: f"hjem-{n}")
    intro = "<p>Velkommen.</p>"

    class Meta:
        model = CourseIndexPage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kurs {n}")
    slug = factory.Sequence(lambda n: f"kurs-{n}")
    kind = CourseKind.BASE
    intro = "<p>Om kurset.</p>"

    class Meta:
        model = CoursePage


class ModulePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Modul {n}")
    slug = factory.Sequence(lambda n: f"modul-{n}")
    number = factory.Sequence(lambda n: n + 1)
    summary = "Kort om modulen."
    lecturer_guide = "<p>HEMMELIG-FORELESERVEILEDNING</p>"
    body = factory.LazyFunction(
        lambda: [
            {"type": "text", "value": "<p>Barn lærer språk i lek.</p>"},
            {
                "type": "callout",
                "value": {
                    "kind": "help",
                    "heading": "Hjelp",
                    "text": "<p>Ring 116 111.</p>",
                },
            },
            {
                "type": "discussion_questions",
                "value": {"heading": "", "questions": ["Hva tenker du?"]},
            },
            {
                "type": "reflection_prompt",
                "value": {"prompt": "Hva tar du med deg?", "guidance": ""},
            },
        ]
    )
    learning_goals = factory.LazyFunction(
        lambda: [{"type": "goal", "value": "Du kan forklare språkutvikling."}]
    )

    class Meta:
        model = ModulePage
