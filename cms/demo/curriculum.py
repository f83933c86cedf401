"""The demo curriculum, read from the YAML files in content/.

Each page tree is one file in the programme language, Norwegian bokmål:
``<name>.nb.yaml``. A translation is a file of its own, ``<name>.<lang>.yaml``,
holding only what is translated, keyed by module slug and body block id, so a
module is translated by adding it to that file and never moves. Rich text
(``text`` blocks, callout ``text``, ``intro``, lecturer guides) is HTML made of
block elements only (<p>, <h3>, <ul><li>), and a translation has exactly the
same sequence of block elements as the Norwegian, so the loader can pair them
segment by segment for wagtail-localize. An empty Norwegian string needs no
translation.

``home.nb.yaml``: the site's home page (a CourseIndexPage) and, under
``courses``, the names of the course files in the order they are built.

A course, ``<course>.nb.yaml``::

    slug: grunnopplaering            # the CoursePage's slug
    kind: base                       # base | continuing (lms.choices.CourseKind)
    prerequisites: [grunnopplaering] # slugs of courses whose diploma is required
    title: T
    audience: T
    intro: T_html
    diploma_wording: T
    modules:
      - number: 5
        slug: kvinnen
        title: T
        duration_minutes: 210
        summary: T                   # 1-2 sentences, plain text
        learning_goals: [T, ...]     # 3-5 short sentences
        body:                        # StreamField blocks, in order
          - {id: 0, type: text, text: T_html}
          - {id: 1, type: callout, kind: info|tip|important|help,
             heading: T, text: T_html}
          - {id: 2, type: discussion_questions, heading: T, questions: [T, ...]}
          - {id: 3, type: assignment, assignment: tre-samtaler}
          - {id: 4, type: reflection_prompt, prompt: T, guidance: T}
        lecturer_guide: T_html

A block's ``id`` is its key in the module (its Wagtail block id is derived
from the course slug, the module slug and it): never renumber, give a new
block a new id. ``heading`` and ``guidance``, ``audience`` and
``diploma_wording`` may be left out (empty).

Its translation, ``<course>.<lang>.yaml``::

    title: T
    audience: T
    intro: T_html
    diploma_wording: T
    modules:
      kvinnen:                       # module slug
        title: T
        summary: T
        learning_goals: [T, ...]     # as many, in the same order
        body:
          0: {text: T_html}          # block id: its translatable fields
          1: {heading: T, text: T_html}
          2: {heading: T, questions: [T, ...]}
          4: {prompt: T, guidance: T}
        lecturer_guide: T_html

``assignments.nb.yaml``: homework assignments (``lms`` snippets) by slug, with
their settings and report fields; ``assignments.<lang>.yaml`` translates them
by slug and report field ``key``.
"""

import copy
import functools
from pathlib import Path

import yaml

from cms.demo.localize import DemoError

CONTENT_DIR = Path(__file__).resolve().parent / "content"
SOURCE_LANGUAGE = "nb"


@functools.cache
def _read(path: Path):
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def read(name: str, language: str = SOURCE_LANGUAGE) -> dict:
    """The content of ``content/<name>.<language>.yaml`` (a fresh copy)."""
    return copy.deepcopy(_read(CONTENT_DIR / f"{name}.{language}.yaml"))


def translations(name: str) -> dict:
    """{language: translation} of every ``<name>.<lang>.yaml`` but the source."""
    found = {}
    for path in sorted(CONTENT_DIR.glob(f"{name}.*.yaml")):
        language = path.name[len(name) + 1 : -len(".yaml")]
        if "." not in language and language != SOURCE_LANGUAGE:
            found[language] = read(name, language)
    return found


def home() -> dict:
    return read("home")


def courses() -> list[tuple[str, dict]]:
    """(file name, course) of every course on the home page, in order."""
    return [(name, read(name)) for name in home()["courses"]]


def course(name: str) -> dict:
    return read(name)


def assignments() -> dict:
    return read("assignments")


def text(source, translation, key, where):
    """One field's text: the Norwegian in `source` when `translation` is None,
    else its translation. An empty Norwegian string needs none."""
    value = source.get(key, "")
    if translation is None:
        return value
    if key in translation:
        return translation[key]
    if value == "":
        return value
    raise DemoError(f"No translation of {where}/{key}: {value[:40]!r}")


def texts(source, translation, key, where):
    """A list of texts (learning goals, questions), translated item by item."""
    values = source.get(key, [])
    if translation is None:
        return list(values)
    translated = translation.get(key, [] if not values else None)
    if translated is None or len(translated) != len(values):
        raise DemoError(
            f"The translation of {where}/{key} needs {len(values)} items, in order"
        )
    return list(translated)
