#!/bin/sh
# One fuzzer at a time, in this process; its output goes to fuzz/log-TARGET.txt.
cd "$(dirname "$0")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target/fuzz} RUSTC_BOOTSTRAP=1
for spec in "$@"; do
  t=${spec%%:*}; secs=${spec##*:}
  echo "=== $t $secs s start $(date -u +%T)"
  nice cargo fuzz run -s none "$t" -- -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 -timeout=20 > fuzz/log-$t.txt 2>&1
  echo "=== $t exit $? end $(date -u +%T)"
done
