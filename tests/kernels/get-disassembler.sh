#!/usr/bin/env bash
# A cuobjdump (with its nvdisasm) for the SASS gates: $CUDAENV_CUOBJDUMP, the
# toolkit's own, one on PATH, or else Debian trixie's non-free
# nvidia-cuda-toolkit 12.4, whose static cuobjdump and nvdisasm read nvcc
# 13.0's cubins for sm_80 to sm_90a and run on Debian 12. That package is
# downloaded with a private apt configuration (tests/cross/fetch-debs.sh),
# never installed; only the two programs are kept, in the download cache
# ($CUDAENV_CACHE_DIR, else ~/.cache/cudaenv).
# Prints the cuobjdump's path; exits 1 with the reason on stderr when none
# can be had.
# Usage: get-disassembler.sh [<toolkit root>]
set -euo pipefail
toolkit=${1:-}
usable() { [ -x "$1" ] && "$1" --version >/dev/null 2>&1; }
for candidate in "${CUDAENV_CUOBJDUMP:-}" "${toolkit:+$toolkit/bin/cuobjdump}" "$(command -v cuobjdump || true)"; do
  if [ -n "$candidate" ] && usable "$candidate"; then echo "$candidate"; exit 0; fi
done

cache=${CUDAENV_CACHE_DIR:-$HOME/.cache/cudaenv}/debian-cuda-disassembler-12.4
mkdir -p "$cache"
exec 9> "$cache/.lock"
flock 9
if [ ! -f "$cache/bin/.complete" ]; then
  echo "get-disassembler: fetching Debian trixie's nvidia-cuda-toolkit 12.4 (87 MB) for cuobjdump and nvdisasm" >&2
  if ! "$(dirname "$0")/../cross/fetch-debs.sh" "$cache/apt" \
      "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie non-free" \
      nvidia-cuda-toolkit:amd64 >&2; then
    echo "get-disassembler: could not download nvidia-cuda-toolkit from Debian trixie non-free" >&2
    exit 1
  fi
  rm -rf "$cache/bin" "$cache/unpacked"
  mkdir -p "$cache/unpacked"
  dpkg-deb --fsys-tarfile "$cache"/apt/debs/nvidia-cuda-toolkit_*_amd64.deb |
    tar -x -C "$cache/unpacked" ./usr/bin/cuobjdump ./usr/bin/nvdisasm
  mv "$cache/unpacked/usr/bin" "$cache/bin"
  rm -rf "$cache/unpacked" "$cache/apt/debs"
  touch "$cache/bin/.complete"
fi
if ! usable "$cache/bin/cuobjdump"; then
  echo "get-disassembler: $cache/bin/cuobjdump does not run on this machine" >&2
  exit 1
fi
echo "$cache/bin/cuobjdump"
