#!/usr/bin/env bash
# Issue 12's throughput figures, through the one run path (finsim run / finsim sweep, whole process
# with output): replications per second at 1:1, 2019–2030 with the default burn-in, a 30-year one
# and none; 2019–2040 with the default burn-in; and the "done when" sweep (7 funding levels × REPS
# replications, 2019–2040, default burn-in; the points share the months their funding plans agree).
#
#   benchmarks/units.sh [FINSIM=build/release/engine/finsim] [REPS=20] [THREADS=2]
set -euo pipefail
cd "$(dirname "$0")/.."
finsim=${1:-build/release/engine/finsim}
reps=${2:-20}
threads=${3:-2}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  ($(nproc) cores)"

# time_it LABEL UNITS CMD...: wall and CPU seconds of the whole process, units per second.
time_it() {
  local label=$1 units=$2
  shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" >/dev/null
  read -r wall user sys rss <"$tmp/time"
  awk -v l="$label" -v u="$units" -v w="$wall" -v c="$(echo "$user + $sys" | bc)" -v r="$rss" \
    'BEGIN { printf "%-46s %4d units  %7.1f s wall  %7.1f s CPU  %6.2f units/s  %6.2f s CPU/unit  %5.0f MB\n", l, u, w, c, u / w, c / u, r / 1024 }'
}

base=(scenarios/baseline.toml -q -t "$threads" -r "$reps" -o "$tmp/r.h5" --set scenario.end=2030-12)
time_it "run 2019-2030, default burn-in" "$reps" "$finsim" run "${base[@]}"
time_it "run 2019-2030, burn-in 30 y" "$reps" "$finsim" run "${base[@]}" --set scenario.burn_in_years=30
time_it "run 2019-2030, no burn-in" "$reps" "$finsim" run "${base[@]}" --set scenario.burn_in_years=0
# The default horizon (docs/cluster.md sizes jobs by it).
time_it "run 2019-2040, default burn-in" "$reps" "$finsim" run scenarios/baseline.toml -q -t "$threads" -r "$reps" \
  -o "$tmp/r.h5"
vary=(--vary funding.state.allocation_msek.2025=339:1017:7)
time_it "sweep 7 points 2019-2040 (done-when)" $((7 * reps)) "$finsim" sweep scenarios/baseline.toml "${vary[@]}" \
  -q -t "$threads" -r "$reps" -o "$tmp/s.h5"
