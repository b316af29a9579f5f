#!/usr/bin/env bash
# Times benchmarks/scale_out_sweep.txt at 1 and 2 threads (`carepath sweep`) and 1 and 2 ranks
# (`carepath-mpi sweep`), each in fresh processes under /usr/bin/time -v, REPEATS times, and
# prints the median wall time, runs per second and efficiency (rate / (workers x rate at 1)).
# Checks that every table has the same bytes. Usage:
#   benchmarks/scale_out.sh BUILD_DIR [REPEATS]     (a build with -DCAREPATH_WITH_MPI=ON)
set -euo pipefail
build=${1:?usage: scale_out.sh BUILD_DIR [REPEATS]}
repeats=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
sweep=$here/scale_out_sweep.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl=self,vader
export OMPI_MCA_btl_vader_single_copy_mechanism=none
runs=$(( 2 * 8 * 4 )) # points x replicates x (baseline + scenario)

median() { sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
seconds() { # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:03.21" -> 3.21
    awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"
}
cpu() { # user + system seconds of the command and its children
    awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$1"
}
declare -A wall cpus
for config in threads-1 threads-2 ranks-1 ranks-2; do
    n=${config#*-}
    times=()
    cputimes=()
    for ((r = 1; r <= repeats; r++)); do
        out=$work/$config-$r.csv
        if [[ $config == threads-* ]]; then
            cmd=("$build/tools/carepath" sweep "$sweep" --threads "$n" --out "$out")
        else
            cmd=(mpirun --oversubscribe -np "$n" "$build/tools/carepath-mpi" sweep "$sweep" --out "$out")
        fi
        /usr/bin/time -v -o "$work/time" "${cmd[@]}" >/dev/null
        times+=("$(seconds "$work/time")")
        cputimes+=("$(cpu "$work/time")")
        cmp -s "$out" "$work/threads-1-1.csv" || { echo "scale_out: $out differs" >&2; exit 1; }
    done
    wall[$config]=$(printf '%s\n' "${times[@]}" | median)
    cpus[$config]=$(printf '%s\n' "${cputimes[@]}" | median)
    echo "$config wall seconds: ${times[*]} (median ${wall[$config]}); cpu seconds median ${cpus[$config]}"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %8s %8s %10s %8s\n' config wall runs/s efficiency cpu
for config in threads-1 threads-2 ranks-1 ranks-2; do
    n=${config#*-}
    base=${wall[${config%-*}-1]}
    awk -v c="$config" -v w="${wall[$config]}" -v b="$base" -v n="$n" -v runs="$runs" \
        -v u="${cpus[$config]}" \
        'BEGIN {printf "%-10s %8.2f %8.2f %9.0f%% %8.2f\n", c, w, runs / w, 100 * b / (n * w), u}'
done
