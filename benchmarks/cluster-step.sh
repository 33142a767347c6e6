#!/usr/bin/env bash
# Steps of the engine `cluster` on one machine: a coordinator and 0, 1 or more member JVMs, or one
# plain JVM, training laplace2d; prints the time of every step (history.csv), each JVM's peak
# resident memory (VmHWM) and heap (the largest heap in use after a collection, from its GC log:
# what the JVM held live at worst; and the largest before one: what it let accumulate under -Xmx)
# and the load average at the start and the end. Not a test: one run per call, meant for
# docs/CLUSTER.md ("A distributed step at P ≈ 10⁴").
#
# Usage: benchmarks/cluster-step.sh SETUP OPTIMIZER POINTS HIDDEN STEPS
#   SETUP      plain (one JVM, --engine autodiff) | 1 (cluster of one: the coordinator holds
#              every block) | 2, 3, … (the coordinator and SETUP-1 member JVMs on this machine)
#   OPTIMIZER  the --optimizer text, e.g. lm, engd, 'gn-pcg(rank=20;cg_max_iterations=20)'
#   POINTS     interior points (the boundary keeps its own count)
#   HIDDEN     hidden widths, e.g. 70,70,70 (P = 10 221 for laplace2d)
#   STEPS      steps (the first includes the JIT's warm-up; the later ones are the figures)
# Environment: GEOPINN_ROOT (the checkout whose docs/ the homes get, default this one), GEOPINN_HOST (a copy of features/target/host: never the folder a build writes to;
#   default: a copy made here), XMX (heap of the coordinator, default 6g), MEMBER_XMX (default 3g),
#   PORT (first port, default 5811), TIMEOUT (seconds without a heartbeat before a member counts as
#   gone, default 600: on a loaded machine a JVM in long collections misses heartbeats), CACHE (the
#   share of each member's heap its kept block systems may take, 0 … 1; default: the setting's
#   default), OUT (where the run's folders go, default a temporary one).
set -u
SETUP=$1 OPT=$2 POINTS=$3 HIDDEN=$4 STEPS=$5
ROOT=${GEOPINN_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
OUT=${OUT:-$(mktemp -d)}
mkdir -p "$OUT"
if [ -z "${GEOPINN_HOST:-}" ]; then
  GEOPINN_HOST=$OUT/host
  cp -r "$ROOT/features/target/host" "$GEOPINN_HOST"
fi
XMX=${XMX:-6g} MEMBER_XMX=${MEMBER_XMX:-3g} PORT=${PORT:-5811} TIMEOUT=${TIMEOUT:-600}
NAME=bench-$PORT
home() { # a home with docs/ and, for a cluster, the member configuration
  mkdir -p "$1/plugins"
  cp -r "$ROOT/docs" "$1/"
}
java_cmd() { # heap, home, gc log
  echo nice -n 10 java "-Xmx$1" -Djava.awt.headless=true "-Dgeopinn.host=$GEOPINN_HOST" "-Dgeopinn.home=$2" \
    "-Xlog:gc:file=$3" -jar "$GEOPINN_HOST/geopinn-launcher.jar"
}
peak_heap() { # the largest heap in use after and before a collection, in MB, from a -Xlog:gc file
  echo "$(sed -n 's/.* [0-9]*M->\([0-9]*\)M([0-9]*M).*/\1/p' "$1" | sort -n | tail -1) MB live after a collection, $(
    sed -n 's/.* \([0-9]*\)M->[0-9]*M([0-9]*M).*/\1/p' "$1" | sort -n | tail -1) MB before"
}
N=0
[ "$SETUP" != plain ] && N=$SETUP
JOIN=""
for ((i = 0; i < N; i++)); do JOIN="$JOIN${JOIN:+,}127.0.0.1:$((PORT + i))"; done
home "$OUT/coordinator"
ENGINE=autodiff
if [ "$N" -ge 1 ]; then
  ENGINE=cluster
  printf 'name=%s\nmembers=%s\nport=%s\ntimeout=%s\n%s' "$NAME" "$JOIN" "$PORT" "$TIMEOUT" "${CACHE:+cache=$CACHE
}" > "$OUT/coordinator/plugins/org.geopinn.cluster.cfg"
fi
PIDS=()
for ((i = 1; i < N; i++)); do
  home "$OUT/member$i"
  $(java_cmd "$MEMBER_XMX" "$OUT/member$i" "$OUT/member$i.gc") member --join "$JOIN" --port $((PORT + i)) --name "$NAME" --timeout "$TIMEOUT" ${CACHE:+--cache "$CACHE"} \
    > "$OUT/member$i.log" 2>&1 &
  PIDS+=($!)
  until grep -q "member of cluster" "$OUT/member$i.log"; do
    sleep 1
    kill -0 "${PIDS[-1]}" 2>/dev/null || { echo "member $i did not start:"; cat "$OUT/member$i.log"; exit 1; }
  done
done
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
START=$(date +%s)
/usr/bin/time -f "%M" -o "$OUT/coordinator.rss" $(java_cmd "$XMX" "$OUT/coordinator" "$OUT/coordinator.gc") \
  solve laplace2d --engine "$ENGINE" --optimizer "$OPT" --points "$POINTS" --hidden "$HIDDEN" --steps "$STEPS" \
  --time-budget 36000 --out "$OUT/run" > "$OUT/coordinator.log" 2>&1
RC=$?
END=$(date +%s)
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "setup $SETUP${CACHE:+, cache $CACHE}, optimizer $OPT, $POINTS interior points, hidden $HIDDEN, $STEPS steps: exit $RC after $((END - START)) s (whole command)"
[ "$RC" -ne 0 ] && tail -5 "$OUT/coordinator.log"
if [ -f "$OUT/run/history.csv" ]; then
  awk -F, 'NR > 1 { printf "  step %d: %.1f s, loss %.6g\n", $1, $2 - prev, $3; prev = $2 }' "$OUT/run/history.csv"
fi
grep -o '"parameters": [0-9]*' "$OUT/run/summary.json" 2>/dev/null | head -1
echo "  coordinator: peak resident $(( $(cat "$OUT/coordinator.rss" | tail -1) / 1024 )) MB, heap $(peak_heap "$OUT/coordinator.gc") (-Xmx$XMX)"
for ((i = 1; i < N; i++)); do
  pid=$(pgrep -P "${PIDS[$((i - 1))]}" java || echo "${PIDS[$((i - 1))]}")
  hwm=$(sed -n 's/^VmHWM:[^0-9]*\([0-9]*\) kB/\1/p' "/proc/$pid/status" 2>/dev/null)
  echo "  member $i: peak resident $(( ${hwm:-0} / 1024 )) MB, heap $(peak_heap "$OUT/member$i.gc") (-Xmx$MEMBER_XMX)"
  kill "$pid" "${PIDS[$((i - 1))]}" 2>/dev/null
done
wait
echo "results: $OUT"
