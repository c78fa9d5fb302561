"""Where a quote starts and ends: the words of the speaker, not the writer's additions around
them (invented texts)."""
import pytest

from nlp_helpers import analyze, quote_starting


@pytest.mark.parametrize("text, start, end", [
    # a relative clause the writer adds after the reported clause is not said
    ("Campaign chair Tomas Rieke said he expects the senator to recover fully from the flu, which kept her off "
     "the trail for a week and cost her two debates.", "he expects the senator", "from the flu"),
    # nor a clause after a semicolon
    ("Party officials said the timing of the filing was a coincidence; the court had set the date weeks before "
     "the vote.", "the timing of the filing", "was a coincidence"),
    # a participle of saying after the reported clause is the speaker's own act
    ("Harbour officials said the new ferry terminal had cut waiting times by half, citing figures from the port "
     "authority.", "the new ferry terminal", "by half"),
    # and so is railing against someone
    ("Senator Lena Marsh said the real danger to the fisheries was the new quota, and she railed against the "
     "ministry for ignoring the coastal towns.", "the real danger", "the new quota"),
])
def test_the_reported_clause_ends_before_what_the_writer_or_speaker_adds(text, start, end):
    assert quote_starting(analyze(text, date="2024-10-02"), start).text.endswith(end)


def test_a_concession_after_the_reported_clause_is_the_writers():
    a = analyze("The blast, the defence ministry said, was the largest so far, although analysts may need "
                "days to gauge its yield.", date="2024-10-02")
    q = quote_starting(a, "was the largest so far")
    assert "analysts" not in q.text


def test_a_quoted_fragment_comes_with_the_thing_the_speaker_named():
    a = analyze("Former governor Paul Ferris criticized the new transit levy as a “tax on every commuter” "
                "during a stop in Marlow.", date="2024-10-02")
    q = quote_starting(a, "tax on every commuter")
    assert q.kind == "mixed"
    assert q.text.startswith("the new transit levy as a")
    assert "Marlow" not in q.text
    assert q.speaker is not None and q.speaker.name == "Paul Ferris"


def test_a_quoted_fragment_is_part_of_the_whole_object_of_its_verb():
    a = analyze("At the rally Lena Ortiz promised lower fees and “more buses, more trains.”", date="2024-10-02")
    q = quote_starting(a, "more buses")
    assert q.text.startswith("lower fees and")
    assert q.speaker is not None and q.speaker.name == "Lena Ortiz"


def test_the_statement_goes_on_after_an_attribution_set_off_by_commas():
    a = analyze("Halvorsen Mills was a giant of the valley, Mr. Brandt said, until it went bankrupt in 1998.\n\n"
                "He has come up with a plan, he said, for how the county can keep its clinics open.",
                date="2024-10-02")
    assert quote_starting(a, "Halvorsen Mills").text.endswith("until it went bankrupt in 1998")
    assert "Brandt" not in quote_starting(a, "Halvorsen Mills").text
    assert quote_starting(a, "He has come up with a plan").text.endswith("keep its clinics open")


def test_a_framing_verb_makes_the_quoted_words_the_subjects():
    a = analyze("At a rally in Tulsa, Senator Ada Brenn likened the new rules to \"burning the charter.\"\n\n"
                "Governor Mark Ellery blasted the local press for being “unbelievably lazy.”", date="2024-10-02")
    q = quote_starting(a, "burning the charter")
    assert q.text.startswith("the new rules to") and q.speaker.name == "Ada Brenn"
    q = quote_starting(a, "unbelievably lazy")
    assert q.text.startswith("the local press for being") and q.speaker.name == "Mark Ellery"


def test_by_saying_speaks_for_the_subject_of_the_main_verb():
    a = analyze("Mayor Irene Pask answered the critics by saying that the budget was balanced to the cent.",
                date="2024-10-02")
    q = quote_starting(a, "the budget was balanced")
    assert q.speaker is not None and q.speaker.name == "Irene Pask"


def test_a_quote_left_open_at_its_paragraph_end_runs_on_into_the_next():
    a = analyze('Harbour master Ilse Brandvold said the damage was severe. "The pier took the worst of it. We lost '
                'two cranes and a tug.\n\n"Repairs will take most of the winter," she said.\n\n'
                'The port reopened on Monday.', date="2024-01-15")
    q = quote_starting(a, "The pier took the worst of it")
    assert "Repairs will take most of the winter" in q.text
    assert q.speaker is not None and q.speaker.name == "Ilse Brandvold"
    assert len([x for x in a.quotes if "Repairs will take" in x.text]) == 1


