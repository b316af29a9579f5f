#!/bin/sh
# Times two commands as users run them: each a fresh process, the two alternating (A B A B ...)
# so that a change in the machine's load falls on both, RUNS times each, under /usr/bin/time -v.
# Prints every run (wall, CPU = user + system, peak RSS), the medians, and the ratio of the
# medians (B over A: how many times more B takes).
#   benchmarks/fresh_runs.sh RUNS "LABEL A" "COMMAND A" "LABEL B" "COMMAND B"
# Commands run through sh -c with their output thrown away; a command that fails stops the script.
# Example: benchmarks/continuity.sh, benchmarks/ssda903.sh.
set -eu
[ $# -eq 5 ] || { echo "usage: $0 RUNS LABEL_A COMMAND_A LABEL_B COMMAND_B" >&2; exit 2; }
runs=$1; label_a=$2; cmd_a=$3; label_b=$4; cmd_b=$5
[ -x /usr/bin/time ] || { echo "$0: needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }
log=$(mktemp); trap 'rm -f "$log" "$log.t"' EXIT
. "$(dirname "$0")/timing.sh"

one() { # LABEL COMMAND: appends "label wall_s cpu_s rss_mib" to $log
    if ! /usr/bin/time -v sh -c "$2" >/dev/null 2>"$log.t"; then
        tail -n 30 "$log.t" >&2
        echo "$0: '$2' failed" >&2
        exit 1
    fi
    time_v_line "$1" "$log.t" >>"$log"
}

i=1
while [ "$i" -le "$runs" ]; do
    one A "$cmd_a"
    one B "$cmd_b"
    i=$((i + 1))
done

echo "run  who  wall_s  cpu_s  peak_rss_MiB"
awk -v a="$label_a" -v b="$label_b" '{ n[$1]++; printf "%3d  %s  %s  %s  %s\n", n[$1], ($1 == "A" ? a : b), $2, $3, $4 }' "$log"
echo "median  $label_a: wall $(median "$log" A 2) s, cpu $(median "$log" A 3) s, peak rss $(median "$log" A 4) MiB"
echo "median  $label_b: wall $(median "$log" B 2) s, cpu $(median "$log" B 3) s, peak rss $(median "$log" B 4) MiB"
awk -v w1="$(median "$log" A 2)" -v w2="$(median "$log" B 2)" -v c1="$(median "$log" A 3)" -v c2="$(median "$log" B 3)" \
    -v r1="$(median "$log" A 4)" -v r2="$(median "$log" B 4)" -v a="$label_a" -v b="$label_b" 'BEGIN {
        printf "ratio of medians (%s / %s): wall %.1fx, cpu %.1fx, peak rss %.1fx\n", b, a,
               w2 / w1, (c1 > 0 ? c2 / c1 : 0), r2 / r1 }'
