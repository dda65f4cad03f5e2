#!/usr/bin/env bash
# `newsclaims serve` on the 100x BBC archive (issue 17): page times of a fixed list of 100
# URLs (40 searches from benches/queries.txt, 30 speaker pages, 30 article pages) over 3
# rounds after a warm-up, timed by curl on one kept-alive connection; the server's RSS before
# and after 10,000 requests; and a CSV download of every quote with the server's peak RSS.
# The corpus and archive are built once and reused (~600 MB, ingest ~1-2 min in release).
#
#   benches/serve.sh [SHARED_DIR]
#   BENCH_TIMES=100 BENCH_DIR=target/bench BENCH_REQUESTS=10000 benches/serve.sh ../shared
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$(cd "${1:-../shared}" && pwd)
n=${BENCH_TIMES:-100}
requests=${BENCH_REQUESTS:-10000}
dir=${BENCH_DIR:-target/bench}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl; }
cargo build --release --quiet
bin=$PWD/target/release/newsclaims
corpus=$dir/corpus-${n}x
db=$dir/serve-${n}x.db
[ -d "$corpus" ] || python3 benches/gen_corpus.py --bbc "$shared/data/bbc" --out "$corpus" --times "$n"
if [ ! -f "$db" ]; then
    echo "ingesting the ${n}x corpus into $db" >&2
    "$bin" --db "$db" ingest --quiet "$corpus" >/dev/null
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" --db "$db" serve --port "$port" 2>"$dir/serve.log" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT
site=http://127.0.0.1:$port
for _ in $(seq 100); do curl -s -o /dev/null "$site/style.css" && break; sleep 0.1; done

rss() { awk -v k="$1:" '$1 == k { print int($2 / 1024) }' "/proc/$pid/status"; }

# The fixed list: the same 100 URLs for the same archive.
python3 - "$db" benches/queries.txt "$site" >"$dir/serve-urls.txt" <<'PY'
import shlex, sqlite3, sys, urllib.parse
db, queries, site = sys.argv[1:]
conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
lines = [l.strip() for l in open(queries) if l.strip() and not l.startswith("#")]
urls = []
for line in lines[:40]:
    words, params, args = [], {}, shlex.split(line)
    while args:
        arg = args.pop(0)
        if arg.startswith("--"):
            params[arg[2:]] = args.pop(0)
        else:
            words.append(arg)
    params = {"q": " ".join(words), **params}
    urls.append(("search", f"{site}/search?{urllib.parse.urlencode(params)}"))
# Speakers spread over the table, the most quoted among them; articles spread over the ids.
speakers = [r[0] for r in conn.execute(
    "SELECT speaker_id FROM quotes GROUP BY speaker_id ORDER BY count(*) DESC LIMIT 10")]
(count,) = conn.execute("SELECT max(id) FROM speakers").fetchone()
speakers += [1 + i * count // 20 for i in range(20)]
urls += [("speaker", f"{site}/speakers/{i}") for i in speakers]
(count,) = conn.execute("SELECT max(id) FROM articles").fetchone()
urls += [("article", f"{site}/articles/{1 + i * count // 30}") for i in range(30)]
for kind, url in urls:
    print(kind, url)
PY

# timed: every URL of the list in order, by one curl on one kept-alive connection;
# "status seconds" a line.
awk '{ printf "url = \"%s\"\noutput = \"/dev/null\"\n", $2 }' "$dir/serve-urls.txt" >"$dir/serve-urls.curl"
timed() { curl -s -K "$dir/serve-urls.curl" -w '%{http_code} %{time_total}\n'; }
timed >/dev/null # warm-up: the page cache, the pool's connections
for _ in 1 2 3; do timed; done >"$dir/serve-times.txt"
echo "## newsclaims serve, ${n}x archive ($(sqlite3 "$db" 'SELECT count(*) FROM quotes' 2>/dev/null || echo '?') quotes): 100 URLs x 3 rounds"
python3 - "$dir/serve-urls.txt" "$dir/serve-times.txt" <<'PY'
import sys
kinds = [l.split()[0] for l in open(sys.argv[1])]
times = [l.split() for l in open(sys.argv[2])]
bad = [t for t in times if t[0] != "200" and t[0] != "404"]
if bad:
    sys.exit(f"{len(bad)} requests failed: {bad[:3]}")
by_kind = {}
for i, (status, seconds) in enumerate(times):
    by_kind.setdefault(kinds[i % len(kinds)], []).append(float(seconds) * 1000)
def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]
print("| pages | requests | p50 ms | p95 ms | max ms |")
print("| --- | --- | --- | --- | --- |")
everything = []
for kind in ("search", "speaker", "article"):
    values = by_kind.get(kind, [])
    everything += values
    print(f"| {kind} | {len(values)} | {pct(values, 50):.1f} | {pct(values, 95):.1f} | {max(values):.1f} |")
print(f"| all | {len(everything)} | {pct(everything, 50):.1f} | {pct(everything, 95):.1f} | {max(everything):.1f} |")
PY

before=$(rss VmRSS)
rounds=$(( (requests + 99) / 100 ))
start=$(date +%s.%N)
for _ in $(seq "$rounds"); do timed; done | awk '$1 != 200 && $1 != 404 { bad++ } END { if (bad) { print bad " requests failed"; exit 1 } }'
end=$(date +%s.%N)
after=$(rss VmRSS)
echo
echo "server RSS: ${before} MB before, ${after} MB after $((rounds * 100)) requests ($(python3 -c "print(f'{$end - $start:.0f}')") s); peak so far $(rss VmHWM) MB"

peak_before=$(rss VmHWM)
start=$(date +%s.%N)
rows=$(curl -s "$site/export/quotes.csv" | wc -l)
end=$(date +%s.%N)
echo "CSV of every quote: $((rows - 1)) rows in $(python3 -c "print(f'{$end - $start:.2f}')") s; server peak RSS ${peak_before} MB before, $(rss VmHWM) MB after, RSS now $(rss VmRSS) MB"
