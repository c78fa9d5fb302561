"""More reporting constructions on invented texts: 'told / warned X to', an attribution closing
the sentence, a clause after a semicolon."""
import pytest

from nlp_helpers import analyze, quote_starting


def test_told_and_warned_someone_to_do():
    a = analyze("Mayor Hal Renner told his aides to find a way to cut the deficit without new taxes.\n\n"
                "Last month, the state agency warned county clerks to tighten their election security.",
                date="2024-10-02")
    q = quote_starting(a, "find a way to cut the deficit")
    assert q.speaker is not None and q.speaker.name == "Hal Renner"
    assert quote_starting(a, "tighten their election security").cue == "warned"


def test_an_attribution_closing_the_sentence_reports_all_before_it():
    a = analyze("The county could adopt a cleaner power plan next year, but only if the board is convinced it "
                "saves money, Sen. Nora Vell (D-Ore.) told The Valley Ledger on Thursday.", date="2024-10-02")
    q = quote_starting(a, "The county could adopt")
    assert q.text.endswith("convinced it saves money")
    assert q.speaker is not None and q.speaker.name == "Nora Vell"


def test_what_follows_the_verb_is_said_not_the_clause_before_a_semicolon():
    a = analyze("It is an unlikely outcome; her campaign says she will resume her tour later this week.",
                date="2024-10-02")
    assert quote_starting(a, "she will resume her tour").text.startswith("she will resume")
    assert not [q for q in a.quotes if "unlikely outcome" in q.text]


def test_a_verb_of_saying_inside_the_reported_clause_is_no_attribution():
    a = analyze("Senator Ruth Dalby told the town hall that she believes we must continue to fund the rural "
                "clinics that keep the valley alive.", date="2016-09-20")
    assert [q.cue for q in a.quotes] == ["told"]
    assert quote_starting(a, "she believes").speaker.name == "Ruth Dalby"


def test_an_accusation_in_quotes_is_the_charge_not_the_one_charged():
    a = analyze("The opposition accused the mayor, Ivo Lanting, of \"reckless spending.\" Council members said "
                "the audit was overdue.", date="2016-09-20")
    q = quote_starting(a, "reckless spending")
    assert q.cue == "accused" and "Lanting" not in q.text


def test_a_statement_after_a_directive_is_a_quote_of_its_own():
    a = analyze("Mayor Lise Okonkwo urged the strikers to return to the depot and repeatedly said, \"Nobody "
                "wins a long strike,\" before the talks resumed.", date="2016-09-20")
    q = quote_starting(a, "return to the depot")
    assert "Nobody" not in q.text
    assert quote_starting(a, "Nobody wins a long strike").kind == "direct"


def test_a_colon_after_the_attribution_opens_a_statement_of_its_own():
    a = analyze('The mayor will probably use the hearing to make some kind of announcement, Lorna Kell said: '
                '"I feel like she has a surprise ready."', date="2016-09-20")
    assert quote_starting(a, "The mayor will probably").text.endswith("some kind of announcement")
    q = quote_starting(a, "I feel like")
    assert q.kind == "direct" and q.speaker.name == "Lorna Kell" and "mayor" not in q.text


@pytest.mark.parametrize("text, question, speaker", [
    ("At the diner, Senator Ada Brenn asked the dairy farmers if the new quota had cut their herds.",
     "if the new quota had cut their herds", "Ada Brenn"),
    ("Councillor Tomas Rieke asked whether the county could afford a second bridge over the river.",
     "whether the county could afford a second bridge over the river", "Tomas Rieke"),
])
def test_the_question_someone_asked_is_what_they_said(text, question, speaker):
    q = quote_starting(analyze(text, date="2024-10-02"), question[:12])
    assert q.text == question
    assert q.speaker is not None and q.speaker.name == speaker


def test_a_condition_after_a_verb_of_asking_is_no_question():
    a = analyze("Lena Ortiz will ask for a recount if the margin stays under one percent.", date="2024-10-02")
    assert not [q for q in a.quotes if "the margin stays" in q.text]


def test_according_to_a_name_the_statement_after_its_comma_is_theirs():
    a = analyze("According to conservative radio host Mara Quill, the levy reeks of “panic” and haste.",
                date="2024-10-02")
    q = quote_starting(a, "the levy reeks")
    assert q.text.startswith("the levy reeks of")
    assert q.speaker is not None and q.speaker.name == "Mara Quill"


@pytest.mark.parametrize("text, left_open", [
    ("The campaign would not say whether Ms. Vell had been interviewed by the state auditor.",
     "Ms. Vell had been interviewed"),
    ("Mr. Dorr did not explain why the county had delayed the bridge for three years.",
     "the county had delayed the bridge"),
])
def test_a_question_the_speaker_left_open_is_nothing_said(text, left_open):
    a = analyze(text, date="2024-10-02")
    assert not [q for q in a.quotes if left_open in q.text]


def test_a_denial_refused_still_reports_what_was_not_denied():
    a = analyze("Ms. Vell did not deny that the county had delayed the bridge for three years.", date="2024-10-02")
    assert quote_starting(a, "the county had delayed").speaker.name == "Vell"


def test_a_name_the_parse_put_inside_the_phrase_before_the_verb_is_its_subject():
    a = analyze("State Senator Lena Ortiz spent the week on the road.\n\nDuring a town hall in Ames, Iowa, Ortiz told "
                "reporters Tuesday that the new farm rules undermine family dairies.", date="2024-10-02")
    q = quote_starting(a, "the new farm rules")
    assert q.speaker is not None and q.speaker.name == "Lena Ortiz"
