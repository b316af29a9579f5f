#!/usr/bin/env bash
# Installs the Debian 12 packages carepath needs that are not installed yet, and nothing else.
# Usage: tools/install-deps.sh [--test]   (--test adds what the test suite needs)
#        tools/install-deps.sh --list [--test]   prints the package names, one a line, and installs nothing
# Runs as root (or with sudo available). Packages already present are not touched, so a
# machine that has everything never calls apt-get.
set -euo pipefail

# Building and running the library, the program and the examples.
list=0
if [[ "${1:-}" == "--list" ]]; then list=1; shift; fi
packages=(g++ cmake make libboost-graph-dev librange-v3-dev libcli11-dev nlohmann-json3-dev)
if [[ "${1:-}" == "--test" ]]; then
    # The test suite: Catch2, Graphviz (DOT to SVG), Python (bench peers, generators),
    # NetworkX (continuity peer), clang (libFuzzer targets), headless Chromium (report test),
    # Doxygen (the API reference, built with warnings as errors), Boost.MPI with Open MPI
    # (carepath-mpi and its mpirun tests).
    packages+=(catch2 graphviz python3 python3-networkx clang libclang-rt-14-dev chromium doxygen
               libboost-mpi-dev openmpi-bin)
fi
if ((list)); then
    printf '%s\n' "${packages[@]}"
    exit 0
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
    exit 0
fi
echo "carepath: installing ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
