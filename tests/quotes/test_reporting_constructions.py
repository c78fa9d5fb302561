"""Reporting constructions (issue 10, phenomenon 2): what a speaker urged, called for, vowed
or warned against is what they said."""
from nlp_helpers import analyze, quote_starting


def speaker_name(article, words):
    q = quote_starting(article, words)
    assert q is not None, [x.text for x in article.quotes]
    return q.speaker.name if q.speaker else None


def test_urged_someone_to_do():
    a = analyze("Senator Ilse Marwick urged the cabinet to open an inquiry into the dam contracts.",
                date="2024-05-14")
    assert speaker_name(a, "open an inquiry into") == "Ilse Marwick"


def test_called_on_someone_to_do():
    a = analyze("The Freedonian Foreign Ministry called on both sides to return to the negotiating table "
                "without conditions.", date="2024-05-14")
    assert quote_starting(a, "return to the negotiating table") is not None


def test_vowed_to_do():
    a = analyze("Rebel commander Osei Darko vowed on Friday to hold the river crossing until the last man.",
                date="2024-05-14")
    assert speaker_name(a, "hold the river crossing") == "Osei Darko"


def test_warned_someone_against():
    a = analyze("Prime Minister Halvard Enge warned the neighbouring states against any interference in the "
                "election.", date="2024-05-14")
    assert quote_starting(a, "any interference in the election") is not None


def test_a_plain_object_is_not_a_directive():
    a = analyze("The mayor asked a question about the budget at the meeting.", date="2024-05-14")
    assert a.quotes == []


def test_a_headline_appeal_is_not_a_quote_of_its_own():
    a = analyze("Freedonia urges Sylvania to reopen the border\n\nThe Freedonian government on Monday urged "
                "Sylvania to reopen the border crossings for trucks.", date="2024-05-14")
    assert len([q for q in a.quotes if "reopen the border" in q.text]) == 1


def test_a_few_quoted_words_under_a_verb_of_saying_are_the_speakers():
    a = analyze("Interior Minister Dara Velikova vowed a \u201cfirm\u201d answer to the raid on Monday.\n\n"
                "The Norwegian foreign ministry protested on Tuesday, calling the seizure of the trawler "
                "\u201cillegal.\u201d", date="2024-05-14")
    assert speaker_name(a, "firm") == "Dara Velikova"
    assert quote_starting(a, "illegal") is not None


def test_a_one_word_quote_next_to_its_speaker():
    a = analyze("Asked whether the talks would resume, the envoy, Marta Lindqvist, paused.\n\n"
                "\u201cNever,\u201d she said.", date="2024-05-14")
    assert speaker_name(a, "Never") == "Marta Lindqvist"


def test_said_and_added_are_two_statements():
    a = analyze("Minister Halvard Enge said the bridge would reopen in May and added that the toll would be "
                "scrapped.", date="2024-05-14")
    first, second = quote_starting(a, "the bridge would reopen"), quote_starting(a, "the toll would be scrapped")
    assert first is not None and second is not None and first is not second
    assert "toll" not in first.text and speaker_name(a, "the toll would be") == "Halvard Enge"


def test_reaffirmed_that():
    a = analyze("Minister Halvard Enge reaffirmed that the bridge would reopen in May despite the floods.",
                date="2024-05-14")
    assert speaker_name(a, "the bridge would reopen") == "Halvard Enge"


def test_quoted_as_saying():
    a = analyze("The Morning Ledger quoted Minister Halvard Enge as saying that the bridge would reopen in May.",
                date="2024-05-14")
    assert speaker_name(a, "the bridge would reopen") == "Halvard Enge"
    b = analyze("Minister Halvard Enge was quoted as saying that the bridge would reopen in May.", date="2024-05-14")
    assert speaker_name(b, "the bridge would reopen") == "Halvard Enge"


