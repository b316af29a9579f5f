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
# With CAREPATH_BEFORE set to another tree's include directory (say, `git archive` of an older
# commit), each carepath header is also compiled from that tree, right before the same header
# from this one, so a before/after pair shares the machine's load; rows "before:<header>".
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

# compile LABEL INCLUDE_DIR N: one fresh compile of t$N.cpp, its time -v line appended to the log.
compile() {
    # shellcheck disable=SC2086 # flags are words
    if ! /usr/bin/time -v "$cxx" $flags -I"$2" -c "$dir/t$3.cpp" -o "$dir/t$3.o" 2>"$dir/time"; then
        cat "$dir/time" >&2
        exit 1
    fi
    time_v_line "$1" "$dir/time" >>"$dir/log"
}
if [ -n "${CAREPATH_BEFORE:-}" ] && [ ! -f "$CAREPATH_BEFORE/carepath/core.hpp" ]; then
    echo "$0: no carepath headers in CAREPATH_BEFORE=$CAREPATH_BEFORE" >&2
    exit 2
fi

i=1
while [ "$i" -le "$runs" ]; do
    k=0
    for h in $headers; do
        k=$((k + 1))
        if [ -n "${CAREPATH_BEFORE:-}" ] && [ "$k" -gt 1 ]; then
            compile "before:$h" "$CAREPATH_BEFORE" "$k"
        fi
        compile "$h" "$inc" "$k"
    done
    i=$((i + 1))
done

echo "compile of a file that includes one header: $cxx $flags, $runs runs each, medians"
printf '%-46s %8s %8s %9s %10s\n' header wall_s cpu_s peak_MiB cpu_ratio
ref=$(median "$dir/log" boost/graph/adjacency_list.hpp 3)
labels=$headers
if [ -n "${CAREPATH_BEFORE:-}" ]; then
    labels=$(for h in $headers; do
        [ "$h" = boost/graph/adjacency_list.hpp ] || echo "before:$h"
        echo "$h"
    done)
fi
for h in $labels; do
    c=$(median "$dir/log" "$h" 3)
    printf '%-46s %8s %8s %9s %10s\n' "$h" "$(median "$dir/log" "$h" 2)" "$c" "$(median "$dir/log" "$h" 4)" \
        "$(awk -v a="$c" -v b="$ref" 'BEGIN { printf "%.2fx", a / b }')"
done
