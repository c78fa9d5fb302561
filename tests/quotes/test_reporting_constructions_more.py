"""More reporting constructions on invented texts: 'told / warned X to', an attribution closing
the sentence, a clause after a semicolon."""
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
