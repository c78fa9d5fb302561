"""The gazetteer cache file gives back the gazetteer it was written from."""
from dragoman.geo import places as geo_places


def test_cached_gazetteer_resolves_like_the_built_one(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAGOMAN_CACHE_DIR", str(tmp_path))
    built = geo_places.build_places()
    path = geo_places.cache_file()
    assert path is not None and path.parent == tmp_path
    geo_places._write_cache(path, built)
    geo_places.load_places.cache_clear()
    try:
        cached = geo_places.load_places()
    finally:
        geo_places.load_places.cache_clear()
    assert cached is not built
    assert cached.countries == built.countries
    assert cached.country_names == built.country_names
    assert cached.cities == built.cities
    for name, prefer in [("Springfield", ["USA"]), ("Kiev", []), ("the city of Lagos", []), ("France", [])]:
        assert cached.resolve(name, prefer) == built.resolve(name, prefer)


def test_an_empty_cache_setting_turns_the_cache_off(monkeypatch):
    monkeypatch.setenv("DRAGOMAN_CACHE_DIR", "")
    assert geo_places.cache_file() is None


def test_a_damaged_cache_file_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv("DRAGOMAN_CACHE_DIR", str(tmp_path))
    path = geo_places.cache_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a gazetteer")
    geo_places.load_places.cache_clear()
    try:
        places = geo_places.load_places()
    finally:
        geo_places.load_places.cache_clear()
    assert places.resolve("France") is not None
