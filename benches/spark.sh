#!/usr/bin/env bash
# Past one machine (README): plain ingest of the 10x BBC corpus against Spark local[2] extract
# plus `ingest --extracted` of its output, each step's wall time; and `ingest --extracted`
# alone at 10x and 100x in articles per second. Needs Java and pyspark (pip install pyspark).
#
#   benches/spark.sh [SHARED_DIR]
#   BENCH_TIMES="10 100" BENCH_DIR=target/bench benches/spark.sh ../shared
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$(cd "${1:-../shared}" && pwd)
times=${BENCH_TIMES:-"10 100"}
dir=${BENCH_DIR:-target/bench}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
cargo build --release --quiet
bin=$PWD/target/release/newsclaims

# seconds CMD...: the wall time of one run, in seconds.
seconds() {
    /usr/bin/time -f "%e" -o "$dir/time" "$@" >/dev/null 2>"$dir/stderr" \
        || { cat "$dir/stderr" >&2; return 1; }
    cat "$dir/time"
}

echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
echo "| corpus | articles | plain ingest s | Spark local[2] extract s | ingest --extracted s | Spark + ingest --extracted s | ingest --extracted articles/s | Spark extract articles/s per core |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for n in $times; do
    corpus=$dir/corpus-${n}x
    [ -d "$corpus" ] || python3 benches/gen_corpus.py --bbc "$shared/data/bbc" --out "$corpus" --times "$n"
    articles=$(find "$corpus" -type f | wc -l)
    rm -f "$dir/plain.db"*
    plain=$(seconds "$bin" --db "$dir/plain.db" ingest --quiet "$corpus")
    rm -f "$dir/plain.db"*
    rm -rf "$dir/extracted"
    spark=$(seconds python3 scale/spark_extract.py --master 'local[2]' --binary "$bin" \
        "$dir/extracted" "$corpus")
    rm -f "$dir/loaded.db"*
    loaded=$(seconds "$bin" --db "$dir/loaded.db" ingest --quiet --extracted "$dir/extracted")
    rm -f "$dir/loaded.db"*
    rm -rf "$dir/extracted"
    awk -v n="${n}x" -v a="$articles" -v p="$plain" -v s="$spark" -v l="$loaded" 'BEGIN {
        printf "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f |\n",
            n, a, p, s, l, s + l, a / l, a / s / 2 }'
done
