"""README's Commands section documents every command and every option `--help` shows, with the
same choices, and nothing that `--help` does not know."""
from __future__ import annotations

import inspect
import re
from enum import Enum
from pathlib import Path
from typing import get_type_hints

import pytest
import typer
from typer.testing import CliRunner

from dragoman.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"
LONG_OPTION = re.compile(r"(?<![\w-])--[a-z][a-z-]*")


def commands(group=None, prefix=()) -> list[tuple[tuple[str, ...], object]]:
    group = group or typer.main.get_command(app)
    found = []
    for name in group.list_commands(None):
        command = group.get_command(None, name)
        if hasattr(command, "list_commands"):
            found += commands(command, (*prefix, name))
        else:
            found.append(((*prefix, name), command))
    return found


def readme_usage() -> dict[tuple[str, ...], str]:
    """The usage text of each command in the Commands section's code block (continuation lines included)."""
    section = README.read_text(encoding="utf-8").split("## Commands\n", 1)[1].split("\n## ", 1)[0]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    usage: dict[tuple[str, ...], str] = {}
    current = None
    for line in block.splitlines():
        if line.startswith("dragoman "):
            words = [w for w in line.split()[1:3] if re.fullmatch(r"[a-z]+", w)]
            current = tuple(words)
            usage[current] = line
        elif current is not None:
            usage[current] += " " + line.strip()
    # "dragoman sources add URL" names the command ("sources", "add"); "dragoman dyad A B" only "dyad"
    names = {path for path, _ in commands()}
    return {next((k[:n] for n in (2, 1) if k[:n] in names), k): v for k, v in usage.items()}


def help_options(path: tuple[str, ...]) -> set[str]:
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": "240", "TERMINAL_WIDTH": "240"},
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return set(LONG_OPTION.findall(result.output)) - {"--help"}


def test_every_command_is_in_readme():
    documented = set(readme_usage())
    assert {path for path, _ in commands()} == documented


@pytest.mark.parametrize("path", [p for p, _ in commands()], ids=lambda p: " ".join(p))
def test_readme_lists_the_options_help_shows(path):
    usage = readme_usage()[path]
    assert set(LONG_OPTION.findall(usage)) == help_options(path)


def enum_options(command) -> dict[str, set[str]]:
    """The long option of every parameter typed as an Enum, and its choices."""
    hints = get_type_hints(command.callback)
    found = {}
    for name, parameter in inspect.signature(command.callback).parameters.items():
        kind = hints.get(name)
        decls = getattr(parameter.default, "param_decls", None) or ()
        long = [d for d in decls if d.startswith("--")]
        if isinstance(kind, type) and issubclass(kind, Enum) and long:
            found[long[0]] = {e.value for e in kind}
    return found


@pytest.mark.parametrize("path,command", commands(), ids=lambda p: " ".join(p) if isinstance(p, tuple) else "")
def test_readme_lists_each_options_choices(path, command):
    usage = readme_usage()[path]
    for option, choices in enum_options(command).items():
        shown = re.search(re.escape(option) + r"[ =]([a-z|]+)", usage)
        assert shown, f"{option}: README shows no choices"
        assert set(shown.group(1).split("|")) == choices, option


def test_format_options_are_enums():
    """Every --format is a closed set of choices, so a wrong one is a usage error."""
    for path, command in commands():
        if any("--format" in p.opts for p in command.params):
            assert "--format" in enum_options(command), " ".join(path)
