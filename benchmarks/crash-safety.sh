#!/usr/bin/env bash
# kill -9 loop against a results folder (outside CI; the process test CrashSafetyProcessTest runs
# the same loop a few times). Alternately rewrites a results folder with a new solve and resumes
# it, kills each run with SIGKILL at a random moment (half of the kills at a random moment of the
# whole run, half just after the new results start being written), then judges the folder with
# sha256sum and the run's own numbers, independently of Geopinn's code:
#   complete      the folder reads complete (manifest checksums match) and is one run's results
#   recoverable   the folder is missing (killed between the two renames of the switch) and a
#                 complete folder is beside it, which the next run switches in
#   MIXED         the folder reads complete but mixes two runs      (must be 0)
#   LOST          the folder reads incomplete, or nothing complete is left (must be 0)
# Usage: benchmarks/crash-safety.sh [KILLS]   (default 50; needs the assembled host: ./geopinn list once)
set -u
KILLS=${1:-50}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
HOST=${GEOPINN_HOST:-$ROOT/features/target/host}
WORK=$(mktemp -d)
R=$WORK/r
G=(java -Djava.awt.headless=true "-Dgeopinn.host=$HOST" "-Dgeopinn.home=$WORK" -jar "$HOST/geopinn-launcher.jar")

marked() { # the manifest exists and every file it names has its checksum
  [ -f "$1/manifest.sha256" ] && (cd "$1" && sha256sum --quiet -c manifest.sha256 >/dev/null 2>&1)
}
consistent() { # summary, run.properties, history and manifest describe one run
  local d=$1 id steps rows last props
  id=$(sed -n 's/^# Geopinn results, run \([0-9a-f]*\),.*/\1/p' "$d/manifest.sha256")
  grep -q "\"run_id\": \"$id\"" "$d/summary.json" || return 1
  steps=$(sed -n 's/^  "steps": \([0-9]*\),$/\1/p' "$d/summary.json")
  props=$(sed -n 's/^steps=//p' "$d/run.properties")
  rows=$(($(wc -l < "$d/history.csv") - 1))
  last=$(tail -n 1 "$d/history.csv" | cut -d, -f1)
  [ -n "$steps" ] && [ "$steps" = "$props" ] && [ "$steps" = "$rows" ] && [ "$steps" = "$last" ]
}

start=$(date +%s%N)
"${G[@]}" solve laplace2d --optimizer adam --steps 5 --seed 1 --quiet --out "$R" >/dev/null 2>&1 || { echo "first run failed"; exit 1; }
D=$(( ($(date +%s%N) - start) / 1000000 ))
complete=0 recoverable=0 mixed=0 lost=0 writing=0
for k in $(seq 1 "$KILLS"); do
  if (( k % 2 == 0 )); then
    args=(solve laplace2d --resume "$R" --steps 3 --quiet)
  else
    args=(solve laplace2d --optimizer adam --steps $((6 + k % 7)) --seed "$k" --quiet --out "$R")
  fi
  "${G[@]}" "${args[@]}" >/dev/null 2>&1 &
  pid=$!
  if (( RANDOM % 2 )); then
    while kill -0 "$pid" 2>/dev/null && ! compgen -G "$WORK/.r.partial-*" >/dev/null; do sleep 0.005; done
    sleep "$(awk -v s="$RANDOM" 'BEGIN { srand(s); printf "%.3f", rand() * 0.3 }')"
  else
    sleep "$(awk -v s="$RANDOM" -v d="$D" 'BEGIN { srand(s); printf "%.3f", rand() * d / 1000 }')"
  fi
  compgen -G "$WORK/.r.partial-*" >/dev/null && writing=$((writing + 1))
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if [ -d "$R" ]; then
    if marked "$R"; then
      if consistent "$R"; then complete=$((complete + 1)); else mixed=$((mixed + 1)); echo "kill $k: MIXED"; cp -r "$R" "$WORK/mixed-$k"; fi
    else
      lost=$((lost + 1)); echo "kill $k: reads incomplete"
    fi
  else
    ok=0
    for s in "$WORK"/.r.partial-* "$WORK"/.r.replaced-*; do
      [ -d "$s" ] && marked "$s" && consistent "$s" && ok=1
    done
    if (( ok )); then recoverable=$((recoverable + 1)); else lost=$((lost + 1)); echo "kill $k: nothing complete left"; fi
  fi
done
echo "kills: $KILLS (during the writing of results: $writing); afterwards complete: $complete, recoverable: $recoverable," \
  "marked complete but mixed: $mixed, lost: $lost"
if [ "$mixed" -eq 0 ] && [ "$lost" -eq 0 ]; then rm -rf "$WORK"; else echo "kept for inspection: $WORK"; exit 1; fi
