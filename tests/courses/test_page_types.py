"""What may be created where in the curriculum tree."""

import pytest
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import CourseIndexPage, CoursePage, ModulePage

pytestmark = pytest.mark.django_db


def test_course_goes_under_course_index_only(home, build_course):
    course, modules = build_course(modules=1)
    assert CoursePage.can_create_at(home)
    assert not CoursePage.can_create_at(course)
    assert not CoursePage.can_create_at(modules[0])
    assert not CoursePage.can_create_at(Page.get_first_root_node())


def test_module_goes_under_course_only(home, build_course):
    course, modules = build_course(modules=1)
    assert ModulePage.can_create_at(course)
    assert not ModulePage.can_create_at(home)
    assert not ModulePage.can_create_at(modules[0])


def test_module_has_no_children_and_index_only_courses(home, build_course):
    assert ModulePage.allowed_subpage_models() == []
    assert CourseIndexPage.allowed_subpage_models() == [CoursePage]
    assert CoursePage.allowed_subpage_models() == [ModulePage]


def test_one_course_index_per_parent(home):
    root = Page.get_first_root_node()
    assert not CourseIndexPage.can_create_at(root)


def test_editor_creates_a_module_in_the_admin(client, admin_user, build_course):
    course, _ = build_course(modules=0)
    client.force_login(admin_user)
    data = nested_form_data(
        {
            "title": "Barns utvikling",
            "slug": "barns-utvikling",
            "number": 2,
            "duration_minutes": 210,
            "summary": "Om språk og lek.",
            "learning_goals": streamfield([("goal", "Forklare språkutvikling")]),
            "body": streamfield(
                [
                    ("text", rich_text("<p>Lek er viktig.</p>")),
                    (
                        "reflection_prompt",
                        {"prompt": "Hva lærte du?", "guidance": ""},
                    ),
                ]
            ),
            "lecturer_guide": rich_text("<p>Snakk om lek.</p>"),
            "action-publish": "publish",
        }
    )
    response = client.post(
        f"/admin/pages/add/courses/modulepage/{course.pk}/", data, follow=False
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    module = ModulePage.objects.get(slug="barns-utvikling")
    assert module.get_parent().pk == course.pk
    assert module.live
    assert module.body[1].value["prompt"] == "Hva lærte du?"
