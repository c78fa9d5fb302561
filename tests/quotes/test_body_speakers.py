"""Bodies and roles as speakers (issue 10, phenomenon 1): a country's army by its possessive, 'the
army' pointing back to the army named last, and 'the spokesperson' after someone new in that role."""
from nlp_helpers import analyze, quote_starting


def speaker_of(article, words):
    q = quote_starting(article, words)
    assert q is not None and q.speaker is not None, [x.text for x in article.quotes]
    return q.speaker


def test_a_countrys_army_is_its_military():
    a = analyze("Chad's army said on Sunday that it had pushed the raiders back across the river.",
                date="2024-05-14")
    speaker = speaker_of(a, "it had pushed the raiders")
    assert speaker.actor is not None and speaker.actor.code == "TCD MIL"


def test_the_army_is_the_army_named_before():
    a = analyze("Niger's army said on Monday that two of its soldiers had been wounded near the border.\n\n"
                "Later in the day the army said the convoy had reached the garrison town.", date="2024-05-14")
    speaker = speaker_of(a, "the convoy had reached")
    assert speaker.actor is not None and speaker.actor.code == "NER MIL"


def test_the_spokesperson_is_the_newcomer_in_that_role():
    a = analyze("Japan's foreign ministry spokesperson Kenji Arata said Tokyo regretted the decision.\n\n"
                "In Washington, a State Department spokesperson said the talks would go on. \"We urge both "
                "sides to keep the channel open,\" the spokesperson said.", date="2024-05-14")
    speaker = speaker_of(a, "We urge both sides")
    assert speaker.actor is not None and speaker.actor.code == "USA GOV" and "Arata" not in speaker.name


def test_the_spokesperson_named_again_after_the_newcomer_is_that_person():
    a = analyze("In Washington, a State Department spokesperson said the talks would go on.\n\n"
                "Japan's foreign ministry spokesperson Kenji Arata said Tokyo regretted the decision. \"We had "
                "hoped for a different outcome,\" the spokesperson said.", date="2024-05-14")
    assert speaker_of(a, "We had hoped").name == "Kenji Arata"


def test_the_agency_is_the_international_agency_named_last():
    a = analyze("The state news agency Varta reported that the reactor had been shut down.\n\n"
                "The International Atomic Energy Agency said on Monday that its experts would visit the plant. "
                "The agency said its inspectors had not been allowed into the control room.", date="2024-05-14")
    speaker = speaker_of(a, "its inspectors had not been allowed")
    assert speaker.actor is not None and speaker.actor.code == "IAEA"
    assert speaker.name == "International Atomic Energy Agency"


def test_an_analyst_abroad_is_of_the_country_not_its_government():
    a = analyze('"Both capitals are hardening their positions," said Ilse Marnow, a security analyst based in '
                "Vienna.", date="2024-05-14")
    speaker = speaker_of(a, "Both capitals are hardening")
    assert speaker.actor is not None and speaker.actor.code == "AUT"


def test_a_persons_spokesman_is_not_another_countrys_spokesman():
    a = analyze('"The border will stay open," spokesman Anton Veres told reporters in Bratislava.\n\n'
                "Croatian Prime Minister Andrej Plenkovic said Zagreb would send more police. Plenkovic's "
                "spokesman later said no date had been set.", date="2024-05-14")
    speaker = speaker_of(a, "no date had been set")
    assert speaker.name != "Anton Veres"


def test_an_accusation_an_agency_relays_is_the_accusers():
    a = analyze("Valdorian Defence Minister Petra Holm accused the rebels on Friday of shelling two villages near "
                "the dam, the state news agency Valpress reported.", date="2024-05-14")
    q = quote_starting(a, "shelling two villages")
    assert q is not None and q.speaker.name == "Petra Holm"
    assert q.text.rstrip(" ,").endswith("near the dam")
    assert all(x.speaker is None or "Valpress" not in x.speaker.name for x in a.quotes)


def test_a_clause_before_a_semicolon_is_not_what_the_next_one_reports():
    a = analyze("Valdoria strikes rebel depot; Kestrel Front vows response\n\nThe strike hit a warehouse near "
                "the river port before dawn, killing two guards.", date="2024-05-14")
    assert not any("strikes rebel depot" in q.text for q in a.quotes)