def test_criticised_and_blamed_for():
    a = analyze("The opposition was criticised by Norway for blocking the budget vote in parliament.",
                date="2024-05-14")
    assert speaker_name(a, "blocking the budget vote") == "Norway"
    b = analyze("Egypt blamed Ethiopia for the collapse of the talks on the dam.", date="2024-05-14")
    assert speaker_name(b, "the collapse of the talks") == "Egypt"


def test_called_the_talks_useful_and_frank():
    a = analyze('Minister Halvard Enge called the talks "useful and frank".', date="2024-05-14")
    assert speaker_name(a, "useful and frank") == "Halvard Enge"


def test_comment_on_someone_elses_statement_is_theirs():
    a = analyze("Halvard Enge commented on Anton Breska's statement that the bridge would reopen in May.",
                date="2024-05-14")
    assert speaker_name(a, "the bridge would reopen") == "Anton Breska"


def test_according_to_preliminary_information_has_no_speaker():
    a = analyze("According to preliminary information, four people were killed in the blast.", date="2024-05-14")
    assert all(q.speaker is None for q in a.quotes)


def test_accusing_someone_of_one_gerund():
    a = analyze("The envoy left Dravia after the government ordered him out, accusing him of spying.",
                date="2024-05-14")
    q = quote_starting(a, "spying")
    assert q is not None and q.text == "spying"


def test_the_charge_runs_to_the_end_of_its_clause():
    a = analyze("The shelling came after Freedonian officials accused Sylvania of bombing the port of Ostra, "
                "and a bridge in the north earlier this month.", date="2024-05-14")
    q = quote_starting(a, "bombing the port")
    assert "a bridge in the north" in q.text and not q.text.startswith("of")


def test_vowed_to_keeps_to_and_urged_to_does_not():
    a = analyze("Rebel commander Osei Darko vowed on Friday to hold the river crossing until the last man. "
                "The council urged both sides to stop the shelling of the town.", date="2024-05-14")
    assert quote_starting(a, "hold the river crossing").text.startswith("to hold")
    assert quote_starting(a, "stop the shelling").text.startswith("stop")


def test_a_perfect_tense_appeal_in_a_subordinate_clause():
    a = analyze("While the two senators have urged the assembly to lift the fuel levy, opposition in the "
                "chamber has been strong.", date="2024-05-14")
    assert quote_starting(a, "lift the fuel levy") is not None


def test_adding_that_after_a_quote_is_a_second_statement_of_the_speaker():
    a = analyze("Spokeswoman Mira Oduya declined to say when the talks would resume, telling reporters: "
                "\u201cWe will share details when appropriate\u201d, adding that the process remained "
                "\u201con track\u201d.", date="2024-05-14")
    assert speaker_name(a, "on track") == "Mira Oduya"
    assert speaker_name(a, "We will share details") == "Mira Oduya"
    assert quote_starting(a, "on track") is not quote_starting(a, "We will share details")
    assert not [q for q in a.quotes if "when the talks would resume" in q.text]


def test_arguing_that_is_not_part_of_the_first_statement():
    a = analyze("Senator Dale Orrin said he did not believe the levy would pass this year, arguing that the "
                "votes were simply not there.", date="2024-05-14")
    first = quote_starting(a, "he did not believe")
    assert "votes" not in first.text
    assert speaker_name(a, "the votes were simply not there") == "Dale Orrin"


def test_what_someone_called_is_not_a_reported_clause():
    a = analyze("Prime Minister Halvard Enge condemned what he called \u201cprovocations\u201d by the rebels "
                "and vowed a \u201cfirm\u201d response.", date="2024-05-14")
    assert not [q for q in a.quotes if q.text.startswith("what he called")]
    assert speaker_name(a, "firm") == "Halvard Enge"


def test_it_called_on_is_the_body_named_before_and_a_cut_off_appeal_counts():
    a = analyze("The Freedonian Foreign Ministry said on Monday that the boats would sail again. It also called "
                "on the federal government and the regional authorities to play their part in finding peacef",
                date="2024-05-14")
    assert quote_starting(a, "play their part in finding") is not None


