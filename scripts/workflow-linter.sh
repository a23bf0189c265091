#!/usr/bin/env bash
# Prints the path of action-validator (GitHub Actions workflows checked
# against SchemaStore's workflow schema), installing a pinned version once
# from npm into the cache directory ($CUDAENV_CACHE_DIR, else
# ~/.cache/cudaenv). actionlint is in neither Debian nor npm. Every way of
# failing says which on stderr and exits 1.
set -euo pipefail
version=0.6.0
dir=${CUDAENV_CACHE_DIR:-$HOME/.cache/cudaenv}/action-validator-$version
linter=$dir/node_modules/.bin/action-validator
fail() { echo "workflow-linter: $*" >&2; exit 1; }
if [ ! -x "$linter" ]; then
  command -v npm >/dev/null 2>&1 || fail "npm is not installed (apt-get install npm, or run scripts/setup.sh as root)"
  mkdir -p "$dir" || fail "cannot create $dir (set CUDAENV_CACHE_DIR to a writable folder)"
  timeout 120 npm install --prefix "$dir" "@action-validator/cli@$version" "@action-validator/core@$version" \
    --no-audit --no-fund --loglevel=error >&2 || fail "npm install @action-validator/cli@$version into $dir failed (see above)"
  [ -x "$linter" ] || fail "npm installed @action-validator/cli@$version, but $linter is not there"
fi
echo "$linter"
