"""Acceptance check for issue 3 on the seed articles in ../shared (not shipped, not a test).

For each key actor, every mention of it in the seeds (found here by the surface forms below,
in context where the place must be acting) must come out of the pipeline resolved to that
actor's code. Prints each miss and the count.

    python eval/actor_seeds.py [../shared/corpus/seeds]
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from dragoman.pipeline import Analyzer, prepare
from dragoman.records import Failure
from dragoman.read import iter_documents

# (pattern over the cleaned text, expected code, expected actor name or None)
EXPECTED = [
    (r"(?:Maria )?Zakharova", "RUS GOV", "Maria Zakharova"),
    (r"(?:Mikhail )?Galuzin", "RUS GOV", "Mikhail Galuzin"),
    (r"(?:Sergei )?Lavrov", "RUS GOV", "Sergei Lavrov"),
    (r"(?:Ararat )?Mirzoyan", "ARM GOV", "Ararat Mirzoyan"),
    (r"(?:Nikol )?Pashin(?:yan|ian)", "ARM GOV", "Nikol Pashinyan"),
    (r"Vladimir Putin", "RUS GOV", "Vladimir Putin"),
    (r"Sergey Shoigu", ("RUS GOV", "RUS MIL"), "Sergei Shoigu"),
    (r"Hikmet Hajiyev|Hajiyev", "AZE GOV", "Hikmet Hajiyev"),
    (r"Mikhail Mishustin", "RUS GOV", "Mikhail Mishustin"),
    # capitals where they act: subject of a verb, possessor, or acted upon
    (r"Yerevan(?= (?:said|alleging|agreed|has accused)|, this week|’s calls)|(?<=from )Yerevan(?= alleging)|(?<=rebuked )Yerevan", "ARM GOV", None),
    (r"Moscow(?= (?:should|\"takes|takes))", "RUS GOV", None),
    (r"Baku(?= blamed)", "AZE GOV", None),
    (r"\bCSTO\b|Collective Security Treaty Organization", "CSTO", None),
    (r"\bEAEU\b|\bEEU\b|Eurasian Economic Union", "EAEU", None),
    (r"\bCIS\b", "CIS", None),
    (r"\bEU\b|European Union", "EU", None),
    (r"OSCE Minsk Group", "OSCE", None),
    (r"UN Security Council", "UNSC", None),
    (r"the West\b|Western countries|Western powers|Washington and its allies", "WST", None),
]


def main() -> int:
    seeds = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/seeds"
    analyzer = Analyzer()
    articles = [prepare(raw) for raw in iter_documents([seeds])]
    right = total = 0
    for article in analyzer.analyze(a for a in articles if not isinstance(a, Failure)):
        for pattern, code, name in EXPECTED:
            codes = code if isinstance(code, tuple) else (code,)
            for m in re.finditer(pattern, article.text):
                total += 1
                actor = _actor_over(article, m.start(), m.end())
                ok = actor is not None and actor.code in codes and (name is None or actor.name == name)
                right += ok
                if not ok:
                    got = f"{actor.code} {actor.name}" if actor else None
                    print(f"  {Path(article.source).name}: {m.group()!r} at {m.start()}: want {codes[0]}"
                          f"{' ' + name if name else ''}, got {got}")
    print(f"actor mentions resolved right: {right}/{total}")
    return 0 if total and right == total else 1


def _actor_over(article, start: int, end: int):
    for e in article.entities:
        if e.start <= start and end <= e.end or start <= e.start < end:
            if e.actor is not None:
                return e.actor
    return None


if __name__ == "__main__":
    sys.exit(main())