def test_a_country_label_on_a_headline_is_not_a_speaker():
    a = analyze("Freedonia: coast guard used water cannon to block supply boats\n\nThe Freedonian coast guard "
                "fired water cannon at two supply boats near the reef on Tuesday.", date="2024-05-14")
    assert not [q for q in a.quotes if "water cannon" in q.text]


def test_two_verbs_in_one_sentence_give_two_statements():
    a = analyze("Prime Minister Halvard Enge condemned the \u201creckless\u201d raid and vowed a "
                "\u201cfirm\u201d response.", date="2024-05-14")
    assert quote_starting(a, "firm") is not quote_starting(a, "reckless")


def test_a_belief_is_not_a_statement():
    a = analyze("Senator Dale Orrin believes the levy will pass this year. He hopes the vote comes soon.",
                date="2024-05-14")
    assert a.quotes == []


def test_criticised_by_someone_for_in_the_passive():
    a = analyze("Freedonia was criticised by the Sylvanian government for closing the border crossings without "
                "notice.", date="2024-05-14")
    q = quote_starting(a, "closing the border crossings")
    assert q is not None and "Sylvanian government" in (q.speaker.mention or "")


def test_rebuked_someone_for():
    a = analyze("Minister Halvard Enge rebuked the regional council for delaying the harbour repairs again.",
                date="2024-05-14")
    assert speaker_name(a, "delaying the harbour repairs") == "Halvard Enge"


def test_accused_in_a_relative_clause():
    a = analyze("The decision angered Senator Ilse Marwick, who accused the cabinet of hiding the audit from "
                "parliament.", date="2024-05-14")
    assert speaker_name(a, "hiding the audit") == "Ilse Marwick"


def test_commenting_on_someone_elses_statement_gives_them_their_words():
    a = analyze("Senator Ilse Marwick commented on Minister Halvard Enge's statement that the harbour would "
                "reopen in May.", date="2024-05-14")
    assert speaker_name(a, "the harbour would reopen") == "Halvard Enge"


def test_preliminary_information_has_no_speaker():
    a = analyze("According to preliminary information, four fishermen were injured in the storm near the harbour.",
                date="2024-05-14")
    q = quote_starting(a, "four fishermen were injured")
    assert q is not None and q.speaker is None


def test_a_one_word_answer_is_a_quote():
    a = analyze('Minister Halvard Enge was asked whether the harbour would reopen.\n\n"Soon," he said.',
                date="2024-05-14")
    assert speaker_name(a, "Soon") == "Halvard Enge"


def test_one_sentence_cut_by_the_attribution_is_one_quote():
    a = analyze('"Our farmers have waited long enough for the new road," the regional governor Tamar Okonjo '
                'said, "and they will not wait another winter."\n\n'
                '"The budget is ready," Okonjo added. "Construction starts in May."', date="2024-03-04")
    joined = [q for q in a.quotes if q.text.startswith("Our farmers have waited")]
    assert len(joined) == 1 and "they will not wait another winter" in joined[0].text
    assert not any(q.text.startswith("and they will not wait") for q in a.quotes)
    # a new sentence after the attribution stays a quote of its own
    assert any(q.text.startswith("Construction starts in May") for q in a.quotes)


def test_continuation_after_the_attribution_is_linked_and_joins_on_request():
    from dragoman.quotes import join_continuations

    a = analyze('"The harbour will reopen on Friday," port director Ilse Marrow said. "The divers have '
                'cleared the wreck from the channel."\n\n'
                '"Fishing boats go first," a harbour pilot said. Later the council met.', date="2024-05-14")
    first = quote_starting(a, "The harbour will reopen")
    second = quote_starting(a, "The divers have cleared")
    assert second.continues == first.start and first.continues is None
    assert quote_starting(a, "Fishing boats go first").continues is None
    joined = join_continuations(a.quotes)
    whole = [q for q in joined if q.text.startswith("The harbour will reopen")]
    assert len(whole) == 1 and whole[0].text.endswith("cleared the wreck from the channel.")
    assert whole[0].end == second.end and len(joined) == len(a.quotes) - 1
    assert second.continues == first.start  # joining copies: the article's quotes are left as they were


