"""A quote attributed to a document after it: '"...," according to a Port Authority statement.'
The closing quotation mark does not open a sentence, and the name before the document issued it."""
from nlp_helpers import analyze, quote_starting


def speaker_of(article, words):
    q = quote_starting(article, words)
    assert q is not None and q.speaker is not None, [(x.text, x.speaker) for x in article.quotes]
    return q.speaker


def test_a_quote_according_to_a_named_bodys_statement():
    a = analyze("Dock workers in Tema walked off the job on Monday.\n\n"
                "\"The terminal will run at half capacity until the dispute is settled,\" according to a "
                "Ports Authority statement.", date="2024-03-04")
    assert speaker_of(a, "The terminal will run").name == "Ports Authority"


def test_a_quote_according_to_the_statement_of_a_body_with_of_in_its_name():
    a = analyze("The currency fell again on Tuesday.\n\n"
                "\"Reserves remain sufficient to cover four months of imports,\" according to a Bank of Zambia "
                "statement.", date="2024-03-04")
    assert speaker_of(a, "Reserves remain sufficient").name == "Bank of Zambia"


def test_a_quote_according_to_a_statement_by_a_body():
    a = analyze("Fuel queues grew longer in the capital on Wednesday.\n\n"
                "Officials at the finance ministry said the shortage would ease.\n\n"
                "\"Deliveries to the pumps will resume on Friday,\" according to a statement by the energy "
                "regulator.", date="2024-03-04")
    assert speaker_of(a, "Deliveries to the pumps").name == "energy regulator"


def test_a_weekday_before_the_statement_is_not_its_issuer():
    a = analyze("\"We have met every target this year,\" the Ports Authority said in a Monday statement.",
                date="2024-03-04")
    assert speaker_of(a, "We have met every").name == "Ports Authority"
