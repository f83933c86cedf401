"""The engine's layout holds (DESIGN.md, "Layout inside the apps").

Dependencies run one way: views/admin/templatetags -> ui -> domain services
-> permissions/models; lms never imports courses or cms; templatetags and
models never import views; domain code never imports tasks (it sends
lms.events). And no import cycle hides behind imports inside functions:
every module imports in a fresh interpreter, in several orders.
"""

import ast
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LMS = ROOT / "lms"


def lms_modules():
    names = []
    for path in sorted(LMS.rglob("*.py")):
        relative = path.relative_to(ROOT).with_suffix("")
        if "migrations" in relative.parts or "management" in relative.parts:
            continue
        parts = list(relative.parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against this package
                base = module.split(".")[: -node.level]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.add(name)
            found.update(f"{name}.{alias.name}" for alias in node.names)
    return found


def files_under(*folders):
    for folder in folders:
        yield from (p for p in (LMS / folder).rglob("*.py") if p.exists())


def offenders(paths, forbidden):
    bad = []
    for path in paths:
        for name in imports_of(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                bad.append(f"{path.relative_to(ROOT)} imports {name}")
    return bad


def test_lms_never_imports_courses_or_cms():
    paths = [p for p in LMS.rglob("*.py") if "migrations" not in p.parts]
    assert offenders(paths, ["courses", "cms"]) == []


def test_templatetags_and_models_never_import_views():
    paths = [*files_under("templatetags", "models")]
    assert offenders(paths, ["lms.views", "lms.admin"]) == []


def test_view_models_never_import_views_or_the_admin():
    assert offenders(files_under("ui"), ["lms.views", "lms.admin"]) == []


def test_domain_code_never_imports_the_layers_above_it_or_tasks():
    above = ["lms.views", "lms.admin", "lms.ui", "lms.templatetags", "lms.tasks"]
    domain = [
        p
        for p in LMS.glob("*.py")
        if p.stem not in {"tasks", "urls", "wagtail_hooks", "middleware", "apps"}
    ]
    domain += [*files_under("permissions", "models", "h5p", "diplomas")]
    assert offenders(domain, above) == []


def test_permissions_depend_only_on_models_and_choices():
    allowed = ("lms.permissions", "lms.models", "lms.choices")
    bad = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in files_under("permissions")
        for name in imports_of(path)
        if name.startswith("lms") and not name.startswith(allowed)
    ]
    assert bad == []


def import_in_fresh_interpreter(order):
    code = (
        "import django, importlib, os\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'cms.settings.test')\n"
        "django.setup()\n"
        f"for name in {order!r}:\n"
        "    importlib.import_module(name)\n"
    )
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("seed", ["sorted", "reversed", 1, 2, 3])
def test_every_module_imports_in_a_fresh_interpreter_in_any_order(seed):
    order = lms_modules()
    if seed == "reversed":
        order.reverse()
    elif seed != "sorted":
        random.Random(seed).shuffle(order)  # noqa: S311 (an order, not a secret)
    result = import_in_fresh_interpreter(order)
    assert result.returncode == 0, result.stderr[-2000:]
