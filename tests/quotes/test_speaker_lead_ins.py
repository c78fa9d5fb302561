"""Speakers named before the quote, in a lead-in of their own (issue 10, items 1 and 4), on
invented text."""
from nlp_helpers import analyze, quote_starting

RALLY = ("Town hall in Marlow County\n\n"
         "The moderators spent the evening asking the two candidates about their old feuds rather "
         "than about their plans for the county's roads.\n\n"
         "Councilwoman Dana Whitlock grew impatient with the format. Whitlock answered them:\n\n"
         '"These questions tell the people watching at home that nobody here cares about the bridge."\n\n'
         "Retired teacher Owen Prestley echoed:\n\n"
         '"She speaks her mind, and I think that is exactly what this county needs right now."\n')


def speaker_name(article, words):
    q = quote_starting(article, words)
    assert q is not None, [x.text for x in article.quotes]
    return q.speaker.name if q.speaker is not None else None


def test_a_paragraph_ending_in_a_colon_names_the_speaker_of_the_next_one():
    a = analyze(RALLY, date="2016-05-01")
    assert speaker_name(a, "These questions tell the people") == "Dana Whitlock"
    assert speaker_name(a, "She speaks her mind") == "Owen Prestley"


LEAD_INS = ("Dispute over the river port\n\n"
            "The county board spent the spring arguing with the growers about who should pay to dredge "
            "the old river port before the harvest.\n\n"
            "The Valley Courier printed the same charges against the growers in March, and the Marlow "
            "Growers Association responded:\n\n"
            '"If there are members of this association who want to sell their land, they have every right '
            'to do so."\n\n'
            "When the old harbour master died in 2009, Governor Ilse Varga released the following statement:\n\n"
            '"Today we mourn with his widow and his crews; he kept this harbour working through hard years."\n\n'
            "Varga's change of heart does not surprise the pollster Tomas Brandt: "
            '"Historically, boards like this one give way just before a harvest."\n\n'
            "Orla Hent, whose seed firm supplies half the valley, said Governor Varga was a leader very much "
            'in the spirit of the growers: "She is a start-up kind of person with a lot of ideas."\n')


def test_the_subject_of_the_verb_a_lead_in_colon_closes_is_the_speaker():
    a = analyze(LEAD_INS, date="2016-05-01")
    assert speaker_name(a, "If there are members of this association") == "Marlow Growers Association"
    assert speaker_name(a, "Today we mourn with his widow") == "Ilse Varga"


def test_the_lead_in_of_a_reported_clause_is_the_reporter_s():
    a = analyze(LEAD_INS, date="2016-05-01")
    assert speaker_name(a, "She is a start-up kind of person") == "Orla Hent"


def test_a_lead_in_whose_verb_is_no_verb_of_saying_does_not_make_its_subject_the_speaker():
    a = analyze(LEAD_INS, date="2016-05-01")
    said = [q for q in a.quotes if q.text.startswith("Historically, boards like this")]
    assert not said or said[0].speaker is None or "Varga" not in said[0].speaker.name


def test_it_after_a_statement_is_whoever_issued_the_statement_not_a_country_it_named():
    a = analyze("Kurdish party denounces shelling\n\n"
                "The Patriotic Union of Kurdistan put out a statement late on Friday denouncing the shelling "
                "of two villages near the mountain border.\n\n"
                "The statement urged the federal government to defend the border villages and to review its "
                "oil deals with Turkey.\n\n"
                "It also urged the regional authorities to do far more to shelter the families who had fled "
                "the villages.", date="2022-07-21")
    q = quote_starting(a, "do far more to shelter the families")
    assert q is not None and q.speaker is not None
    assert q.speaker.actor is not None and q.speaker.actor.code != "TUR"
    assert q.speaker.name == "Patriotic Union of Kurdistan"


PORT = ("Court fight over the port\n\n"
        "The harbour board met on Monday to hear the case against the mayor, who is running again.\n\n"
        '"She has to bring a bold plan that fits the scale of the trouble this harbour is in," '
        "said Robert Quayle, who served as port director during the last decade and endorsed her rival.\n\n"
        '"Is the mayor running against her own party in this town?" asked Mr. Dunmore, referring to '
        "the long feud over the harbour.\n")


def test_a_name_after_an_inverted_verb_of_saying_speaks_whatever_the_parse_made_of_it():
    a = analyze(PORT, date="2016-05-01")
    assert speaker_name(a, "She has to bring a bold plan") == "Robert Quayle"
    assert speaker_name(a, "Is the mayor running against") == "Dunmore"


def test_a_name_glued_to_a_colon_and_a_quote_mark_is_the_whole_name():
    a = analyze("Harbour vote delayed\n\n"
                "The harbour vote was put off again on Monday after a long quarrel in the assembly over what "
                "dredging would cost.\n\n"
                'Senator Hillary Rodham Clinton:"Our channel got dredged every spring for thirty years '
                'and nobody ever complained."\n\n'
                "The assembly meets again on Thursday to take up the dredging bill.", date="2016-05-01")
    assert speaker_name(a, "Our channel got dredged") == "Hillary Clinton"
