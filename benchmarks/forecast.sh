#!/bin/sh
# Forecast benchmark, end to end (issue 18): five years of returns (2019-20 to 2023-24) of one
# large council (about 2,000 children in care, simulated by benchmarks/council_returns, seed 1;
# exit 1 is accepted: the simulated returns carry a few placement codes of another year, which
# carepath reports) unless they are
# already there, then fresh processes of `carepath forecast` (merge, fit, both forecasts) and of
# the Python demand model's `predict` (data-to-insight/cs-demand-model, the peer councils use),
# alternately, RUNS times each (default 5; benchmarks/fresh_runs.sh prints wall, CPU, peak RSS
# and the ratio of medians). Both forecast one year on from the last snapshot. The peer runs
# on Debian's Python packages:
#   apt-get install python3-pandas python3-fs python3-click python3-dateutil python3-tqdm
# and its source (cs_demand_model/ of commit 3169b61) in PEER_DIR.
#   benchmarks/forecast.sh BUILD_DIR PEER_DIR [WORK_DIR]      (RUNS=n to change the count)
set -eu
build=${1:?usage: forecast.sh BUILD_DIR PEER_DIR [WORK_DIR]}
peer=${2:?usage: forecast.sh BUILD_DIR PEER_DIR [WORK_DIR]}
here=$(cd "$(dirname "$0")" && pwd)
work=${3:-$build/bench/council2000}
[ -d "$peer/cs_demand_model" ] || { echo "$peer has no cs_demand_model/" >&2; exit 2; }
/usr/bin/python3 -c "import pandas, fs, click, dateutil, tqdm" 2>/dev/null ||
    { echo "the peer needs: apt-get install python3-pandas python3-fs python3-click python3-dateutil python3-tqdm" >&2; exit 2; }
if [ ! -d "$work/2021" ]; then
    cmake --build "$build" --target council_returns >/dev/null
    "$build/benchmarks/council_returns" "$work" 2000 2020 5 1
fi
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
echo "== fresh processes, alternately"
"$here/fresh_runs.sh" "${RUNS:-5}" \
    carepath "$build/tools/carepath forecast $work --years 1 --quiet --report $out/cp.html; [ \$? -le 1 ]" \
    demand-model "cd $peer && /usr/bin/python3 -m cs_demand_model predict $work"
