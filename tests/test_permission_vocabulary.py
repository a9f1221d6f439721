"""One permission vocabulary (issue 15, point 4), read from the source so a new module keeps to it.

- ``can_*`` in an app's ``permissions`` module takes the view's resolved ``membership``; only questions an
  organisation admin asks from outside a workplace take the user.
- The member, contributor and leader checks are written once, in ``organisations/permissions.py``.
- Every ``access_*`` selector raises 404 itself, so no view checks its result for None.
- Templates ask questions (``idea.is_merged``, ``can_lead``) instead of comparing a model's field with a
  string literal.
"""

import ast
import inspect
import re
from pathlib import Path

import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent / "frontloeber"
# Asked of the organisation by its admins, who need no membership of the workplace.
ASKED_BY_USER = {"can_manage_people", "can_edit_workplace", "can_administer"}
WRITTEN_ONCE = {"membership_of", "require_contributor", "require_leader", "is_contributor", "is_leader"}
OLD_WORDS = (
    "_require_contributor",
    "_is_contributor",
    "require_workplace_leader",
    "require_organisation_admin",
)


def sources():
    return [
        path for path in ROOT.rglob("*.py") if "migrations" not in path.parts and "tests" not in path.parts
    ]


def functions(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)]


def permission_modules():
    return [
        ROOT / config.label / "permissions.py"
        for config in apps.get_app_configs()
        if config.name.startswith("frontloeber.") and (ROOT / config.label / "permissions.py").exists()
    ]


def test_every_apps_can_questions_take_the_membership():
    modules = permission_modules()
    assert len(modules) >= 5
    wrong = []
    for path in modules:
        for function in functions(path):
            if not function.name.startswith("can_") or function.name in ASKED_BY_USER:
                continue
            names = [arg.arg for arg in function.args.kwonlyargs]
            if "membership" not in names or "user" in names:
                wrong.append(f"{path.relative_to(ROOT)}:{function.name}({', '.join(names)})")
    assert wrong == []


def test_member_contributor_and_leader_checks_are_written_once():
    defined = {}
    for path in sources():
        for function in functions(path):
            if function.name in WRITTEN_ONCE:
                defined.setdefault(function.name, []).append(str(path.relative_to(ROOT)))
        text = path.read_text(encoding="utf-8")
        assert not [word for word in OLD_WORDS if re.search(rf"\b{word}\b", text)], path
    assert defined == {name: ["organisations/permissions.py"] for name in WRITTEN_ONCE}


def raises_404(function, source):
    body = ast.get_source_segment(source, function)
    return any(word in body for word in ("one_or_404(", "Http404", "get_object_or_404(")) or bool(
        re.search(r"\baccess_\w+\(", body.split(":", 1)[1])
    )


def test_every_access_selector_raises_404_itself():
    found, quiet = [], []
    for path in sources():
        source = path.read_text(encoding="utf-8")
        for function in functions(path):
            if function.name.startswith("access_"):
                found.append(function.name)
                if not raises_404(function, source):
                    quiet.append(f"{path.relative_to(ROOT)}:{function.name}")
    assert len(found) >= 20
    assert quiet == []


def test_no_view_checks_an_access_selector_for_none():
    pattern = re.compile(r"(\w+) = [\w.]*access_\w+\([^\n]*\)\n\s+if \1 is None")
    checked = [
        f"{path.relative_to(ROOT)}: {match.group(0).splitlines()[0].strip()}"
        for path in sources()
        if "views" in path.name or "views" in path.parts
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
    ]
    assert checked == []


# A dotted name compared with a string literal in {% if %} / {% elif %}. A form's own field names, the values
# of its radio buttons and a message's level are how a page is drawn, not a rule of the product.
TEMPLATE_COMPARISON = re.compile(r"{%\s*(?:el)?if\b[^%]*?\b([a-z_]+(?:\.[a-z_]+)+)\s*[!=]=\s*[\"']")
DRAWING_A_PAGE = {"field.name", "radio.data.value", "message.tags"}


def test_no_template_compares_a_models_field_with_a_string():
    found = []
    for path in ROOT.rglob("*.html"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in TEMPLATE_COMPARISON.finditer(line):
                if match.group(1) not in DRAWING_A_PAGE:
                    found.append(f"{path.relative_to(ROOT)}:{number}: {match.group(1)}")
    assert found == []


@pytest.mark.parametrize(
    "model_label, field",
    [
        ("ideas.Idea", "status"),
        ("ideas.IdeaEvent", "kind"),
        ("experiments.Experiment", "state"),
        ("experiments.AdoptionPlan", "state"),
        ("workshops.WorkshopSession", "state"),
        ("workshops.SessionOutput", "kind"),
        ("actions.ActionItem", "status"),
        ("organisations.Membership", "role"),
    ],
)
def test_the_questions_templates_ask_follow_the_enum(model_label, field):
    model = apps.get_model(model_label)
    choices = model._meta.get_field(field).choices
    instance = model()
    for value, _label in choices:
        setattr(instance, field, value)
        asked = {name for name, _ in inspect.getmembers(type(instance)) if name.startswith("is_")}
        assert getattr(instance, f"is_{value}") is True
        assert all(getattr(instance, f"is_{other}") is False for other, _ in choices if other != value)
        assert f"is_{value}" in asked