def test_a_transcript_line_is_spoken_by_the_person_its_label_names():
    a = analyze('On Sunday, Governor Dana Whitlock spoke to the host of a morning show.\n\n'
                'Partial transcript as follows:\n\n'
                '"HOST: Will you sign the budget?\n\n'
                '"WHITLOCK: Well, my opponent thinks this is an episode of \u201cDragons\' Den.\u201d But this is '
                'serious business.', date="2024-10-02")
    q = quote_starting(a, "my opponent thinks")
    assert q.text.startswith("Well, my opponent") and q.text.endswith("serious business.")
    assert q.speaker is not None and q.speaker.name == "Dana Whitlock"


def test_a_participle_of_doing_stays_in_what_was_reported():
    a = analyze("The prosecutor said several governments had tried to sway him, offering money or making "
                "threats.", date="2024-10-02")
    q = quote_starting(a, "several governments")
    assert "offering money" in q.text


def test_the_writers_comparison_after_the_reported_clause_is_no_part_of_it():
    a = analyze("Councillor Mira Odell said she does not negotiate in public, as was the case with last "
                "week's closed meeting.", date="2024-10-02")
    q = quote_starting(a, "she does not negotiate")
    assert "closed meeting" not in q.text


def test_a_joined_clause_reporting_someone_else_is_no_part_of_what_was_said():
    a = analyze("Harbour unions said they were increasingly convinced the port authority had mishandled the "
                "tender and the authority accused the unions of stalling the talks for political gain.",
                date="2024-10-02")
    q = quote_starting(a, "they were increasingly convinced")
    assert q.text.endswith("mishandled the tender")
    assert quote_starting(a, "stalling the talks").cue == "accused"


@pytest.mark.parametrize("text, quoted, narrative", [
    # a subordinate clause after the attribution tells what happened, it was not said
    ('"Deadlines are not suggestions," panel chairman Rep. Dana Whitfield (R-Ohio) said after the treasurer '
     'failed to appear at the second hearing he was formally called to in the past two weeks.',
     "Deadlines are not suggestions", "treasurer"),
    ("“You should step down. You should return the bonus,” Senator Ines Okafor told Lind, after he admitted "
     "under her questioning he had not yet been held accountable.", "You should step down", "admitted"),
    # and so does a clause joined by 'and' when nothing quoted follows it
    ("“We will keep the school open,” Marta Villanueva said, and soon the crowd was cheering, the band was "
     "playing and she was heading home.", "We will keep the school open", "crowd"),
])
def test_narrative_after_a_closing_attribution_is_no_part_of_the_quote(text, quoted, narrative):
    q = quote_starting(analyze(text, date="2016-09-20"), quoted)
    assert q.kind == "direct" and narrative not in q.text


def test_indirect_speech_goes_on_after_an_attribution_set_off_by_commas():
    a = analyze("The review would take two months, Mr. Tarrant said, and the delay could cost the city its grant.",
                date="2016-09-20")
    assert quote_starting(a, "The review would take").text.endswith("cost the city its grant")


def test_the_question_put_to_the_speaker_is_not_a_statement():
    a = analyze("“I would not ask anyone to come up. This is about me campaigning for Vermont,” Senator Lia "
                "Brandt said, when asked whether she wanted the governor to campaign for her.", date="2016-09-20")
    assert [q.text for q in a.quotes if "governor" in q.text] == []
    assert quote_starting(a, "I would not ask anyone").speaker.name == "Lia Brandt"


@pytest.mark.parametrize("text, first, second", [
    # a title's full stop does not end the sentence the attribution cuts in two
    ('"One of the reasons the province moved first," Mr. Harlan said, "is that its farmers felt the drought '
     'before anyone else."', "One of the reasons", "is that its farmers"),
    # nor does 'but' or 'and' joining the second quoted span to the attribution
    ('"You know, I like Marcus," Ms. Ilse Varga said, but "when it comes to water, Marcus has a history of '
     'siding with the mills."', "You know, I like Marcus", "when it comes to water"),
])
def test_one_attribution_inside_one_quoted_sentence_gives_one_statement(text, first, second):
    a = analyze(text, date="2016-09-20")
    q = quote_starting(a, first)
    assert second in q.text and len(a.quotes) == 1


def test_a_new_sentence_after_the_attribution_stays_a_quote_of_its_own():
    a = analyze('"We are ready," Mr. Harlan said. "The rest is up to the council."', date="2016-09-20")
    assert len(a.quotes) == 2


