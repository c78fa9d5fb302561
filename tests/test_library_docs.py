"""The examples in docs/python.md run, in order, in an empty folder (as a reader would run them)."""
from __future__ import annotations

import re
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "python.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


def blocks() -> list[str]:
    return BLOCK.findall(DOC.read_text(encoding="utf-8"))


def test_the_doc_has_examples_for_every_entry_point():
    code = "\n".join(blocks())
    for name in ("dragoman.load(", "analyzer(", "analyzer.pipe(", "dragoman.analyze_paths(", "dragoman.open_store(",
                 "dragoman.to_frame(", "dragoman.to_dicts(", 'add_pipe("dragoman_events")', "dragoman.InputError"):
        assert name in code, name


def test_the_examples_run(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DRAGOMAN_DB", raising=False)
    namespace: dict = {"__name__": "docs_python"}
    for n, code in enumerate(blocks()):
        exec(compile(code, f"{DOC.name} example {n + 1}", "exec"), namespace)
    printed = capsys.readouterr().out
    # what the examples print is what the text says they do
    assert "Kari Vollan" in printed
    assert "failed: wire-2" in printed
    assert "wire-3 not_english 0 events" in printed
    assert "1 analysed, 1 stored" in printed
    assert "empty.txt" in printed and "already stored" in printed
    assert "[D101]" in printed
    assert "dragoman_actors" in printed and "dragoman_quotes" in printed
    assert namespace["summary"].failed and namespace["again"].stored == 0


def test_the_readme_example_runs(capsys):
    readme = DOC.parent.parent / "README.md"
    example = BLOCK.findall(readme.read_text(encoding="utf-8"))[0]
    exec(compile(example, "README.md example", "exec"), {"__name__": "readme"})
    assert "the talks would resume in May" in capsys.readouterr().out
