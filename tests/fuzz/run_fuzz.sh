#!/bin/sh
# Builds one libFuzzer target with clang and runs it for a bounded time from its committed
# corpus. Used by ctest (tests/fuzz/CMakeLists.txt) and by hand:
#   tests/fuzz/run_fuzz.sh <repo root> <work dir> <name> <seconds> [<runs>]
# <name>_fuzz.cpp is compiled with -fsanitize=fuzzer,address,undefined; the committed inputs in
# tests/fuzz/corpus/<name>/ run first (they are the regression tests: every crash ever found is
# one of them), then the fuzzer mutates for <seconds>, or for exactly <runs> inputs when given
# (what ctest does: with the fixed seed, every CI run then tries the same number of inputs
# however fast the machine is, which the old time limit did not; libFuzzer is still not exactly
# repeatable, so two runs explore nearly but not quite the same inputs; <seconds> is a cap). New inputs go to <work dir>, never into
# the source tree. Exit 77 (ctest SKIP_RETURN_CODE) when no clang with libFuzzer is installed.
set -eu
[ $# -eq 4 ] || [ $# -eq 5 ] ||
    { echo "usage: $0 <repo root> <work dir> <name> <seconds> [<runs>]" >&2; exit 2; }
root=$1
work=$2
name=$3
seconds=$4
runs_limit=${5:-}
src="$root/tests/fuzz/${name}_fuzz.cpp"
corpus="$root/tests/fuzz/corpus/$name"

cxx=${CAREPATH_FUZZ_CXX:-}
if [ -z "$cxx" ]; then
    for c in clang++-14 clang++; do
        if command -v "$c" >/dev/null 2>&1; then cxx=$c; break; fi
    done
fi
if [ -z "$cxx" ]; then
    echo "SKIP fuzz $name: no clang++ found (install clang-14 and libclang-rt-14-dev)"
    exit 77
fi
if [ ! -e "$("$cxx" -print-runtime-dir)/libclang_rt.fuzzer-$(uname -m).a" ]; then
    echo "SKIP fuzz $name: $cxx has no libFuzzer runtime (install libclang-rt-14-dev)"
    exit 77
fi

mkdir -p "$work/bin" "$work/corpus/$name" "$work/artifacts/$name"
exe="$work/bin/${name}_fuzz"
# -O1 keeps the build quick; UBSan findings abort (-fno-sanitize-recover) so libFuzzer sees them.
"$cxx" -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -fno-omit-frame-pointer -D_GLIBCXX_ASSERTIONS -I "$root/include" -I "$root/tests" "$src" -o "$exe"

dict=""
if [ -f "$root/tests/fuzz/$name.dict" ]; then dict="-dict=$root/tests/fuzz/$name.dict"; fi
seeds=""
if [ -d "$corpus" ]; then seeds=$corpus; fi

# A fixed seed by default, so a CI run is repeatable; CAREPATH_FUZZ_SEED=0 picks a new one.
seed=${CAREPATH_FUZZ_SEED:-1}
log="$work/artifacts/$name/last-run.log"
status=0
# shellcheck disable=SC2086  # $dict and $seeds are empty or one word
limit="-max_total_time=$seconds"
if [ -n "$runs_limit" ]; then limit="-runs=$runs_limit -max_total_time=$seconds"; fi
# shellcheck disable=SC2086  # $limit is one or two words
"$exe" $limit -seed="$seed" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/$name/" $dict \
    "$work/corpus/$name" $seeds >"$log" 2>&1 || status=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
if [ "$status" -ne 0 ]; then
    tail -n 60 "$log"
    echo "FAIL fuzz $name: exit $status; the crashing input is in $work/artifacts/$name/"
    echo "Fix the bug, then commit the input to tests/fuzz/corpus/$name/ as a regression test."
    exit 1
fi
echo "$name ${runs:-0}" >>"$work/fuzz-executions.txt"
echo "fuzz $name: ${runs:-0} executions (limit ${runs_limit:-none}, at most ${seconds}s), no crash ($(ls "$corpus" 2>/dev/null | wc -l) committed inputs)"
