#!/bin/sh
# run-fuzz.sh EXE NAME CORPUS WORK [OPTION…]: runs the libFuzzer executable EXE for
# DN_FUZZ_SECONDS (default 60) over a copy of the seed corpus CORPUS kept in
# WORK/corpus (new inputs found are added there, the seeds stay as they
# are), with 10 s and 4 GiB per input. A crash, leak, time-out or broken
# invariant leaves its input in WORK/artifacts/ (emptied at start) and
# fails. Temporary files go to WORK/tmp. Writes WORK/summary: time,
# executions, coverage.
set -eu
exe=$1 name=$2 corpus=$3 work=$4
shift 4
# the rest: libFuzzer options of this target
seconds=${DN_FUZZ_SECONDS:-60}
rm -rf "$work/artifacts" "$work/summary"
mkdir -p "$work/corpus" "$work/artifacts"
cp -R "$corpus/." "$work/corpus/"
# the target's temporary folders: an aborted run cannot remove its own
export TMPDIR="$work/tmp"
rm -rf "$TMPDIR"
mkdir -p "$TMPDIR"

start=$(date +%s)
status=0
# the outer timeout only guards against libFuzzer itself hanging
timeout -k 30 $((seconds + 600)) "$exe" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 -error_exitcode=1 \
  -artifact_prefix="$work/artifacts/" "$@" "$work/corpus" >"$work/log" 2>&1 || status=$?
elapsed=$(( $(date +%s) - start ))
# 77 would read as "skipped" to meson
[ "$status" -ne 77 ] || status=1
cat "$work/log"

runs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$work/log" | tail -n 1)
last=$(grep -E '^#[0-9]+' "$work/log" | tail -n 1 || true)
cov=$(printf '%s\n' "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
ft=$(printf '%s\n' "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
corp=$(printf '%s\n' "$last" | sed -n 's/.*corp: \([^ ]*\).*/\1/p')
if [ "$status" -eq 0 ]; then
  verdict="clean for ${elapsed} s"
else
  verdict="FAILED after ${elapsed} s (exit $status; inputs in $work/artifacts/)"
fi
printf 'fuzz-%s: %s, %s runs, cov %s, ft %s, corpus %s\n' \
  "$name" "$verdict" "${runs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" | tee "$work/summary"
exit "$status"