@pytest.mark.parametrize("text, start, end", [
    # the writer's gloss on a name at the end of the reported clause was not said
    ("Critics say the money could be better spent in partnership with NATO, the military alliance that includes "
     "most European countries.", "the money could be better spent", "in partnership with NATO"),
    ("Allies of the mayor say she would have to consider Rep. Dan Lyle (D-Va.), a former deputy governor and "
     "ambassador who can raise the cash to run statewide.", "she would have to consider", "Rep. Dan Lyle (D-Va.)"),
    # a list of names is no gloss
    ("Mr. Orcutt said the museum honours several of his heroes, including the painter Ada Brix, the runner Tom "
     "Vale and the judge Ines Marr.", "the museum honours", "the judge Ines Marr"),
])
def test_a_closing_apposition_is_the_writers_gloss(text, start, end):
    assert quote_starting(analyze(text, date="2016-09-20"), start).text.endswith(end)


def test_a_participle_of_saying_after_a_clause_about_a_thing_is_the_speakers():
    a = analyze("Mayor Paulo Ferreira stressed that the only way forward was cooperation, suggesting that the "
                "county should share the cost of the new bridge.", date="2024-10-02")
    q = quote_starting(a, "the county should share")
    assert q.speaker is not None and q.speaker.name == "Paulo Ferreira"


def test_upon_saying_speaks_for_the_subject_of_the_main_verb():
    a = analyze('Senator Nora Pellham drew boos upon saying, "The farmers deserve better than this."',
                date="2024-10-02")
    q = quote_starting(a, "The farmers deserve better")
    assert q.speaker is not None and q.speaker.name == "Nora Pellham"


def test_what_someone_unnamed_cried_out_is_theirs():
    a = analyze('When the governor thanked the crowd, a man yelled "Go home!"\n\n'
                'Hundreds of dockworkers marched through the harbour district on Monday, chanting "No deal, no '
                'ships," as the talks resumed.', date="2024-10-02")
    assert quote_starting(a, "Go home").speaker.mention.endswith("man")
    assert quote_starting(a, "No deal, no ships").speaker is not None
    # a scare quote under a verb of naming still belongs to nobody in particular
    a = analyze('Officials described the stoppage as a "pause" in the talks.', date="2024-10-02")
    assert not any("pause" in q.text for q in a.quotes)


def test_a_nickname_in_quotation_marks_is_no_quote():
    a = analyze('"The whole state is watching," her cousin, state Del. Marcia "Cia" Brandt, shouted to the crowd.',
                date="2024-10-02")
    assert [q.text for q in a.quotes if q.text.strip(' ",') == "Cia"] == []
    assert quote_starting(a, "The whole state is watching") is not None


def test_defending_words_as_quoted_words_makes_them_the_speakers():
    a = analyze('Mayor Tom Briggs later defended his remarks as being "a joke."', date="2024-10-02")
    q = quote_starting(a, "a joke")
    assert q.text.startswith("his remarks as") and q.speaker.name == "Tom Briggs"


def test_a_quote_that_itself_reports_speech_is_the_words_of_whoever_writes_it():
    a = analyze('A clerk at the bakery was upset by the talk.\n\n"The mayor stressed that he did not pick the '
                'judge to please any one group," wrote the paper\'s bureau chief, Lena Hartwell, citing people at '
                'the meeting.', date="2024-10-02")
    assert quote_starting(a, "The mayor stressed that").speaker.name == "Lena Hartwell"


def test_asking_not_to_be_named_is_no_statement():
    a = analyze('"We saw the smoke before dawn," said a fisherman, who asked not to be named.', date="2024-10-02")
    assert [q.text for q in a.quotes if "named" in q.text] == []


def test_a_second_report_joined_to_the_first_is_no_part_of_it():
    a = analyze("Seven in 10 shop owners in the district said the mayor is trustworthy, and two-thirds said the same of "
                "her deputy.\n\nThe party said the staffers' conduct was unacceptable and that the panel would "
                "continue to look into the matter.", date="2024-10-02")
    assert quote_starting(a, "the mayor is trustworthy").text == "the mayor is trustworthy"
    assert quote_starting(a, "conduct was unacceptable").text.endswith("look into the matter")


def test_an_indefinite_gloss_after_the_reported_clause_is_the_writers():
    a = analyze("Even the most hawkish members of the council say the bulk of the new patrols should be local "
                "officers, a force the city has struggled to recruit.", date="2024-10-02")
    assert quote_starting(a, "the bulk of the new patrols").text.endswith("local officers")


