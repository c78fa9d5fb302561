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
