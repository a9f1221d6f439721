"""The apps are layers (pyproject's [tool.importlinter], README "Layers"): a lower app never imports a higher
one, not even inside a function."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(*args):
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_no_app_imports_a_higher_one():
    result = _lint()
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_upward_import_inside_a_function_breaks_the_contract(tmp_path):
    # A copy of the contract over a package with one upward import hidden in a function must fail, so a
    # passing run above means something.
    package = tmp_path / "layered"
    (package / "low").mkdir(parents=True)
    (package / "high").mkdir()
    (package / "__init__.py").write_text("")
    (package / "high" / "__init__.py").write_text("")
    (package / "low" / "__init__.py").write_text("def helper():\n    from layered.high import thing\n")
    (package / "high" / "thing.py").write_text("")
    config = tmp_path / "contracts.toml"
    config.write_text(
        '[tool.importlinter]\nroot_package = "layered"\n\n[[tool.importlinter.contracts]]\n'
        'name = "layers"\ntype = "layers"\nlayers = ["layered.high", "layered.low"]\n'
    )
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(config)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(tmp_path), "PATH": ""},
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "layered.low -> layered.high" in result.stdout


def _layer_of():
    """{app label: its layer's index, 0 the lowest}, from the same contract as the imports."""
    import tomllib

    from django.apps import apps

    layers = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"][0][
        "layers"
    ]
    rank = {}
    for index, layer in enumerate(reversed(layers)):
        for module in layer.split("|"):
            rank[module.strip()] = index
    return {config.label: rank[config.name] for config in apps.get_app_configs() if config.name in rank}


def test_no_model_points_at_a_higher_apps_model():
    # A foreign key is a dependency too: the lower app's table and migrations would need the higher one's.
    from django.apps import apps

    layer = _layer_of()
    upward = [
        f"{model._meta.label}.{field.name} -> {field.related_model._meta.label}"
        for model in apps.get_models()
        if model._meta.app_label in layer
        for field in model._meta.get_fields(include_hidden=True)
        if field.is_relation
        and field.concrete
        and field.related_model is not None
        and field.related_model._meta.app_label in layer
        and layer[field.related_model._meta.app_label] > layer[model._meta.app_label]
    ]
    assert upward == []
