"""Serving pages with the tree remembered (lms.treecache, cms.routing): no
tree queries while nothing changes, and every change seen on the next
request, in this process or another."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from lms import treecache
from lms.models import TreeVersion
from tests.factories.courses import ModulePageFactory

pytestmark = pytest.mark.django_db


def page_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    tree = [q["sql"] for q in ctx.captured_queries if "wagtailcore_page" in q["sql"]]
    return response, tree


def test_a_module_page_is_served_with_no_tree_query_while_nothing_changes(
    client, build_course
):
    _course, pages = build_course(modules=4)
    response, tree = page_queries(client, pages[1].url)
    assert response.status_code == 200
    assert tree == []


def test_a_published_title_shows_on_the_next_request(client, build_course):
    _course, pages = build_course(modules=3)
    client.get(pages[0].url)
    client.get(pages[1].url)
    pages[1].title = "Helse for kvinner"
    pages[1].save_revision().publish()
    assert "Helse for kvinner" in client.get(pages[1].url).content.decode()
    # ... and in the neighbour's "next module" link.
    assert "Helse for kvinner" in client.get(pages[0].url).content.decode()


def test_a_change_made_by_another_process_is_seen_through_the_version(
    client, build_course
):
    """Another process changes the tree and the version row; this process's
    memory is not told, and must not serve what it remembered."""
    _course, pages = build_course(modules=2)
    assert client.get(pages[0].url).status_code == 200
    Page.objects.filter(pk=pages[0].pk).update(title="Endret et annet sted")
    TreeVersion.objects.update(token="changed-elsewhere")
    assert "Endret et annet sted" in client.get(pages[0].url).content.decode()


def test_an_unpublished_module_is_gone_at_once_and_the_count_follows(
    client, build_course
):
    _course, pages = build_course(modules=3)
    assert client.get(pages[2].url).status_code == 200
    pages[2].unpublish()
    assert client.get(pages[2].url).status_code == 404
    body = client.get(pages[1].url).content.decode()
    assert pages[2].title not in body


def test_a_new_module_is_found_and_linked(client, build_course):
    course, pages = build_course(modules=2)
    assert client.get(pages[1].url).status_code == 200
    new = ModulePageFactory(parent=course, number=3, slug="modul-3", title="Vold")
    assert client.get(new.url).status_code == 200
    assert "Vold" in client.get(pages[1].url).content.decode()


def test_a_view_restriction_added_later_holds_at_once(client, build_course):
    course, pages = build_course(modules=2)
    assert client.get(pages[0].url).status_code == 200
    PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(pages[0].url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_odd_addresses_do_not_fill_the_memory(client, build_course, monkeypatch):
    monkeypatch.setattr(treecache, "MAX_ENTRIES", 50)
    build_course(modules=1)
    for n in range(120):
        assert client.get(f"/nb/finnes-ikke-{n}/").status_code == 404
    assert len(treecache._memory) <= 50


def test_an_edited_lesson_text_shows_once_published_and_not_before(
    client, build_course
):
    _course, pages = build_course(modules=1)
    page = pages[0]
    page.body = [{"type": "text", "value": "<p>Første tekst</p>"}]
    page.save_revision().publish()
    assert "Første tekst" in client.get(page.url).content.decode()
    block_id = page.body[0].id
    page.body = [{"type": "text", "value": "<p>Ny tekst</p>", "id": block_id}]
    page.save_revision()  # a draft: readers still see the published text
    assert "Første tekst" in client.get(page.url).content.decode()
    page.get_latest_revision().publish()
    body = client.get(page.url).content.decode()
    assert "Ny tekst" in body and "Første tekst" not in body
