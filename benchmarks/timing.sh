# Shared by the benchmark scripts that time fresh processes (fresh_runs.sh, compile_cost.sh);
# sourced, not run.

# time_v_line LABEL FILE: the output of /usr/bin/time -v in FILE as one line,
# "LABEL wall_s cpu_s peak_rss_mib" (CPU = user + system).
time_v_line() {
    awk -v l="$1" -F': ' '
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = (n == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
        /User time/   { u = $2 }
        /System time/ { s = $2 }
        /Maximum resident/ { r = $2 / 1024 }
        END { printf "%s %.3f %.3f %.1f\n", l, w, u + s, r }' "$2"
}

# median LOG LABEL COLUMN: the median of COLUMN over LOG's lines that start with LABEL.
median() {
    awk -v l="$2" -v c="$3" '$1 == l { print $c }' "$1" | sort -g |
        awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
