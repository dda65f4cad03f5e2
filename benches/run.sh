#!/usr/bin/env bash
# The benchmark suite (issue "Fast at every size"): ingest of 1x, 10x and 100x the BBC set and of
# Reuters-21578 as JSON Lines against the sqlite3 floor, extraction alone, search latency and
# export at the largest size.
# Timings are medians of BENCH_RUNS runs, measured side by side in one run of this script.
#
#   benches/run.sh [SHARED_DIR]
#   BENCH_TIMES="1 10 100" BENCH_RUNS=3 BENCH_DIR=target/bench benches/run.sh ../shared
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$(cd "${1:-../shared}" && pwd)
times=${BENCH_TIMES:-"1 10 100"}
runs=${BENCH_RUNS:-3}
dir=${BENCH_DIR:-target/bench}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }
cargo build --release --quiet
bin=$PWD/target/release/newsclaims

# measure CMD...: prints "seconds peak_rss_kb cpu_seconds" of one run (cpu: user + system).
measure() {
    /usr/bin/time -f "%e %M %U %S" -o "$dir/time" "$@" >/dev/null 2>"$dir/stderr" \
        || { cat "$dir/stderr" >&2; return 1; }
    awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$dir/time"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(uname -m); $(sqlite3 --version | cut -d' ' -f1) sqlite3 shell"
echo
echo "## Ingest (medians of $runs runs, $((runs * 3)) under 10 MB)"
echo "| corpus | MB | articles | sqlite3 floor s | schema floor s | newsclaims s | ratio | newsclaims CPU s | MB/s | articles/s | s per MB | peak RSS MB |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
# ingest_row NAME INPUT ARTICLES FLOOR_SQL: one row of the ingest table. The floor, newsclaims
# and the schema floor run side by side, $runs times each (three times as often for a corpus
# under 10 MB, whose half-second runs drift the most); newsclaims leaves archive-NAME.db.
# The ratio is the median of each run's ratio to the floor run just before it: this machine
# drifts by a quarter from minute to minute, and runs a few seconds apart drift least.
ingest_row() {
    local name=$1 input=$2 articles=$3 floor_sql=$4
    local archive=$dir/archive-$name.db
    local bytes row_runs=$runs
    bytes=$(find "$input" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
    [ "$bytes" -ge 10000000 ] || row_runs=$((runs * 3))
    : >"$dir/floor.times"
    : >"$dir/schema.times"
    : >"$dir/ingest.times"
    : >"$dir/ingest.rss"
    : >"$dir/ingest.cpu"
    : >"$dir/ratios"
    for _ in $(seq "$row_runs"); do
        rm -f "$dir/floor.db"*
        measure sqlite3 "$dir/floor.db" "$floor_sql" | cut -d' ' -f1 >>"$dir/floor.times"
        rm -f "$archive"*
        read -r seconds rss cpu < <(measure "$bin" --db "$archive" ingest --quiet "$input")
        echo "$seconds" >>"$dir/ingest.times"
        echo "$rss" >>"$dir/ingest.rss"
        echo "$cpu" >>"$dir/ingest.cpu"
        awk -v t="$seconds" -v f="$(tail -n 1 "$dir/floor.times")" 'BEGIN { print t / f }' >>"$dir/ratios"
        # The schema floor copies the rows just stored into an empty archive (schema_floor.sql)
        # of the same schema (read from the archive: a migration calls newsclaims' own SQL
        # functions, which the sqlite3 shell lacks).
        rm -f "$dir/schema.db"*
        sqlite3 "$archive" .schema | sqlite3 "$dir/schema.db"
        measure sqlite3 "$dir/schema.db" -cmd "ATTACH '$archive' AS src" \
            <benches/schema_floor.sql | cut -d' ' -f1 >>"$dir/schema.times"
    done
    awk -v n="$name" -v b="$bytes" -v f="$articles" -v fl="$(median <"$dir/floor.times")" \
        -v sc="$(median <"$dir/schema.times")" -v t="$(median <"$dir/ingest.times")" \
        -v r="$(sort -g "$dir/ingest.rss" | tail -n 1)" -v cpu="$(median <"$dir/ingest.cpu")" \
        -v ratio="$(median <"$dir/ratios")" 'BEGIN {
        mb = b / 1e6
        printf "| %s | %.1f | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.1f | %.0f | %.4f | %.0f |\n",
            n, mb, f, fl, sc, t, ratio, cpu, mb / t, f / t, t / mb, r / 1024 }'
}

for n in $times; do
    corpus=$dir/corpus-${n}x
    [ -d "$corpus" ] || python3 benches/gen_corpus.py --bbc "$shared/data/bbc" --out "$corpus" --times "$n"
    ingest_row "${n}x" "$corpus" "$(find "$corpus" -type f | wc -l)" \
        "CREATE VIRTUAL TABLE docs USING fts5(path, body);
         BEGIN;
         INSERT INTO docs SELECT name, CAST(data AS TEXT) FROM fsdir('$corpus') WHERE data IS NOT NULL AND (mode & 61440) = 32768;
         COMMIT;"
done
# Reuters-21578 as one JSON Lines file: the floor stores each line's id, and its title and body
# as one text, the way the BBC floor stores each file whole.
reuters=$shared/data/reuters21578.jsonl
if [ -f "$reuters" ]; then
    ingest_row reuters "$reuters" "$(wc -l <"$reuters")" \
        "CREATE VIRTUAL TABLE docs USING fts5(path, body);
         BEGIN;
         INSERT INTO docs SELECT value->>'id', coalesce(value->>'title', '') || char(10) || coalesce(value->>'body', '')
         FROM json_each('[' || replace(trim(CAST(readfile('$reuters') AS TEXT), char(10)), char(10), ',') || ']');
         COMMIT;"
fi

largest=$(echo "$times" | tr ' ' '\n' | sort -g | tail -n 1)
db=$dir/archive-${largest}x.db

echo
echo "## Extraction alone"
cargo bench --quiet --bench extract -- "$shared/data/bbc"

echo
echo "## Search at ${largest}x: 100 queries, process start included"
python3 - "$bin" "$db" benches/queries.txt <<'PY'
import shlex, subprocess, sys, time
bin, db, path = sys.argv[1:]
queries = [l.strip() for l in open(path) if l.strip() and not l.startswith("#")]
lat = []
for _ in range(3):
    for q in queries:
        t = time.perf_counter()
        run = subprocess.run([bin, "--db", db, "search", *shlex.split(q), "--format", "tsv"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # 1 is a query without hits, as grep's; 2 is an error.
        if run.returncode > 1:
            sys.exit(f"search {q!r} failed with status {run.returncode}")
        lat.append((time.perf_counter() - t) * 1000)
lat.sort()
pick = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]
print(f"| queries | p50 ms | p95 ms | max ms |\n| --- | --- | --- | --- |\n"
      f"| {len(lat)} | {pick(0.5):.1f} | {pick(0.95):.1f} | {lat[-1]:.1f} |")
PY

echo
echo "## Export of all quotes at ${largest}x (medians of $runs runs)"
rows=$(sqlite3 "$db" "SELECT count(*) FROM quotes")
: >"$dir/export.times"
: >"$dir/floor-export.times"
: >"$dir/export.rss"
for _ in $(seq "$runs"); do
    read -r seconds rss _ < <(measure "$bin" --db "$db" export quotes --format csv -o /dev/null)
    echo "$seconds" >>"$dir/export.times"
    echo "$rss" >>"$dir/export.rss"
    measure sqlite3 -csv -header "$db" <benches/export_quotes.sql | cut -d' ' -f1 >>"$dir/floor-export.times"
done
awk -v rows="$rows" -v t="$(median <"$dir/export.times")" -v f="$(median <"$dir/floor-export.times")" \
    -v r="$(sort -g "$dir/export.rss" | tail -n 1)" 'BEGIN {
    printf "| rows | sqlite3 -csv s | newsclaims s | ratio | rows/s | peak RSS MB |\n| --- | --- | --- | --- | --- | --- |\n"
    printf "| %d | %.2f | %.2f | %.2f | %.0f | %.0f |\n", rows, f, t, t / f, rows / t, r / 1024 }'
