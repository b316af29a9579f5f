#!/bin/sh
# What including a carepath header costs a user's file: for each umbrella header (and a
# continuity query, graph/continuity.hpp, and the relationship graph alone,
# graph/relationship_graph.hpp, the floor under graph.hpp), the compile of a file that only includes it, against
# the same for <boost/graph/adjacency_list.hpp> (the reference of issue 14). Each compile is a
# fresh g++ process under /usr/bin/time -v; the headers take turns, round after round, so a
# change in the machine's load falls on all of them. Prints the median wall time, CPU time and
# peak memory of each, and the ratio of its median CPU time to the reference's.
#   benchmarks/compile_cost.sh [RUNS=5] [CXXFLAGS="-std=c++20 -O2"]
# Run from the repository's top directory (or set CAREPATH_INCLUDE). Needs no build and no ctest.
set -eu
runs=${1:-5}
flags=${2:--std=c++20 -O2}
cxx=${CXX:-g++}
inc=${CAREPATH_INCLUDE:-$(pwd)/include}
[ -f "$inc/carepath/core.hpp" ] || { echo "$0: no carepath headers in $inc" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "$0: needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
. "$(dirname "$0")/timing.sh"

headers="boost/graph/adjacency_list.hpp carepath/core.hpp carepath/graph/continuity.hpp
carepath/graph/relationship_graph.hpp carepath/graph.hpp carepath/ssda903.hpp carepath/sim.hpp carepath/report.hpp carepath/carepath.hpp"
n=0
for h in $headers; do
    n=$((n + 1))
    printf '#include <%s>\nint main() {}\n' "$h" >"$dir/t$n.cpp"
done

i=1
while [ "$i" -le "$runs" ]; do
    k=0
    for h in $headers; do
        k=$((k + 1))
        # shellcheck disable=SC2086 # flags are words
        if ! /usr/bin/time -v "$cxx" $flags -I"$inc" -c "$dir/t$k.cpp" -o "$dir/t$k.o" 2>"$dir/time"; then
            cat "$dir/time" >&2
            exit 1
        fi
        time_v_line "$h" "$dir/time" >>"$dir/log"
    done
    i=$((i + 1))
done

echo "compile of a file that includes one header: $cxx $flags, $runs runs each, medians"
printf '%-38s %8s %8s %9s %10s\n' header wall_s cpu_s peak_MiB cpu_ratio
ref=$(median "$dir/log" boost/graph/adjacency_list.hpp 3)
for h in $headers; do
    c=$(median "$dir/log" "$h" 3)
    printf '%-38s %8s %8s %9s %10s\n' "$h" "$(median "$dir/log" "$h" 2)" "$c" "$(median "$dir/log" "$h" 4)" \
        "$(awk -v a="$c" -v b="$ref" 'BEGIN { printf "%.2fx", a / b }')"
done
