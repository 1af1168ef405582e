#!/usr/bin/env bash
# Measures the benchmarks/README.md (targets P1–P6) targets (P1–P6) and the scaling table; see benchmarks/README.md.
#
#   benchmarks/run.sh [--no-build] [--reps N] [--no-micro] [--no-scaling] [--wait-idle] [--profile]
#
# Builds the "bench" preset (Release, -O3 -DNDEBUG; it also builds the finsim CLI with the same
# flags), then runs every measurement N times (default 3) and prints the median beside its target.
# Timings are wall clock on a machine that may be shared: the load average is printed, and the
# CPU-time figures (user + system of the process) are given beside the wall-clock ones.
# --wait-idle waits (up to 30 min) for the 1-minute load average to fall below 1 before measuring.
# --profile additionally builds build/bench-prof (-O3 -g -fno-omit-frame-pointer) and profiles
# one replication with perf (software clock) or, if perf cannot sample, callgrind.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

BUILD=1 REPS=3 MICRO=1 SCALING=1 PROFILE=0 WAIT=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --no-build) BUILD=0 ;;
    --reps) REPS=$2; shift ;;
    --no-micro) MICRO=0 ;;
    --no-scaling) SCALING=0 ;;
    --profile) PROFILE=1 ;;
    --wait-idle) WAIT=1 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

if [[ $BUILD == 1 ]]; then
  cmake --preset bench >/dev/null
  cmake --build --preset bench
fi