def test_continuation_after_a_long_attribution_but_not_after_narrative():
    a = analyze('"The levee held," said Ruth Anselm, an engineer with the county water board who has '
                'inspected the dikes for twenty years. "We were lucky this time."\n\n'
                '"Nobody expected the river to rise so fast," Anselm said. The rain stopped on Sunday. '
                '"Now we rebuild."', date="2024-05-14")
    assert quote_starting(a, "We were lucky").continues == quote_starting(a, "The levee held").start
    later = [q for q in a.quotes if q.text.startswith("Now we rebuild")]
    assert all(q.continues is None for q in later)


def test_analyze_statements_prints_a_quote_and_its_continuation_as_one(tmp_path):
    import json

    from typer.testing import CliRunner

    from dragoman.cli import app

    path = tmp_path / "harbour.txt"
    path.write_text('Harbour reopens\n\n"The harbour will reopen on Friday," port director Ilse Marrow said. '
                    '"The divers have cleared the wreck from the channel."\n', encoding="utf-8")
    runs = {flag: CliRunner().invoke(app, ["analyze", str(path), "--no-store", "--quiet", *flag])
            for flag in ((), ("--statements",))}
    spans, statements = ([q["text"] for q in json.loads(r.stdout)["quotes"]] for r in runs.values())
    assert len(spans) == 2 and len(statements) == 1
    assert statements[0].startswith("The harbour will reopen") and statements[0].endswith("from the channel.")


def test_reported_clause_runs_on_after_the_parse_cuts_it():
    a = analyze('Voters in the county said they had misgivings about the mayor, but could not bear to vote '
                'for her rival. The mayor said her budget was more careful than her rival\'s and, even more '
                'important, would not raise taxes.', date="2024-05-14")
    assert quote_starting(a, "they had misgivings").text.endswith("could not bear to vote for her rival")
    assert quote_starting(a, "her budget was more careful").text.endswith("would not raise taxes")


def test_what_the_speaker_did_next_is_not_what_they_said():
    a = analyze('The transport minister said the new bridge would open in May and left the room without '
                'taking questions.', date="2024-05-14")
    assert quote_starting(a, "the new bridge would open").text == "the new bridge would open in May"


def test_calling_something_a_name_keeps_the_thing_named():
    a = analyze('Senator Mara Quillon called the new tariff scheme "reckless" on Tuesday. Governor Tom Bexley '
                'described the flood response as a "disgrace."', date="2024-05-14")
    assert quote_starting(a, "the new tariff scheme").text == 'the new tariff scheme "reckless"'
    assert quote_starting(a, "the flood response").text == 'the flood response as a "disgrace."'
    assert quote_starting(a, "the flood response").speaker.name == "Tom Bexley"


def test_a_lowercase_quote_after_a_thing_like_a_bill_is_what_it_was_called_not_its_title():
    a = analyze('Lawmakers met on Monday.\n\nCommittee Chairwoman Ilse Brandvold called the bill "a gift to '
                'lobbyists" in an interview. The pact "Northern Shield" was signed in 2019.', date="2024-05-14")
    assert quote_starting(a, "the bill").text == 'the bill "a gift to lobbyists"'
    assert quote_starting(a, "the bill").speaker.name == "Ilse Brandvold"
    assert not any("Northern Shield" in q.text for q in a.quotes)


def test_headline_label_names_a_speaker_the_dictionary_does_not_know():
    a = analyze('Mara Quillon: New Tariffs Are ‘Reckless,’ Farmers Will Pay.\n\n'
                'Poll: Voters Want ‘Real Change’ in Farm Policy.\n\n'
                'Senator Mara Quillon attacked the tariff plan on Tuesday in a speech to growers in the valley.',
                date="2024-05-14")
    assert quote_starting(a, "New Tariffs Are").speaker.name == "Mara Quillon"
    assert not any(q.text.startswith("Voters Want") for q in a.quotes)


