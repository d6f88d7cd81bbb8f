"""The maintainer's checks: ruff and mypy (settings in pyproject.toml) are clean, pinned, and run by CI before
the tests, with the README's test command."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

BIN = Path(sys.executable).parent  # the venv the suite runs in: requirements-dev.txt installs ruff and mypy there
CHECKS = [["ruff", "check", "."], ["ruff", "format", "--check", "."], ["mypy"]]


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.search(r"^\*\*Run the whole test suite:\*\*\n\n```sh\n(.+)\n```", readme, re.M).group(1)


@pytest.mark.parametrize("command", CHECKS, ids=" ".join)
def test_the_code_passes_the_check(command):
    done = subprocess.run([str(BIN / command[0]), *command[1:]], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ci_runs_the_readme_test_command():
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert readme_test_command() in lines


def test_the_test_command_lints_and_type_checks_before_the_tests():
    steps = [step.strip() for step in readme_test_command().split("&&")]
    assert steps.index(".venv/bin/pip install -q -r requirements-dev.txt") < steps.index(".venv/bin/ruff check .")
    assert steps[-4:] == [
        ".venv/bin/ruff check .",
        ".venv/bin/ruff format --check .",
        ".venv/bin/mypy",
        ".venv/bin/python -m pytest -q -n 2 --durations=25",
    ]


def test_ruff_and_mypy_are_pinned_in_requirements_dev():
    pins = dict(
        line.split("==", 1)
        for line in (ROOT / "requirements-dev.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line
    )
    assert re.fullmatch(r"\d+(\.\d+)+", pins.get("ruff", ""))
    assert re.fullmatch(r"\d+(\.\d+)+", pins.get("mypy", ""))
