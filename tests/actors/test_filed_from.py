"""Where a story is filed from decides whose body a name several countries use stands for, and a
city's own name wins over another city's old name in the gazetteer."""
from dragoman.geo import load_places
from nlp_helpers import analyze, quote_starting


def test_a_city_is_found_by_its_own_name_before_another_citys_old_name():
    assert load_places().resolve("Islamabad").country == "PAK"
    assert load_places().resolve("Bombay").country == "IND"  # an old name still finds its city


def test_the_foreign_office_filed_from_islamabad_is_pakistans():
    a = analyze("ISLAMABAD: Pakistan lodged a protest with the envoy over the shelling of a border village, "
                "the Foreign Office said on Tuesday.", date="2024-05-14")
    q = quote_starting(a, "Pakistan lodged a protest")
    assert q is not None and q.speaker.actor is not None and q.speaker.actor.code == "PAK GOV"


def test_the_foreign_office_filed_from_london_is_britains():
    a = analyze("LONDON, May 3 (Reuters) - Britain summoned the envoy over the seizure of a tanker, the Foreign "
                "Office said on Friday.", date="2024-05-14")
    q = quote_starting(a, "Britain summoned the envoy")
    assert q is not None and q.speaker.actor is not None and q.speaker.actor.code == "GBR GOV"


def _speaker_code(a, start):
    q = quote_starting(a, start)
    assert q is not None
    return q.speaker.actor.code if q.speaker.actor is not None else None


def test_an_unqualified_ministry_is_the_one_of_the_country_filed_from():
    a = analyze("HANOI, June 2 (Reuters) - The foreign ministry said on Sunday that fishing crews detained near "
                "the reef had been released.", date="2024-06-02")
    assert _speaker_code(a, "fishing crews detained") == "VNM GOV"


def test_a_ministry_after_a_shared_name_is_of_the_country_filed_from_too():
    a = analyze("ISLAMABAD: The Foreign Office on Monday rejected the remarks of a visiting delegation as "
                "baseless.\n\nThe interior ministry said checkpoints around the capital had been doubled.",
                date="2024-06-03")
    assert _speaker_code(a, "checkpoints around the capital") == "PAK GOV"


def test_another_country_named_first_keeps_the_ministry_unresolved_rather_than_guessed():
    a = analyze("WASHINGTON, June 2 (Reuters) - Peru recalled its ambassador on Sunday. The foreign ministry "
                "said the decision followed weeks of consultations.", date="2024-06-02")
    assert _speaker_code(a, "the decision followed") != "USA GOV"
