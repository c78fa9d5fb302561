"""Abbreviated ranks before a name (Supt., Insp., Brig.) neither end the sentence nor stay in the
speaker's name."""
import pytest

from nlp_helpers import analyze, quote_starting

CASES = [
    ("\"The roads will reopen by Friday,\" said Supt. Marisol Vega of the highway police. \"Drive slowly.\"",
     "The roads will reopen", "Marisol Vega"),
    ("\"Two suspects are in custody,\" Insp. Daniel Otieno told reporters in Kisumu.",
     "Two suspects are in custody", "Daniel Otieno"),
    ("\"The patrol came under fire at dawn,\" said Cpl. Joseph Mwangi, who was wounded in the leg.",
     "The patrol came under fire", "Joseph Mwangi"),
]


@pytest.mark.parametrize("text, start, speaker", CASES)
def test_the_rank_is_no_part_of_the_name(text, start, speaker):
    q = quote_starting(analyze(text, date="2024-06-10"), start)
    assert q is not None and q.speaker is not None and q.speaker.name == speaker
