"""'The minister, asked about the strikes, said ...': the one asked is the speaker, and what
follows the verb of saying is what was said."""
import pytest

from nlp_helpers import analyze, quote_starting

CASES = [
    ("Interior Minister Carla Duarte, asked about the prison riots, said extra guards would be sent "
     "to the northern jails.", "extra guards would be sent", "Carla Duarte"),
    ("Defence Minister Iván Roldán, asked about the attacks, said security forces would stay on alert.",
     "security forces would stay", "Iván Roldán"),
    ("The mayor, pressed on the budget gap, said the city would sell two of its office buildings.",
     "the city would sell", "mayor"),
]


@pytest.mark.parametrize("text, start, speaker", CASES)
def test_the_one_asked_says_what_follows(text, start, speaker):
    a = analyze(text, date="2024-06-10")
    q = quote_starting(a, start)
    assert q is not None and q.speaker is not None, [(x.text, x.speaker) for x in a.quotes]
    assert q.speaker.name.endswith(speaker)
    assert "asked" not in q.text and "pressed" not in q.text