DRIVER=build/bench/benchmarks/finsim_replication
MICROBENCH=build/bench/benchmarks/finsim_bench
CLI=build/bench/engine/finsim
SCENARIO=scenarios/baseline.toml
END=2028-12   # 2019-01 .. 2028-12: ten years, 120 months
TMP=$(mktemp -d /tmp/finsim-bench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

# --- helpers --------------------------------------------------------------------------------
median() { sort -g | awk '{v[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
# key FILE...: the values of one key=value line, one per file.
values() { local key=$1; shift; for f in "$@"; do sed -n "s/^$key=//p" "$f"; done; }
med() { values "$@" | median; }
calc() { awk "BEGIN {printf \"%s\", $1}"; }
fmt() { awk "BEGIN {printf \"$1\", $2}"; }  # fmt FORMAT EXPRESSION
# pass VALUE OP TARGET
pass() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN {ok = (op == ">=") ? v >= t : v <= t; print ok ? "PASS" : "FAIL"}'; }

# drive NAME SCALE THREADS [OUTPUT]: REPS runs of the driver, outputs in $TMP/NAME.<rep>
drive() {
  local name=$1 scale=$2 threads=$3 out=${4:-}
  for ((i = 1; i <= REPS; i++)); do
    if [[ -n $out ]]; then
      "$DRIVER" --scenario "$SCENARIO" --scale "$scale" --threads "$threads" --end "$END" --output "$out" >"$TMP/$name.$i"
    else
      "$DRIVER" --scenario "$SCENARIO" --scale "$scale" --threads "$threads" --end "$END" >"$TMP/$name.$i"
    fi
  done
}
files() { local n=$1; for ((i = 1; i <= REPS; i++)); do printf '%s ' "$TMP/$n.$i"; done; }

load1() { cut -d' ' -f1 /proc/loadavg; }
if [[ $WAIT == 1 ]]; then
  for ((w = 0; w < 180; w++)); do
    awk -v l="$(load1)" 'BEGIN {exit !(l < 1.0)}' && break
    sleep 10
  done
fi

echo "== machine"
echo "date:      $(date -u +%Y-%m-%dT%H:%M:%SZ)"
if git diff --quiet HEAD -- engine; then
  echo "commit:    $(git rev-parse --short HEAD)"
else  # the engine as measured: HEAD plus a digest of the uncommitted engine/ changes
  echo "commit:    $(git rev-parse --short HEAD) + uncommitted engine/ changes (diff sha256 $(git diff HEAD -- engine | sha256sum | cut -c1-12))"
fi
echo "cpu:       $(nproc) x $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "compiler:  $(${CXX:-c++} --version | head -1); Release: -O3 -DNDEBUG"
echo "load avg:  $(cut -d' ' -f1-3 /proc/loadavg) (before measuring)"
echo "reps:      $REPS (medians)"
echo

# --- P1, P4, P5: the national baseline at scale 1, ten years, 1 and 2 threads ------------------
drive t1 1 1 "$TMP/t1.h5"
drive t2 1 2 "$TMP/t2.h5"
# P3: the same without output at scale 1 and at a tiny scale; the difference is the agents' share.
drive rss1 1 1
drive rss0 0.01 1

# P2: the CLI end to end (load, world, run, invariants, HDF5 write) — what a user waits for.
for ((i = 1; i <= REPS; i++)); do
  /usr/bin/time -f "%e %M" -o "$TMP/cli.$i" "$CLI" run "$SCENARIO" -r 1 --threads 2 --set "scenario.end=\"$END\"" \
    -o "$TMP/cli.h5" --quiet >/dev/null
done
cli_wall=$(for ((i = 1; i <= REPS; i++)); do cut -d' ' -f1 "$TMP/cli.$i"; done | median)

T1=$(files t1) T2=$(files t2)
step1=$(med step_rate $T1)
step2=$(med step_rate $T2)
run1=$(med run_rate $T1)
run2=$(med run_rate $T2)
cpu_ns=$(med step_cpu_ns_per_agent_month $T1)
agent_months=$(med agent_months $T2)
initial=$(med initial_agents $T2)
months=$(med months $T2)
p2_driver=$(for f in $T2; do awk -F= '/^(run_s|invariants_s|write_s)=/ {s += $2} END {print s}' "$f"; done | median)
p5=$(for f in $T2; do awk -F= '/^(run_s|invariants_s)=/ {r += $2} /^write_s=/ {w = $2} END {print 100 * w / (r + w)}' "$f"; done | median)
p5cpu=$(for f in $T1; do awk -F= '/^run_cpu_s=/ {r = $2} /^write_cpu_s=/ {w = $2} END {print 100 * w / (r + w)}' "$f"; done | median)
write_s=$(med write_s $T2)
speedup=$(calc "$step2 / $step1")
rss1=$(med max_rss_kb $(files rss1)) rss0=$(med max_rss_kb $(files rss0))
peak1=$(med peak_agents $(files rss1)) peak0=$(med peak_agents $(files rss0))
live_end=$(med live_at_end $(files rss1))
bpa=$(calc "($rss1 - $rss0) * 1024 / ($peak1 - $peak0)")
bpa_struct=$(med bytes_per_agent_struct $(files rss1))

printf '== targets (national baseline, scale 1, %s months from 2019-01; %s initial agents, %s agent-months)\n' \
  "$months" "$initial" "$agent_months"
printf '%-4s %-58s %16s  %-16s %s\n' id measure value target result
printf '%-4s %-58s %16s  %-16s %s\n' P1 "agent-months/s, 2 threads (monthly stepping)" "$(fmt %.1f "$step2 / 1e6") M" ">= 200 M" \
  "$(pass "$step2" ">=" 200e6)"
printf '%-4s %-58s %16s  %-16s %s\n' "" "agent-months/s, 1 thread (monthly stepping)" "$(fmt %.1f "$step1 / 1e6") M" "" ""
printf '%-4s %-58s %16s  %-16s %s\n' "" "agent-months/s, 2 threads (whole run_replication)" "$(fmt %.1f "$run2 / 1e6") M" "" ""
printf '%-4s %-58s %16s  %-16s %s\n' "" "agent-months/s, 1 thread (whole run_replication)" "$(fmt %.1f "$run1 / 1e6") M" "" ""
printf '%-4s %-58s %16s  %-16s %s\n' "" "CPU ns per agent-month, 1 thread (stepping)" "$(fmt %.1f "$cpu_ns")" "<= 10 (P1, 2t)" ""
printf '%-4s %-58s %16s  %-16s %s\n' P2 "wall s, finsim run -r 1 --threads 2 -o (CLI end to end)" "$cli_wall" "<= 1" \
  "$(pass "$cli_wall" "<=" 1)"
printf '%-4s %-58s %16s  %-16s %s\n' "" "wall s, run_replication + invariants + write (driver)" "$(fmt %.2f "$p2_driver")" "" ""
printf '%-4s %-58s %16s  %-16s %s\n' P3 "resident bytes per stored agent (RSS scale 1 - scale 0.01)" "$(fmt %.1f "$bpa")" "<= 64" \
  "$(pass "$bpa" "<=" 64)"
printf '%-4s %-58s %16s  %-16s %s\n' "" "  (RSS $rss1 kB - $rss0 kB over $peak1 - $peak0 agents stored)" "" "" ""
printf '%-4s %-58s %16s  %-16s %s\n' "" "Agents::bytes_per_agent() (columns only)" "$bpa_struct" "<= 64" "$(pass "$bpa_struct" "<=" 64)"
printf '%-4s %-58s %16s  %-16s %s\n' "" "stored agents per live agent at the end" "$(fmt %.2f "$peak1 / $live_end")" "" ""
printf '%-4s %-58s %16s  %-16s %s\n' P4 "speed-up 1 -> 2 threads (monthly stepping, wall)" "$(fmt %.2f "$speedup")" ">= 1.8" \
  "$(pass "$speedup" ">=" 1.8)"
printf '%-4s %-58s %16s  %-16s %s\n' P5 "HDF5 write share of run+invariants+write, 2 threads (wall)" "$(fmt %.1f "$p5") %" "<= 10 %" \
  "$(pass "$p5" "<=" 10)"
printf '%-4s %-58s %16s  %-16s %s\n' "" "HDF5 write share, 1 thread (CPU time)" "$(fmt %.1f "$p5cpu") %" "<= 10 %" "$(pass "$p5cpu" "<=" 10)"
printf '%-4s %-58s %16s  %-16s %s\n' "" "HDF5 write, wall s" "$(fmt %.3f "$write_s")" "" ""
printf '%-4s %-58s %16s  %-16s %s\n' P6 "general-population mode (6.4 M agents)" "not implemented" "<= 30 s, 1 GiB" "n/a"
echo

# A 1-thread run's wall time over its CPU time: 1.00 when the core was ours alone.
contention=$(for f in $T1; do awk -F= '/^step_s=/ {w = $2} /^step_cpu_s=/ {c = $2} END {print w / c}' "$f"; done | median)
echo "1-thread stepping wall/CPU: $(fmt %.2f "$contention") (1.00: an unshared core); load avg now $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v r="$contention" 'BEGIN {exit !(r > 1.1)}' &&
  echo "WARNING: the machine was shared while measuring; wall-clock figures (P1, P2, P4, P5) are pessimistic, CPU figures hold"
echo

# --- scaling: step time per agent-month vs population.scale -----------------------------------
if [[ $SCALING == 1 ]]; then
  echo "== scaling (monthly stepping, ten years; ns per agent-month, medians; ratio to scale 1)"
  printf '%-6s %12s %14s %14s %10s %14s %10s\n' scale initial agent-months "1t CPU ns" ratio "2t wall ns" ratio
  for s in 0.1 0.3 1 3; do
    drive "s1_$s" "$s" 1
    drive "s2_$s" "$s" 2
  done
  ref1=$(med step_cpu_ns_per_agent_month $(files s1_1)) ref2=$(med step_ns_per_agent_month $(files s2_1))
  for s in 0.1 0.3 1 3; do
    c=$(med step_cpu_ns_per_agent_month $(files "s1_$s")) w=$(med step_ns_per_agent_month $(files "s2_$s"))
    printf '%-6s %12s %14s %14.1f %10.2f %14.1f %10.2f\n' "$s" "$(med initial_agents $(files "s1_$s"))" \
      "$(med agent_months $(files "s1_$s"))" "$c" "$(calc "$c / $ref1")" "$w" "$(calc "$w / $ref2")"
  done
  echo
fi

# --- micro-benchmarks -------------------------------------------------------------------------
if [[ $MICRO == 1 ]]; then
  echo "== micro-benchmarks (scale 1, March 2020 after 14 warm-up months; items = live agent-months; medians)"
  # 0.05 s of timed work per repetition: a phase is restored from the national snapshot (≈ 2 ms,
  # untimed) before every iteration, so a cheap phase at 0.5 s ran for minutes.
  FINSIM_BENCH_TMP=$TMP "$MICROBENCH" --benchmark_repetitions="$REPS" --benchmark_report_aggregates_only=true \
    --benchmark_min_time=0.05 2>/dev/null | grep -E '^(Benchmark|-|BM_.*_median)' || true
  echo
fi

# --- profile ----------------------------------------------------------------------------------
if [[ $PROFILE == 1 ]]; then
  echo "== profile (one replication, scale 1, ten years, 1 thread; -O3 -g -fno-omit-frame-pointer)"
  cmake -S . -B build/bench-prof -G Ninja -DCMAKE_BUILD_TYPE=Release -DFINSIM_BENCHMARKS=ON -DFINSIM_TESTS=OFF \
    "-DCMAKE_CXX_FLAGS=-g -fno-omit-frame-pointer" >/dev/null
  cmake --build build/bench-prof -j 2 --target finsim_replication >/dev/null
  PROF=build/bench-prof/benchmarks/finsim_replication
  if perf record -e cpu-clock -o "$TMP/probe.data" -- true >/dev/null 2>&1; then
    perf record -e cpu-clock -F 2000 --call-graph fp -o "$TMP/perf.data" -- \
      "$PROF" --scenario "$SCENARIO" --scale 1 --threads 1 --end "$END" --output "$TMP/prof.h5" >/dev/null 2>&1
    # (|| true: head closes the pipe early, which pipefail would report as a failure)
    echo "-- inclusive (children), top 25"
    { perf report -i "$TMP/perf.data" --stdio --children --percent-limit 1 --sort symbol -g none 2>/dev/null |
      grep -E '^ +[0-9]' | head -25 | cut -c1-150; } || true
    echo "-- self, top 20"
    { perf report -i "$TMP/perf.data" --stdio --no-children --percent-limit 0.3 --sort dso,symbol -g none 2>/dev/null |
      grep -E '^ +[0-9]' | head -20 | cut -c1-150; } || true
    echo "-- callers of schedule()"
    { perf report -i "$TMP/perf.data" --stdio --no-children --symbol-filter=schedule -G --percent-limit 2 2>/dev/null |
      grep -E '[0-9]+\.[0-9]+%' | head -20 | cut -c1-150; } || true
  else
    valgrind --tool=callgrind --callgrind-out-file="$TMP/callgrind.out" "$PROF" --scenario "$SCENARIO" --scale 0.05 \
      --threads 1 --end 2020-12 --output "$TMP/prof.h5" >/dev/null 2>&1
    { callgrind_annotate --inclusive=yes "$TMP/callgrind.out" 2>/dev/null | head -40; } || true
  fi
fi
