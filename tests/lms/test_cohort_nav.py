"""The cohort's staff navigation links to its completion page and its
interactive-exercise results for the staff who may open them."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

pytestmark = pytest.mark.django_db


def nav(user, cohort, current=""):
    request = RequestFactory().get("/")
    request.user = user
    template = Template(
        '{% include "lms/staff/_cohort_nav.html" with current=current %}'
    )
    return template.render(
        Context(
            {"request": request, "user": user, "cohort": cohort, "current": current}
        )
    )


@pytest.mark.parametrize("who", ["coordinator", "supervisor"])
def test_staff_of_the_cohort_get_both_links(cohort_with_sessions, who):
    w = cohort_with_sessions
    html = nav(getattr(w, who), w.cohort)
    completion = reverse("lms:cohort_completion", args=[w.cohort.pk])
    results = reverse("lms:h5p_results", args=[w.cohort.pk])
    assert f'href="{completion}"' in html
    assert f'href="{results}"' in html
    assert "aria-current" not in html


def test_the_current_page_is_marked(cohort_with_sessions):
    w = cohort_with_sessions
    html = nav(w.coordinator, w.cohort, current="completion")
    assert 'data-nav="completion" aria-current="page"' in html
    html = nav(w.coordinator, w.cohort, current="h5p_results")
    assert 'data-nav="h5p-results" aria-current="page"' in html


def test_others_do_not_get_them(cohort_with_sessions):
    w = cohort_with_sessions
    html = nav(w.lecturer, w.cohort)
    assert "completion" not in html
    assert reverse("lms:h5p_results", args=[w.cohort.pk]) not in html


def test_the_overview_page_shows_them(cohort_with_sessions, client):
    w = cohort_with_sessions
    client.force_login(w.coordinator)
    page = client.get(reverse("lms:cohort_overview", args=[w.cohort.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert reverse("lms:cohort_completion", args=[w.cohort.pk]) in body
    assert reverse("lms:h5p_results", args=[w.cohort.pk]) in body


@pytest.mark.parametrize(
    "view,marker",
    [
        ("lms:cohort_completion", 'data-nav="completion" aria-current="page"'),
        ("lms:h5p_results", 'data-nav="h5p-results" aria-current="page"'),
    ],
)
def test_the_completion_and_exercise_pages_carry_the_nav_marked_as_current(
    cohort_with_sessions, client, view, marker
):
    """From either page she reaches the overview and the other one in a tap."""
    w = cohort_with_sessions
    client.force_login(w.coordinator)
    page = client.get(reverse(view, args=[w.cohort.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert marker in body
    assert f'href="{reverse("lms:cohort_overview", args=[w.cohort.pk])}"' in body
