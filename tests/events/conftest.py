import pytest


@pytest.fixture(scope="session")
def nlp():
    from dragoman.nlp import load_base_nlp

    return load_base_nlp()
