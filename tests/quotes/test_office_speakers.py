"""A holder's office as a speaker: "Modi's office said", "the president's office said" speak for
the holder's government, named as the article names the office."""
from nlp_helpers import analyze, quote_starting


def speaker_of(article, words):
    q = quote_starting(article, words)
    assert q is not None and q.speaker is not None, [x.text for x in article.quotes]
    return q.speaker


def test_a_named_leaders_office_is_the_government():
    a = analyze("NEW DELHI - Narendra Modi's office said on Friday that the prime minister would skip the summit "
                "to tour the flooded districts.", date="2024-08-02")
    speaker = speaker_of(a, "the prime minister would skip")
    assert speaker.actor is not None and speaker.actor.code == "IND GOV"
    assert "office" in speaker.name


def test_the_office_of_a_role_named_before_is_its_holders_government():
    a = analyze("Prime Minister Narendra Modi met farmers' unions on Tuesday.\n\n"
                "The prime minister's office said later that a new price scheme would be announced within weeks.",
                date="2024-08-02")
    speaker = speaker_of(a, "a new price scheme")
    assert speaker.actor is not None and speaker.actor.code == "IND GOV"


def test_the_office_of_someone_unknown_stays_unresolved():
    a = analyze("Tomas Velden's office said on Monday that the councillor would not seek another term.",
                date="2024-08-02")
    speaker = speaker_of(a, "the councillor would not")
    assert speaker.actor is None and speaker.name == "Tomas Velden's office"
