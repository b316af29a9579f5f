#!/bin/sh
# The simulation as users run it: fresh processes of `carepath simulate --threads 1` (the
# default England run, report and histories included) and of the benchmark kit's toy model
# (toy_limit), alternately, RUNS times each, under /usr/bin/time -v. Each process's rate is its
# child-years (carepath: summary.json's "child_years"; the toy: its own count) over its whole
# wall or CPU time, so start-up, summaries, the report and the histories count against
# carepath. Prints every run, the medians and the ratio of the medians (toy rate over
# carepath's), which issue 14 asks to bring within 40x.
#   benchmarks/simulate.sh BUILD_DIR [RUNS] [-- extra carepath simulate options]
# BUILD_DIR: a Release build with tools and benchmarks (tools/carepath, benchmarks/toy_limit).
# With CAREPATH_BEFORE set to another build directory (an older commit's Release build of
# tools/carepath), each round also runs that carepath, in ABBA order (before first in odd
# rounds, after first in even ones: on virtual machines the second of two processes in a row
# can pay several times the first's system time for fresh pages), with rows "before", and
# prints both medians and their ratio.
set -eu
[ $# -ge 1 ] || { echo "usage: $0 BUILD_DIR [RUNS] [-- simulate options]" >&2; exit 2; }
build=$1; shift
runs=3
if [ $# -ge 1 ] && [ "$1" != "--" ]; then runs=$1; shift; fi
[ $# -ge 1 ] && [ "$1" = "--" ] && shift
cp=$build/tools/carepath; toy=$build/benchmarks/toy_limit
before=${CAREPATH_BEFORE:+$CAREPATH_BEFORE/tools/carepath}
for f in "$cp" "$toy" ${before:+"$before"}; do
    [ -x "$f" ] || { echo "$0: $f not built (cmake --build <its build dir> --target carepath_cli toy_limit)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "$0: needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }
. "$(dirname "$0")/timing.sh"
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
log=$w/log

# run_carepath LABEL BINARY [options]: one fresh process, its line appended to the log.
run_carepath() {
    label=$1; bin=$2; shift 2
    rm -rf "$w/out"
    /usr/bin/time -v "$bin" simulate --threads 1 --out "$w/out" "$@" >/dev/null 2>"$w/cp.t" ||
        { tail -n 20 "$w/cp.t" >&2; exit 1; }
    cy=$(sed -n 's/.*"child_years":\([0-9.e+]*\).*/\1/p' "$w/out/summary.json" | head -n 1)
    echo "$(time_v_line "$label" "$w/cp.t") $cy" >>"$log"
}

i=1
while [ "$i" -le "$runs" ]; do
    if [ -n "$before" ] && [ $((i % 2)) -eq 1 ]; then run_carepath before "$before" "$@"; fi
    run_carepath carepath "$cp" "$@"
    if [ -n "$before" ] && [ $((i % 2)) -eq 0 ]; then run_carepath before "$before" "$@"; fi
    /usr/bin/time -v "$toy" >"$w/toy.out" 2>"$w/toy.t"
    ty=$(sed -n 's/.*child_years \([0-9.e+]*\) .*/\1/p' "$w/toy.out")
    echo "$(time_v_line toy "$w/toy.t") $ty" >>"$log"
    i=$((i + 1))
done

echo "run  who  wall_s  cpu_s  peak_rss_MiB  child_years  per_s_wall  per_s_cpu"
awk '{ n[$1]++; printf "%3d  %-8s %s  %s  %s  %.0f  %.4g  %.4g\n", n[$1], $1, $2, $3, $4, $5, $5 / $2, $5 / $3 }' "$log"
for who in before carepath toy; do
    awk -v l=$who '$1 == l { print $1, $5 / $2, $5 / $3 }' "$log" >>"$w/rates"
done
cpw=$(median "$w/rates" carepath 2); cpc=$(median "$w/rates" carepath 3)
tyw=$(median "$w/rates" toy 2); tyc=$(median "$w/rates" toy 3)
echo "median carepath simulate: wall $(median "$log" carepath 2) s, cpu $(median "$log" carepath 3) s, peak rss $(median "$log" carepath 4) MiB, child-years/s $cpw (wall) $cpc (cpu)"
echo "median toy_limit:          wall $(median "$log" toy 2) s, cpu $(median "$log" toy 3) s, child-years/s $tyw (wall) $tyc (cpu)"
awk -v a="$tyw" -v b="$cpw" -v c="$tyc" -v d="$cpc" 'BEGIN {
    printf "ratio of medians, toy / carepath child-years per second: wall %.1fx, cpu %.1fx (goal: <= 40x)\n", a / b, c / d }'
if [ -n "$before" ]; then
    bfc=$(median "$w/rates" before 3)
    echo "median before (CAREPATH_BEFORE): wall $(median "$log" before 2) s, cpu $(median "$log" before 3) s, peak rss $(median "$log" before 4) MiB"
    awk -v a="$tyc" -v b="$bfc" -v c="$(median "$log" before 3)" -v d="$(median "$log" carepath 3)" 'BEGIN {
        printf "before: toy / before %.1fx by cpu; after / before cpu time %.3f\n", a / b, d / c }'
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