def test_a_named_body_or_someones_spokesman_owns_the_words_it_gave_a_thing():
    a = analyze('The Ferreira campaign called the report a "rush to judgment," because delegates can still '
                'change their minds.\n\nHartwell\'s spokesman called the claim "utterly false."\n\n'
                'Critics called the plan a "giveaway."', date="2024-10-02")
    assert quote_starting(a, "rush to judgment").text.startswith("the report a")
    assert quote_starting(a, "utterly false").speaker is not None
    assert not any("giveaway" in q.text for q in a.quotes)


def test_a_while_clause_before_the_attribution_is_not_what_was_noted():
    a = analyze("While she admitted money was a big reason she felt tired of the job, Lorna Vesk also noted several "
                "“small things” left her further discouraged.", date="2024-10-02")
    q = quote_starting(a, "small things")
    assert q.text.startswith("several") and q.speaker.name == "Lorna Vesk"


def test_the_writers_gloss_after_the_report_is_not_what_was_said():
    a = analyze('Voters in the county were divided.\n\nThe governor said he would regard a defeat of the levy as '
                'a "personal failure," implicitly tying his own future to the outcome of the vote in March. '
                'The mayor said the budget would balance next year, tacitly conceding that it did not this year. '
                'The treasurer said the fund should keep its reserves, specifically naming the pension account.',
                date="2024-05-14")
    assert quote_starting(a, "he would regard").text == 'he would regard a defeat of the levy as a "personal failure,"'
    assert quote_starting(a, "the budget would").text == "the budget would balance next year"
    assert quote_starting(a, "the fund should").text.endswith("specifically naming the pension account")


def test_a_definite_office_holder_owns_the_words_they_gave_a_thing():
    a = analyze('The senator called the harbour bill "a gift to the dredging lobby." '
                'The mayor likened the toll to "a fine on night-shift workers."', date="2024-10-02")
    assert quote_starting(a, 'the harbour bill "a gift').speaker.name == "senator"
    assert quote_starting(a, 'the toll to "a fine').speaker.name == "mayor"
    # a lawmaker in general, or officials, own no scare quote
    b = analyze('A lawmaker called the toll "a mess." Officials described the closure as a "pause."',
                date="2024-10-02")
    assert [q.text for q in b.quotes] == []


def test_what_the_reported_clause_is_about_stays_with_it():
    a = analyze('Harlan said there remains a "wide gap between the two ports," when it comes to how many '
                "ships dock there each winter.", date="2024-10-02")
    assert quote_starting(a, "there remains").text.endswith("each winter")
    b = analyze("Harlan said the port was ready, as far as the cranes go.", date="2024-10-02")
    assert quote_starting(b, "the port was ready").text.endswith("the cranes go")


@pytest.mark.parametrize("text, start, end", [
    # a condition before an attribution set off by commas is part of what was said
    ("If she wins the election, Ms. Vell said, the first thing she would do is repeal the tax.",
     "If she wins the election", "repeal the tax"),
    # so is a purpose clause
    ("To understand the old mill, Lena Ortiz said, one should walk along the river at dusk.",
     "To understand the old mill", "along the river at dusk"),
    ("When the levee fails, the county engineer warned, the lower town will flood within hours.",
     "When the levee fails", "within hours"),
])
def test_a_clause_before_an_attribution_set_off_by_commas_is_said(text, start, end):
    q = quote_starting(analyze(text, date="2024-10-02"), start)
    assert q.text.startswith(start) and q.text.endswith(end)
    assert " said" not in q.text and "warned" not in q.text


def test_a_clause_before_the_subject_is_not_what_a_that_clause_reports():
    a = analyze("Writing for a Des Moines weekly whose editors all agreed Dorr lost the race, Mary K. Pell noted "
                "that the way Dorr spoke was fatal to his bid.", date="2024-10-02")
    q = quote_starting(a, "the way Dorr spoke")
    assert q.text == "the way Dorr spoke was fatal to his bid"
    assert q.speaker is not None and q.speaker.name == "Mary K. Pell"


def test_a_joined_verb_in_a_tense_the_speaker_cannot_be_in_goes_on_with_the_statement():
    a = analyze("Sen. Lena Marsh told the Ledger that the river gauges may be \"badly broken,\" and have misled "
                "farmers for years.", date="2024-10-02")
    assert quote_starting(a, "the river gauges").text.endswith("misled farmers for years")
