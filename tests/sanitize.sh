#!/usr/bin/env bash
# Builds the tests and examples again under AddressSanitizer and
# UndefinedBehaviorSanitizer (-DCAREPATH_SANITIZE=ON, Debug at -O0 to compile quickly; GCC's
# -Wmaybe-uninitialized is off because under ASan it flags std::regex and Boost) and runs every
# test that executes carepath code. Left out, because they only compile or are covered elsewhere:
# the fuzzers (run with their own sanitizers by the main build's ctest), the compile-fail cases,
# the header self-containment build, the install/consumer/.deb package checks and the docs;
# and the carepath program's own tests, because building the program a second time would break
# CI's 15-minute budget (its library code is the code the module tests run). No -g, for the same
# reason.
#   tests/sanitize.sh [build dir, default build-asan]      (CAREPATH_JOBS, default 2)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-asan}
jobs=${CAREPATH_JOBS:-2}
start=$(date +%s)

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O0 -Wno-maybe-uninitialized" \
    -DCAREPATH_SANITIZE=ON -DCAREPATH_BUILD_BENCHMARKS=OFF -DCAREPATH_BUILD_TESTS=ON \
    -DCAREPATH_BUILD_EXAMPLES=ON -DCAREPATH_BUILD_TOOLS=OFF >/dev/null
cmake --build "$build" -j"$jobs"
built=$(date +%s)

# Any finding stops the program with a report (the flags also set -fno-sanitize-recover=all).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1}
# Deliberate leaks (each with its reason) are listed in tests/support/lsan.supp.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/support/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
ctest --test-dir "$build" -j"$jobs" --output-on-failure -LE '^(fuzz|compile_fail)$' \
    -E '^(headers_self_contained|package_.*|docs)$'
end=$(date +%s)
echo "sanitize: build $((built - start)) s, tests $((end - built)) s, total $((end - start)) s"
