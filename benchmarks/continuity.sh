#!/bin/sh
# Relationship continuity benchmark, end to end: generates the standard workload (80,000
# children, seed 1) unless it is already there, checks its MD5 sums against CONTINUITY.md, then
# times the programs as users run them: fresh processes of `carepath continuity` and of the
# NetworkX baseline, alternately, RUNS times each (default 5; benchmarks/fresh_runs.sh prints
# wall, CPU, peak RSS and the ratio of medians), and checks that the four result files are the
# same bytes. Then bench_continuity's split of carepath's time (reading, computing, writing).
#   benchmarks/continuity.sh BUILD_DIR [WORK_DIR]      (RUNS=n to change the count)
set -eu
build=${1:?usage: continuity.sh BUILD_DIR [WORK_DIR]}
here=$(cd "$(dirname "$0")" && pwd)
bench="$here/../../shared/bench"
work=${2:-$build/bench/work80k}
if [ ! -f "$work/meta.csv" ]; then
    python3 "$bench/gen_relationships.py" --children 80000 --seed 1 --out "$work"
fi
(cd "$work" && md5sum people.csv relationships.csv placements.csv meta.csv) > "$work.md5"
for sum in 8c5f1467859ab324c18a04ba304c759e b814e84890fc8d57306f070a78cad019 \
           50056df3b3ab7140fd425f000fe647b9 9891aa1dd922cbfd0fdb0ac935bd2fe5; do
    grep -q "$sum" "$work.md5" || { echo "workload differs from the standard one" >&2; exit 1; }
done
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
echo "== fresh processes, alternately"
"$here/fresh_runs.sh" "${RUNS:-5}" carepath "$build/tools/carepath continuity $work --out $out/cp --quiet" \
    networkx "python3 $bench/continuity_networkx.py --data $work --out $out/nx"
diff -r "$out/cp" "$out/nx" >/dev/null && echo "outputs: the four files are the same bytes" ||
    { echo "outputs differ from the baseline's" >&2; exit 1; }
echo "== carepath's time by stage (one process, warm repeats: not the user's time)"
"$build/benchmarks/bench_continuity" "$work" --repeat 3
