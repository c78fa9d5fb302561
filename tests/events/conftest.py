import pytest


@pytest.fixture(scope="session")
def nlp():
    from dragoman.nlp import load_base_nlp

    return load_base_nlp()


@pytest.fixture(scope="session")
def pipeline_nlp():
    """The analysis pipeline's own parser, with the gazetteer that names collectives."""
    from dragoman.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def dictionary():
    from dragoman.actors.dictionary import ActorDictionary

    return ActorDictionary.load(None)
