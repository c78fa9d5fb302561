"""The closed word lists of the quote and actor stages are data, extended by a user's file."""
from dragoman import vocab


def test_bundled_lists_are_lower_cased_word_sets():
    words = vocab.word_lists("quote_words.yaml")
    assert "statement" in words["speech_occasions"]
    assert all(w == w.lower() for w in words["title_cues"])
    assert vocab.word_lists("actor_words.yaml")["pronoun_gender"]["she"] == "f"


def test_a_users_file_adds_words_to_a_list(tmp_path, monkeypatch):
    mine = tmp_path / "my_words.yaml"
    mine.write_text("quote_words:\n  title_cues: [Podcast]\n  my_list: [alpha]\n"
                    "actor_words:\n  pronoun_gender: {xe: x}\n", encoding="utf-8")
    monkeypatch.setenv(vocab.USER_WORDS_ENV, str(mine))
    vocab.word_lists.cache_clear()
    try:
        words = vocab.word_lists("quote_words.yaml")
        assert {"podcast", "book"} <= words["title_cues"]
        assert words["my_list"] == frozenset({"alpha"})
        gender = vocab.word_lists("actor_words.yaml")["pronoun_gender"]
        assert gender["xe"] == "x" and gender["he"] == "m"
    finally:
        monkeypatch.delenv(vocab.USER_WORDS_ENV)
        vocab.word_lists.cache_clear()


def test_an_unreadable_users_file_names_itself(tmp_path, monkeypatch):
    missing = tmp_path / "absent.yaml"
    monkeypatch.setenv(vocab.USER_WORDS_ENV, str(missing))
    vocab.word_lists.cache_clear()
    try:
        vocab.word_lists("quote_words.yaml")
    except vocab.UsageError as exc:
        assert "absent.yaml" in str(exc)
    else:
        raise AssertionError("no error for a missing file")
    finally:
        monkeypatch.delenv(vocab.USER_WORDS_ENV)
        vocab.word_lists.cache_clear()
