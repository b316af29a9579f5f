#!/bin/sh
# SSDA903 benchmark: carepath against the Python validator (data-to-insight csc-validator-be-903)
# on the same generated files, in one run. See docs/benchmarks.md ("SSDA903") for figures.
#
#   benchmarks/ssda903.sh BUILD_DIR V903 DEPS [CHILDREN]
#
# BUILD_DIR: a build with -DCAREPATH_BUILD_BENCHMARKS=ON (bench_ssda903, carepath). V903 and DEPS:
# the validator and its reference-data packages, as ../shared/bench/README.md sets them up
# (Debian python3-pandas etc.). CHILDREN: 283500 (about 1,000,000 episodes) by default.
# Also runs the agreement check at 27,500 children (about 100,000 episodes) with --isolate, so
# that no rule of the peer sees another rule's edits.
set -eu
BUILD=$1; V903=$2; DEPS=$3; N=${4:-283500}
HERE=$(cd "$(dirname "$0")" && pwd); SHARED=$HERE/../../shared/bench
[ -d "$SHARED" ] || SHARED=/work/shared/bench
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
PY=/usr/bin/python3
peer() { # DIR JSON [extra]
    /usr/bin/time -v env PYTHONPATH="$V903:$DEPS" $PY "$SHARED/peer_903_driver.py" $3 --year 2025 \
        --quiet --json "$2" "$1" 2> "$2.time" >/dev/null
    awk -F': ' '/Elapsed/ {print "peer_wall " $2} /Maximum resident/ {printf "peer_peak_rss %.0f MiB\n", $2/1024}' "$2.time"
}
secs() { echo "$1" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }'; }

echo "== generate ($N children, seed 1, 2024-25)"
$PY "$SHARED/gen_ssda903.py" --children "$N" --seed 1 --year 2025 --out "$W/big" 2>/dev/null
$PY "$SHARED/gen_ssda903.py" --children 27500 --seed 1 --year 2025 --out "$W/small" 2>/dev/null

echo "== carepath (best of 3)"
/usr/bin/time -v "$BUILD/benchmarks/bench_ssda903" "$W/big" --year 2025 --repeat 3 \
    --findings "$W/big.tsv" 2> "$W/cp.time" | tee "$W/cp.txt"
awk -F': ' '/Elapsed/ {print "carepath_process_wall " $2}' "$W/cp.time"

echo "== Python validator"
peer "$W/big" "$W/big.json" "" | tee "$W/peer.txt"

cp_total=$(awk '$1=="total_time" {print $2}' "$W/cp.txt")
peer_wall=$(secs "$(awk '$1=="peer_wall" {print $2}' "$W/peer.txt")")
peer_validate=$(python3 -c "import json;print(json.load(open('$W/big.json'))['summary']['validate_s'])")
echo "peer_validate_time $peer_validate s"
awk -v a="$peer_wall" -v b="$cp_total" 'BEGIN {printf "speedup_wall %.0f x (peer process wall / carepath read+validate)\n", a/b}'
awk -v a="$peer_validate" -v b="$cp_total" 'BEGIN {printf "speedup_validate %.0f x (peer LacValidator / carepath read+validate)\n", a/b}'

echo "== agreement at $N children (peer as it runs by default)"
"$BUILD/tools/carepath" rules --year 2025 --format csv > "$W/rules.csv"
$PY "$HERE/ssda903_compare.py" "$W/big.json" "$W/big.tsv" "$W/rules.csv" | tail -n 25

echo "== agreement at 27,500 children (peer with --isolate)"
"$BUILD/benchmarks/bench_ssda903" "$W/small" --year 2025 --findings "$W/small.tsv" > /dev/null
peer "$W/small" "$W/small.json" --isolate > /dev/null
$PY "$HERE/ssda903_compare.py" "$W/small.json" "$W/small.tsv" "$W/rules.csv"
