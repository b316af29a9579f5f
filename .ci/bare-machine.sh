#!/usr/bin/env bash
# The README's first command on a machine that has none of the test suite's packages: removes
# the packages that only `tools/install-deps.sh --test` adds (each one only if nothing left on
# the machine depends on it), runs the first command exactly as the README writes it in a fresh
# clone of this repository, checks the report was written, and puts the packages back (also when
# a step fails). Prints how long the first command took. Run as root on a Debian 12 machine;
# it clones HEAD, so commit first.
#   .ci/bare-machine.sh [--in-place]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [[ $(id -u) -ne 0 ]] || ! command -v dpkg >/dev/null; then
    echo "bare-machine: needs root on Debian (dpkg); skipped" >&2
    exit 0
fi

# The README's first command: the first line of its first ```sh block.
first=$(awk '/^```sh$/ {getline; print; exit}' "$root/README.md")
[[ -n "$first" ]] || { echo "bare-machine: no first command in README.md" >&2; exit 1; }

# Packages only the test suite needs: the --test list minus the first command's list.
test_only=$(comm -13 <(bash "$root/tools/install-deps.sh" --list | sort) \
                     <(bash "$root/tools/install-deps.sh" --list --test | sort))
removed=()
put_back() {
    if ((${#removed[@]})); then
        echo "bare-machine: putting back ${removed[*]}"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${removed[@]}" >/dev/null
    fi
    rm -rf "${work:-}"
}
trap put_back EXIT
work=$(mktemp -d /tmp/carepath-bare.XXXXXX)

# Fetch the removed packages' files first, so putting them back needs no download.
installed=()
for p in $test_only; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" && installed+=("$p")
done
if ((${#installed[@]})); then
    apt-get install --reinstall --download-only -y -qq "${installed[@]}" >/dev/null
fi
for p in "${installed[@]}"; do
    # A package another installed package depends on (e.g. clang-14 needs libclang-rt-14-dev)
    # stays: removing it would remove more than the test suite added.
    if dpkg --no-act --remove "$p" >/dev/null 2>&1; then
        dpkg --remove "$p" >/dev/null
        removed+=("$p")
    else
        echo "bare-machine: keeping $p (another installed package depends on it)"
    fi
done
echo "bare-machine: removed ${removed[*]:-nothing}"

# --in-place (what .ci/run passes, on its clean clone): run in this tree when it has no build/
# yet, so the second command's build reuses the program the first one compiled.
if [[ ${1:-} == --in-place && ! -e "$root/build" ]] && git -C "$root" diff --quiet HEAD; then
    cd "$root"
    echo "bare-machine: in this clean tree ($root)"
else
    git clone -q "$root" "$work/carepath"
    cd "$work/carepath"
fi
echo "bare-machine: $first"
start=$(date +%s)
bash -c "$first"
took=$(( $(date +%s) - start ))
if [[ ! -s carepath-out/report.html ]]; then
    echo "bare-machine: the first command wrote no carepath-out/report.html" >&2
    exit 1
fi
echo "bare-machine: the README's first command took ${took} s on a machine without the test packages"
rm -rf carepath-out
