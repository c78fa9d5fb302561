#!/usr/bin/env bash
# Every evaluation of ../shared, each against a floor just under what the project reaches.
# Run by .ci/run when ../shared is beside the clone; `eval/ci_evaluations.sh SHARED_DIR`.
# The floors live in eval/floors.env so that raising one is a one-line change.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
# shellcheck disable=SC1091
source eval/floors.env
dragoman=.venv/bin/dragoman
py=.venv/bin/python
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# floor NAME VALUE MINIMUM: fail when VALUE < MINIMUM.
floor() {
  "$py" -c "import sys; v, m = float(sys.argv[2]), float(sys.argv[3]); print(f'{sys.argv[1]}: {v:.3f} (floor {m})'); sys.exit(v < m)" "$@" \
    || { echo "ci: $1 fell under its floor"; exit 1; }
}
field() { "$py" -c "import json, sys; d = json.loads(sys.stdin.read().strip().splitlines()[-1]); print(eval(sys.argv[1], {}, d))" "$1"; }
analyze() { "$dragoman" analyze "$@" --format jsonl --no-store --quiet 2>>"$out/warnings.log" || true; }

echo "== seeds"
analyze "$shared/corpus/seeds" > "$out/seeds.jsonl"
python3 "$shared/eval/score.py" --gold "$shared/gold/seeds.jsonl" --pred "$out/seeds.jsonl" \
  --min-clean-acc 1.0 --min-meta-acc 1.0 --min-quote-f1 "$SEEDS_QUOTE_F1" \
  --min-attribution-f1 "$SEEDS_ATTRIBUTION_F1" --min-event-f1 "$SEEDS_EVENT_F1"

echo "== key actors of the seeds"
"$py" eval/actor_seeds.py "$shared/corpus/seeds"

echo "== real news (news_dev)"
analyze "$shared"/corpus/news_dev/*.txt > "$out/news.jsonl"
python3 "$shared/eval/score.py" --gold "$shared/gold/news_dev.jsonl" --pred "$out/news.jsonl" \
  --min-quote-f1 "$NEWS_QUOTE_F1" --min-attribution-f1 "$NEWS_ATTRIBUTION_F1" \
  --min-event-f1 "$NEWS_EVENT_F1" --min-meta-acc "$NEWS_META_ACC"

echo "== PLOVER gold sentences"
analyze "$shared/corpus/plover_gsr" > "$out/gsr.jsonl"
python3 "$shared/eval/score.py" --gold "$shared/gold/plover_gsr.jsonl" --pred "$out/gsr.jsonl" \
  --min-event-f1 "$PLOVER_EVENT_F1"

echo "== CAMEO five classes (cameo_class)"
python3 "$shared/eval/score_pentaclass.py" prepare "$shared/corpus/cameo_class/train.tsv" "$out/penta" >/dev/null
analyze "$out/penta" > "$out/penta.jsonl"
penta=$(python3 "$shared/eval/score_pentaclass.py" score "$shared/corpus/cameo_class/train.tsv" "$out/penta.jsonl")
floor "cameo_class macro-F1" "$(field macro_f1 <<<"$penta")" "$PENTA_MACRO_F1"

echo "== PolNeAR dev attributions"
analyze "$shared/corpus/polnear/data/dev/text" > "$out/polnear.jsonl"
polnear=$(python3 "$shared/eval/score_polnear.py" "$shared/corpus/polnear/data/dev" "$out/polnear.jsonl")
floor "PolNeAR content F1" "$(field content_f1 <<<"$polnear")" "$POLNEAR_CONTENT_F1"
floor "PolNeAR named-speaker accuracy" "$(field named_source_acc <<<"$polnear")" "$POLNEAR_NAMED_ACC"
# PolNeAR's own convention joins '"A," she said. "B."' into one attribution: `--statements`
analyze "$shared/corpus/polnear/data/dev/text" --statements > "$out/polnear_statements.jsonl"
polnear=$(python3 "$shared/eval/score_polnear.py" "$shared/corpus/polnear/data/dev" "$out/polnear_statements.jsonl")
floor "PolNeAR content F1, one quote per statement" "$(field content_f1 <<<"$polnear")" "$POLNEAR_STATEMENTS_F1"

echo "== main text of web pages (html_dev/aeb)"
python3 "$shared/eval/score_aeb.py" prepare "$shared/corpus/html_dev/aeb" "$out/aeb" >/dev/null
analyze "$out/aeb" > "$out/aeb.jsonl"
aeb=$(python3 "$shared/eval/score_aeb.py" score "$shared/corpus/html_dev/aeb" "$out/aeb.jsonl")
floor "aeb main-text F1" "$(field f1 <<<"$aeb")" "$AEB_F1"
floor "aeb pages kept" "$(field '1 - missing' <<<"$aeb")" 1

echo "== publication dates (html_dev/dates)"
python3 "$shared/eval/score_dates.py" prepare "$shared/corpus/html_dev/dates" "$out/dates_in.jsonl" >/dev/null
analyze "$out/dates_in.jsonl" > "$out/dates.jsonl"
dates=$(python3 "$shared/eval/score_dates.py" score "$shared/corpus/html_dev/dates" "$out/dates.jsonl")
floor "date accuracy" "$(field accuracy <<<"$dates")" "$DATES_ACC"

echo "== stories (stories_dev, all 471 articles clustered together)"
"$dragoman" analyze "$shared/corpus/stories_dev" --db "$out/stories.db" --quiet >/dev/null 2>>"$out/warnings.log" || true
"$dragoman" export --what articles --format jsonl --db "$out/stories.db" --output "$out/stories.jsonl" >/dev/null
stories=$(python3 "$shared/eval/score_stories.py" --gold "$shared/gold/stories_dev.jsonl" --pred "$out/stories.jsonl" --json)
floor "stories pairwise F1" "$(field 'system["f1"]' <<<"$stories")" "$STORIES_F1"
