#!/bin/sh
# How `carepath continuity` grows with the cohort (issue 14): for each size (children; default
# 10000 80000 320000 1000000) generates the workload (seed 1) unless WORK_ROOT/<size> holds it,
# times RUNS fresh processes (default 3) under /usr/bin/time -v, and prints one table row:
# the files' size, people and relationship rows, median wall, CPU and peak RSS, and per child.
# With PEER="10000 80000" the NetworkX baseline runs at those sizes too, alternately with
# carepath (benchmarks/fresh_runs.sh), for the ratio; at 320k and more it would need 6 GB+.
#   benchmarks/continuity_growth.sh BUILD_DIR WORK_ROOT [SIZES...]
set -eu
build=${1:?usage: continuity_growth.sh BUILD_DIR WORK_ROOT [SIZES...]}
root=${2:?usage: continuity_growth.sh BUILD_DIR WORK_ROOT [SIZES...]}
shift 2
sizes=${*:-10000 80000 320000 1000000}
here=$(cd "$(dirname "$0")" && pwd)
bench="$here/../../shared/bench"
python=${PYTHON:-/usr/bin/python3}
runs=${RUNS:-3}
. "$here/timing.sh"
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
echo "commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
rows=""
for n in $sizes; do
    work="$root/$n"
    [ -f "$work/meta.csv" ] || "$python" "$bench/gen_relationships.py" --children "$n" --seed 1 --out "$work" >/dev/null
    : >"$out/log"
    i=1
    while [ "$i" -le "$runs" ]; do
        /usr/bin/time -v "$build/tools/carepath" continuity "$work" --out "$out/cp" --quiet >"$out/summary" 2>"$out/t"
        time_v_line cp "$out/t" >>"$out/log"
        i=$((i + 1))
    done
    mb=$(du -cm "$work"/*.csv | tail -n 1 | cut -f1)
    people=$(sed 's/.* nodes=\([0-9]*\).*/\1/' "$out/summary")
    ties=$(sed 's/.* edges=\([0-9]*\).*/\1/' "$out/summary")
    rows="$rows$(awk -v n="$n" -v mb="$mb" -v p="$people" -v e="$ties" -v w="$(median "$out/log" cp 2)" \
        -v c="$(median "$out/log" cp 3)" -v r="$(median "$out/log" cp 4)" 'BEGIN {
        printf "| %d | %d MB | %d | %d | %.2f s | %.2f s | %.0f MiB | %.1f us | %.2f KiB |\n",
               n, mb, p, e, w, c, r, w / n * 1e6, r * 1024 / n }')
"
    printf '%s' "$rows" | tail -n 1
    case " ${PEER:-} " in *" $n "*)
        "$here/fresh_runs.sh" "$runs" carepath "$build/tools/carepath continuity $work --out $out/cp --quiet" \
            networkx "$python $bench/continuity_networkx.py --data $work --out $out/nx"
        diff -r "$out/cp" "$out/nx" >/dev/null && echo "outputs at $n: the same bytes as the baseline's" ||
            { echo "outputs at $n differ from the baseline's" >&2; exit 1; } ;;
    esac
done
echo
echo "| children | CSV on disk | people | relationship rows | wall (median of $runs) | CPU | peak RSS | wall per child | peak RSS per child |"
echo "|---|---|---|---|---|---|---|---|---|"
printf '%s' "$rows"
