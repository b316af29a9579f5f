#!/bin/sh
# What including a carepath header costs a user's file: for each umbrella header (and a
# continuity query, graph/continuity.hpp), the compile of a file that only includes it, against
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

headers="boost/graph/adjacency_list.hpp carepath/core.hpp carepath/graph/continuity.hpp
carepath/graph.hpp carepath/ssda903.hpp carepath/sim.hpp carepath/report.hpp carepath/carepath.hpp"
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
        awk -v h="$h" -F': ' '
            /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = (n == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
            /User time/   { u = $2 }
            /System time/ { s = $2 }
            /Maximum resident/ { r = $2 / 1024 }
            END { printf "%s %.3f %.3f %.1f\n", h, w, u + s, r }' "$dir/time" >>"$dir/log"
    done
    i=$((i + 1))
done

median() { # HEADER COLUMN
    awk -v h="$1" -v c="$2" '$1 == h { print $c }' "$dir/log" | sort -g |
        awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
echo "compile of a file that includes one header: $cxx $flags, $runs runs each, medians"
printf '%-36s %8s %8s %9s %10s\n' header wall_s cpu_s peak_MiB cpu_ratio
ref=$(median boost/graph/adjacency_list.hpp 3)
for h in $headers; do
    c=$(median "$h" 3)
    printf '%-36s %8s %8s %9s %10s\n' "$h" "$(median "$h" 2)" "$c" "$(median "$h" 4)" \
        "$(awk -v a="$c" -v b="$ref" 'BEGIN { printf "%.2fx", a / b }')"
done
