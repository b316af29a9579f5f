#!/bin/sh
# SSDA903 benchmark (issue 14), as users run it: fresh processes of `carepath validate` against
# fresh processes of the Python validator (data-to-insight csc-validator-be-903), alternately,
# RUNS times each, on the same generated return (benchmarks/fresh_runs.sh prints wall, CPU, peak
# RSS, the medians and the ratio of medians); says whether issue 14's goals (>= 100x the peer's
# wall time, <= 250 MiB peak RSS) are met by the medians. Then a growth table: carepath's time
# and memory (one fresh process each) at about 100k, 1M and 4M episodes, against the input's
# size. Then the agreement of the findings with the peer's (benchmarks/ssda903_compare.py).
# The load average and the commit are printed, to be quoted with the figures.
# See docs/benchmarks.md ("SSDA903").
#
#   benchmarks/ssda903.sh BUILD_DIR V903 DEPS [CHILDREN]
#   RUNS=n (default 3; one peer run at 1M episodes takes minutes and 4.5 GiB)
#   GROWTH=0 leaves out the growth table; AGREE=0 leaves out the agreement check.
#
# BUILD_DIR: a Release build with -DCAREPATH_BUILD_BENCHMARKS=ON (carepath, bench_ssda903).
# V903 and DEPS: the validator and its reference-data packages, as ../shared/bench/README.md
# sets them up (Debian python3-pandas, python3-msgpack etc.). CHILDREN: 283500 (about 1,000,000
# episodes) by default.
set -eu
BUILD=$1; V903=$2; DEPS=$3; N=${4:-283500}
HERE=$(cd "$(dirname "$0")" && pwd); SHARED=$HERE/../../shared/bench
[ -d "$SHARED" ] || SHARED=/work/shared/bench
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
PY=/usr/bin/python3
CP=$BUILD/tools/carepath
. "$HERE/timing.sh"
# carepath validate exits 1 when it has findings: that is a result, not a failure.
validate() { echo "$CP validate $1 --year 2025 --la E08000003 --quiet > /dev/null; test \$? -le 1"; }
peer() { # DIR JSON [extra]
    echo "env PYTHONPATH=$V903:$DEPS $PY $SHARED/peer_903_driver.py $3 --year 2025 --quiet --json $2 $1"
}
gen() { # CHILDREN DIR
    $PY "$SHARED/gen_ssda903.py" --children "$1" --seed 1 --year 2025 --out "$2" > /dev/null 2>&1
}

echo "commit $(git -C "$HERE" rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "== generate ($N children, seed 1, 2024-25)"
gen "$N" "$W/big"
echo "episodes $(($(wc -l < "$W/big/episodes.csv") - 1)), input $(du -cm "$W/big"/*.csv | tail -n 1 | cut -f1) MiB"

echo "== fresh processes, alternately (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
"$HERE/fresh_runs.sh" "${RUNS:-3}" carepath "$(validate "$W/big")" \
    peer "$(peer "$W/big" "$W/big.json" "")" | tee "$W/runs.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk '/^median/ { w[$2] = $4; r[$2] = $11 } END {
    s = w["peer:"] / w["carepath:"]
    printf "goal >= 100x the peer wall: %.0fx, %s\n", s, (s >= 100 ? "met" : "not met")
    printf "goal <= 250 MiB peak RSS: %s MiB, %s\n", r["carepath:"], (r["carepath:"] <= 250 ? "met" : "not met") }' "$W/runs.txt"

if [ "${GROWTH:-1}" != 0 ]; then
    echo "== growth: carepath, one fresh process each (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
    echo "children  episodes  input_MiB  wall_s  cpu_s  peak_rss_MiB"
    for n in 27500 "$N" $((4 * N)); do
        if [ "$n" = "$N" ]; then d=$W/big; else d=$W/g$n; gen "$n" "$d"; fi
        /usr/bin/time -v sh -c "$(validate "$d")" 2> "$W/g.time"
        echo "$n $(($(wc -l < "$d/episodes.csv") - 1)) $(du -cm "$d"/*.csv | tail -n 1 | cut -f1) $(time_v_line x "$W/g.time" | cut -d' ' -f2-)"
        [ "$d" = "$W/big" ] || rm -rf "$d"
    done
fi

if [ "${AGREE:-1}" != 0 ]; then
    echo "== agreement at $N children (peer as it runs by default)"
    "$BUILD/benchmarks/bench_ssda903" "$W/big" --year 2025 --findings "$W/big.tsv" > /dev/null
    "$CP" rules --year 2025 --format csv > "$W/rules.csv"
    $PY "$HERE/ssda903_compare.py" "$W/big.json" "$W/big.tsv" "$W/rules.csv" | tail -n 25
fi