def test_as_clause_that_tells_when_is_not_a_report():
    a = analyze('The vote came as officials praised the calm of the protests. The actress was emotional as '
                'she called for a new law. As the ministry reported, the border crossing reopened on Monday.',
                date="2024-05-14")
    assert [q.text for q in a.quotes] == ["the border crossing reopened on Monday"]


def test_shouted_words_are_said():
    a = analyze('"Nobody leaves this hall until the count is done!" the returning officer Dara Vell shouted to '
                'the crowd.', date="2024-05-14")
    assert quote_starting(a, "Nobody leaves this hall").speaker.name == "Dara Vell"


def test_a_programme_name_in_quotes_is_no_quote():
    a = analyze('Senator Dara Vell told "Face the Nation." She defended the bill.', date="2024-05-14")
    assert a.quotes == []


def test_attribution_set_off_inside_the_clause_is_left_out_of_it():
    a = analyze('Climate change, the governor Dara Vell often says, is the greatest threat facing the coast. '
                'The harbour will reopen in May, the port authority said on Monday.', date="2024-05-14")
    assert quote_starting(a, "Climate change").text == "Climate change … is the greatest threat facing the coast"
    assert quote_starting(a, "Climate change").speaker.name == "Dara Vell"
    assert quote_starting(a, "The harbour will reopen").text == "The harbour will reopen in May"


def test_said_a_and_urged_b_to_act_are_two_statements():
    a = analyze('The foreign ministry said the missile launch broke the ceasefire and urged the neighbouring '
                'government to return to the talks.', date="2024-05-14")
    assert quote_starting(a, "the missile launch").text == "the missile launch broke the ceasefire"
    assert quote_starting(a, "return to the talks").cue == "urged"


def test_one_verb_naming_someone_several_things_is_one_quote():
    a = analyze('The two rivals traded insults for months. Senator Mara Quillon called Tom Bexley a "pathological '
                'liar" who is "utterly amoral," a "serial cheat" and a "bully."', date="2024-05-14")
    called = [q for q in a.quotes if q.cue == "called"]
    assert len(called) == 1 and "bully" in called[0].text and called[0].speaker.name == "Mara Quillon"
    assert called[0].text.count("pathological") == 1  # each fragment finds the whole complement: once


def test_a_complement_found_from_each_of_its_fragments_is_told_once():
    a = analyze('Mayor Ilse Brandt called her rival a "reckless gambler" who is "utterly unfit," a "bully" and '
                'a "danger to the harbour."', date="2024-05-14")
    called = [q for q in a.quotes if q.cue == "called"]
    assert len(called) == 1 and called[0].text.count("reckless gambler") == 1
    assert called[0].text.startswith("her rival a")


def test_a_stored_continuation_keeps_its_link(make_store):
    a = analyze('"The harbour will reopen on Friday," port director Ilse Marrow said. "The divers have '
                'cleared the wreck from the channel."', date="2024-05-14")
    store = make_store()
    store.save_article(a)
    rows = {q["text"][:20]: q for q in store.quotes(limit=10)}
    assert rows["The divers have clea"]["continues"] == quote_starting(a, "The harbour will reopen").start
    assert rows["The harbour will reo"]["continues"] is None


def test_a_statement_calling_something_a_name_is_the_issuers():
    a = analyze('Diplomats gathered in the hall on Friday.\n\nAfter a short closed meeting, the Northern Ports Authority issued '
                'a statement calling the dredging plan "a grave risk" to the fishing grounds of the bay.',
                date="2024-05-14")
    q = quote_starting(a, "the dredging plan")
    assert q.text.startswith('the dredging plan "a grave risk')
    assert q.speaker is not None and "Northern Ports Authority" in q.speaker.mention
