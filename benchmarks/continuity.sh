#!/bin/sh
# Relationship continuity benchmark, end to end: generates the standard workload (80,000
# children, seed 1) unless it is already there, checks its MD5 sums against CONTINUITY.md, then
# runs bench_continuity (carepath three times, the NetworkX baseline once, outputs compared).
#   benchmarks/continuity.sh BUILD_DIR [WORK_DIR]
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
"$build/benchmarks/bench_continuity" "$work" --repeat 3
