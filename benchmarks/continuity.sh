#!/bin/sh
# Relationship continuity benchmark (issue 14), as users run it: generates the standard
# workload (80,000 children, seed 1) unless it is already there, checks its MD5 sums against
# CONTINUITY.md, then times fresh processes of `carepath continuity` and of the NetworkX
# baseline, alternately, RUNS times each (default 5; benchmarks/fresh_runs.sh prints wall, CPU,
# peak RSS, the medians and the ratio of medians), checks that the four result files are the
# same bytes as the baseline's and have CONTINUITY.md's MD5 sums, and says whether issue 14's
# goals (>= 100x the baseline's wall time, <= 250 MiB peak RSS) are met by the medians.
# Then bench_continuity's split of carepath's time (one process, warm repeats: not the
# user's time). The load average and the commit are printed, to be quoted with the figures.
#   benchmarks/continuity.sh BUILD_DIR [WORK_DIR]
#   RUNS=n (default 5), PYTHON=... (default /usr/bin/python3, Debian's python3-networkx)
# Growth with the cohort's size: benchmarks/continuity_growth.sh.
set -eu
build=${1:?usage: continuity.sh BUILD_DIR [WORK_DIR]}
here=$(cd "$(dirname "$0")" && pwd)
bench="$here/../../shared/bench"
python=${PYTHON:-/usr/bin/python3}
work=${2:-$build/bench/work80k}
if [ ! -f "$work/meta.csv" ]; then
    "$python" "$bench/gen_relationships.py" --children 80000 --seed 1 --out "$work"
fi
sums=$(cd "$work" && md5sum people.csv relationships.csv placements.csv meta.csv)
for sum in 8c5f1467859ab324c18a04ba304c759e b814e84890fc8d57306f070a78cad019 \
           50056df3b3ab7140fd425f000fe647b9 9891aa1dd922cbfd0fdb0ac935bd2fe5; do
    echo "$sums" | grep -q "$sum" || { echo "workload differs from the standard one" >&2; exit 1; }
done
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
echo "commit $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== fresh processes, alternately"
"$here/fresh_runs.sh" "${RUNS:-5}" carepath "$build/tools/carepath continuity $work --out $out/cp --quiet" \
    networkx "$python $bench/continuity_networkx.py --data $work --out $out/nx" | tee "$out/runs.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
diff -r "$out/cp" "$out/nx" >/dev/null && echo "outputs: the four files are the same bytes as the baseline's" ||
    { echo "outputs differ from the baseline's" >&2; exit 1; }
for sum in c3fc96f659a40106148a08f727aa57b0 82ae13ebfccc681a7fc2c42000884e38 \
           10a727633487d7803ac5ef51daafa53c 497741afdc2a6afb567ff8988fda78aa; do
    (cd "$out/cp" && md5sum moves.csv children.csv by_type.csv siblings.csv) | grep -q "$sum" ||
        { echo "outputs differ from CONTINUITY.md's MD5 sums" >&2; exit 1; }
done
echo "outputs: MD5 sums as in CONTINUITY.md"
# Issue 14's goals, judged on the medians just measured.
awk '/^median  carepath:/ { cw = $4; cr = $11 } /^median  networkx:/ { nw = $4 }
     END { r = nw / cw
           printf "goal wall >= 100x: %.1fx (%s)\n", r, (r >= 100 ? "met" : "NOT met")
           printf "goal peak RSS <= 250 MiB: %s MiB (%s)\n", cr, (cr <= 250 ? "met" : "NOT met") }' "$out/runs.txt"
echo "== carepath's time by stage (one process, warm repeats: not the user's time)"
"$build/benchmarks/bench_continuity" "$work" --repeat 3 --no-baseline
