#!/usr/bin/env bash
# How long each compile of the last build took, slowest first, from Ninja's
# log: CUDA objects with their kernel-library variant (the <lib>_variant_<tag>
# folder) and totals per variant. Use it after a build to see what the
# architectures you selected cost.
# Usage: scripts/build-times.sh <build dir> [how many rows, default 20]
set -euo pipefail
build=${1:?usage: scripts/build-times.sh <build dir> [rows]}
rows=${2:-20}
log=$build/.ninja_log
[ -f "$log" ] || { echo "no $log: build with Ninja first" >&2; exit 1; }
# The last entry per output wins (Ninja appends one per build).
awk -F'\t' 'NR > 1 && NF >= 4 { ms[$4] = $2 - $1 } END { for (p in ms) print ms[p] "\t" p }' "$log" \
  | grep -E '\.(cu|cpp|cc|cxx)\.o$' | sort -rn > "$build/.build-times.tsv" || true
printf '%8s  %-12s  %s\n' "seconds" "variant" "object"
head -n "$rows" "$build/.build-times.tsv" | while IFS=$'\t' read -r ms path; do
  variant=$(sed -nE 's#.*_variant_([^/.]+)\.dir/.*#\1#p' <<<"$path")
  printf '%8.1f  %-12s  %s\n' "$(bc -l <<<"$ms / 1000")" "${variant:--}" "$path"
done
echo
echo "per kernel-library variant (all its objects):"
awk -F'\t' '{ if (match($2, /_variant_[^/.]+\.dir/)) { v = substr($2, RSTART + 9, RLENGTH - 13); t[v] += $1 } }
            END { for (v in t) printf "%8.1f  %s\n", t[v] / 1000, v }' "$build/.build-times.tsv" | sort -rn
