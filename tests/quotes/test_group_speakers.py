"""'The group said' speaks for the organisation named last before it (not an outlet, nor the
platform a statement was posted on)."""
from nlp_helpers import analyze, quote_starting


def speaker_of(article, words):
    q = quote_starting(article, words)
    assert q is not None and q.speaker is not None, [(x.text, x.speaker) for x in article.quotes]
    return q.speaker


def test_the_group_is_the_organisation_named_before():
    a = analyze("The Delta Mangrove Alliance filed a complaint against the oil terminal on Monday, "
                "Reuters reported.\n\n"
                "In a statement posted on Facebook, the group said the spill had reached three fishing villages.",
                date="2024-06-10")
    speaker = speaker_of(a, "the spill had reached")
    assert speaker.name == "Delta Mangrove Alliance"


def test_the_group_with_no_organisation_named_before_stays_as_written():
    a = analyze("Farmers blocked the highway for a third day.\n\n"
                "The group said it would stay until the minister came to meet them.", date="2024-06-10")
    assert speaker_of(a, "it would stay").name == "group"


def test_the_militant_group_named_earlier_in_the_sentence():
    a = analyze("The army accused the Delta Liberation Front of attacking a pipeline on Friday, while the armed "
                "group said soldiers had fired first.", date="2024-06-10")
    assert speaker_of(a, "soldiers had fired first").name == "Delta Liberation Front"
