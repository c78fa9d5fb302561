"""A light language check: is this English, and if not, what is it most likely?

Good enough to keep non-English articles out of an English pipeline; it is not a general
language identifier.
"""
from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_]+")
# Function words are the most reliable short-text signal of a language.
FUNCTION_WORDS = {
    "en": set("the of and to in a is that for on with as was by at from it be has have are said not this will were an".split()),
    "fr": set("le la les de des du et est une un que dans pour pas sur qui avec au il elle sont ce".split()),
    "de": set("der die das und ist nicht ein eine den dem mit von zu auf für sich des im auch es".split()),
    "es": set("el la los las de del y que en un una es por con para no se su al lo como".split()),
    "it": set("il lo la gli le di del della che e un una per non con sono è da nel si".split()),
    "pt": set("o a os as de do da que e um uma para não com por em no na se é".split()),
    "tr": set("ve bir bu da de için ile olarak daha çok gibi ama ne olan".split()),
    "ru": set("и в не на что с по как это он она к из за от для также был была".split()),
    "uk": set("і в не на що з по як це він вона до із за від для також був була".split()),
    "az": set("və bir bu da də üçün ilə olaraq daha çox kimi amma ki".split()),
}
SCRIPTS = [
    (re.compile(r"[\u0530-\u058F]"), "hy"),
    (re.compile(r"[\u10A0-\u10FF]"), "ka"),
    (re.compile(r"[\u0600-\u06FF]"), "ar"),
    (re.compile(r"[\u4E00-\u9FFF]"), "zh"),
    (re.compile(r"[\u3040-\u30FF]"), "ja"),
    (re.compile(r"[\uAC00-\uD7AF]"), "ko"),
    (re.compile(r"[\u0590-\u05FF]"), "he"),
]


_KANA = re.compile(r"[\u3040-\u30FF]")
_NOT_LETTER = re.compile(r"[\W\d_]+")
_PUNCT = ".,;:!?\"'()[]“”‘’«»—–-"


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, "und" when there is too little to tell."""
    sample = text[:2000]
    letters = _NOT_LETTER.sub("", sample)
    n_letters = len(letters)
    if n_letters < 20:
        return "und"
    non_ascii = n_letters - len(letters.encode("ascii", "ignore"))
    if non_ascii > n_letters * 0.3:
        # Japanese writes most words in Chinese characters: a share of kana marks it
        if len(_KANA.findall(sample)) > n_letters * 0.1:
            return "ja"
        for pattern, code in SCRIPTS:
            if len(pattern.findall(sample)) > n_letters * 0.3:
                return code
    counts = Counter(w.strip(_PUNCT) for w in sample.lower().split())
    n_tokens = sum(counts.values())
    scores = Counter({lang: sum(counts[w] for w in words) for lang, words in FUNCTION_WORDS.items()})
    lang, hits = scores.most_common(1)[0]
    if hits < max(2, n_tokens * 0.05):
        # a headline or one short sentence: plain ASCII with no sign of another language is English
        if non_ascii <= n_letters * 0.03 and scores["en"] >= hits:
            return "en"
        return "und"
    if lang == "ru" and scores["uk"] >= hits * 0.8 and re.search(r"[іїєґ]", sample):
        return "uk"
    return lang


def is_english(text: str) -> bool:
    return detect_language(text) == "en"
