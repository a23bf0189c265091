#!/usr/bin/env bash
# The README's promise, tried as a new user would: a freshly debootstrapped
# Debian root (minbase + git + ca-certificates, nothing else, and this
# machine's own CA certificates from /usr/local/share/ca-certificates), the CUDA
# toolkit bind-mounted read-only at /usr/local/cuda (not on PATH, no
# /etc/ld.so.conf.d entry), a fresh clone of this checkout's HEAD, empty
# caches. In it, as root, it runs both README commands (scripts/run-main.sh,
# scripts/run-tests.sh), then builds examples/consumer and
# examples/device-link against the installed CudaEnv exactly as their
# headers say. Prints one summary (times, the matrix line, exit codes) and
# writes it to <work>/summary.txt; exit 0 only when every step passed.
#
# Usage: sudo scripts/fresh-root-check.sh [trixie|bookworm] [--tarball-only]
#   CUDAENV_CACHE_DIR      where the debootstrap tarball is kept (else ~/.cache/cudaenv)
#   CUDAENV_CUDA_ROOT      the toolkit to mount (else /usr/local/cuda)
#   CUDAENV_FRESH_WORK     the work folder (else /var/tmp/cudaenv-fresh-<suite>); emptied first
#   CUDAENV_FRESH_MIRROR   the Debian mirror (else http://deb.debian.org/debian)
# Needs root, debootstrap and git on this machine, and network access to
# the Debian mirror and the npm registry (as run-tests.sh does).
set -euo pipefail
suite=trixie tarball_only=0
for arg in "$@"; do
  case $arg in
    trixie|bookworm) suite=$arg ;;
    --tarball-only) tarball_only=1 ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fresh-root-check: unknown argument '$arg' (want trixie or bookworm, --tarball-only)" >&2; exit 2 ;;
  esac
done
fail() { echo "fresh-root-check: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "needs root (debootstrap, chroot, mounts): sudo $0 $*"
command -v debootstrap >/dev/null || fail "needs debootstrap: apt-get install debootstrap"
repo=$(cd "$(dirname "$0")/.." && pwd)
cache=${CUDAENV_CACHE_DIR:-$HOME/.cache/cudaenv}
mirror=${CUDAENV_FRESH_MIRROR:-http://deb.debian.org/debian}
cuda=$(readlink -f "${CUDAENV_CUDA_ROOT:-/usr/local/cuda}")
[ -x "$cuda/bin/nvcc" ] || fail "no CUDA toolkit at $cuda (set CUDAENV_CUDA_ROOT)"
work=${CUDAENV_FRESH_WORK:-/var/tmp/cudaenv-fresh-$suite}
root=$work/root
include=git,ca-certificates

# 1. The minimal system, from a cached tarball of its packages.
mkdir -p "$cache"
tarball=$cache/debootstrap-$suite-amd64-minbase-git.tgz
if [ ! -s "$tarball" ]; then
  echo "fresh-root-check: downloading the $suite minbase packages (+ $include) once, into $tarball"
  tmp=$(mktemp -d)
  debootstrap --variant=minbase --include=$include --make-tarball="$tarball.part" "$suite" "$tmp" "$mirror" \
    > "$cache/debootstrap-$suite.log" 2>&1 || { tail -20 "$cache/debootstrap-$suite.log"; rm -rf "$tmp"; fail "debootstrap --make-tarball failed"; }
  rm -rf "$tmp"
  mv "$tarball.part" "$tarball"
fi
echo "fresh-root-check: packages of the minimal $suite system: $tarball ($(du -h "$tarball" | cut -f1))"
[ $tarball_only -eq 0 ] || exit 0

mounted=()
# shellcheck disable=SC2317 # called by the trap
cleanup() {
  local i
  for (( i=${#mounted[@]}-1; i>=0; i-- )); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
mnt() { # <mount args...> <target>: mounts and remembers the target for cleanup
  mount "$@"; mounted+=("${@: -1}")
}

if [ -d "$work" ]; then
  grep -q " $work" /proc/self/mountinfo && fail "something is still mounted under $work; unmount it first"
  rm -rf "$work"
fi
mkdir -p "$root" "$work/logs"
start=$SECONDS
echo "fresh-root-check: debootstrap $suite (minbase + $include) into $root"
debootstrap --variant=minbase --include=$include --unpack-tarball="$tarball" "$suite" "$root" "$mirror" \
  > "$work/logs/debootstrap.log" 2>&1 || { tail -20 "$work/logs/debootstrap.log"; fail "debootstrap failed"; }
echo "fresh-root-check: minimal system ready in $(( SECONDS - start )) s ($(du -sh "$root" | cut -f1))"

# 2. What a chroot needs to be a machine: / a mount point of its own (as in
# a container or a booted system), /proc, /sys, /dev, name resolution.
mnt --bind "$root" "$root"
mount --make-private "$root"
mnt -t proc proc "$root/proc"
mnt --rbind /sys "$root/sys"; mount --make-rslave "$root/sys"
mnt --rbind /dev "$root/dev"; mount --make-rslave "$root/dev"
cp -L /etc/resolv.conf "$root/etc/resolv.conf"
# The machine's own CA certificates (a TLS-inspecting proxy's, say), as a
# new user's machine has them: without them npm cannot reach its registry.
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  chroot "$root" /usr/sbin/update-ca-certificates > "$work/logs/ca-certificates.log" 2>&1 \
    || { cat "$work/logs/ca-certificates.log"; fail "update-ca-certificates failed in the root"; }
  echo "fresh-root-check: added this machine's CA certificates: $(cd /usr/local/share/ca-certificates && echo ./*.crt | sed 's#\./##g')"
fi
# The toolkit, read-only, where NVIDIA's installers put it; no ld.so.conf
# entry and not on PATH.
mkdir -p "$root/usr/local/cuda"
mnt --bind "$cuda" "$root/usr/local/cuda"
mount -o remount,bind,ro "$root/usr/local/cuda"
if grep -qs cuda "$root"/etc/ld.so.conf.d/*; then fail "the fresh root has a CUDA ld.so.conf entry"; fi

# 3. A fresh clone of this checkout's HEAD.
commit=$(git -C "$repo" rev-parse HEAD)
git -C "$repo" diff --quiet HEAD || echo "fresh-root-check: note: uncommitted changes in $repo are not part of the clone"
git clone -q --no-local "$repo" "$root/root/cudaenv"
git -C "$root/root/cudaenv" checkout -q "$commit"
echo "fresh-root-check: cloned $commit ($(git -C "$repo" log -1 --format=%s "$commit"))"

# 4. The steps, each as a new user types them, as root in the fresh root.
in_root() { # <log name> <command>: runs the command in the root, shows and logs its output; returns its exit code
  chroot "$root" /usr/bin/env -i HOME=/root TERM="${TERM:-dumb}" LANG=C.UTF-8 \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    /bin/bash -c "$2" 2>&1 | tee "$work/logs/$1.log"
  return "${PIPESTATUS[0]}"
}
results=() failed=0
step() { # <name> <command>
  local t=$SECONDS rc=0
  echo; echo "##### fresh-root-check: $1: $2"
  in_root "$1" "$2" || rc=$?
  results+=("$1: exit $rc, $(( SECONDS - t )) s")
  echo "##### fresh-root-check: ${results[-1]}"
  [ $rc -eq 0 ] || failed=1
}
step run-main  'cd /root/cudaenv && scripts/run-main.sh'
step run-tests 'cd /root/cudaenv && scripts/run-tests.sh'
step install   'cd /root/cudaenv && cmake --install build/default --prefix /opt/cudaenv'
step consumer  'cd /root/cudaenv/examples/consumer && cmake -S . -B build -DCMAKE_PREFIX_PATH=/opt/cudaenv && cmake --build build'
step device-link 'cd /root/cudaenv/examples/device-link && cmake -S . -B build -DCMAKE_PREFIX_PATH=/opt/cudaenv && cmake --build build && ctest --test-dir build'

# 5. The figures.
# shellcheck disable=SC2016 # expanded in the root
versions=$(chroot "$root" /bin/sh -c '. /etc/os-release; echo "$PRETTY_NAME"; cmake --version | head -1; g++ --version | head -1' 2>/dev/null | paste -sd ';' -)
{
  echo "fresh-root-check $(date -u +%Y-%m-%dT%H:%MZ), commit $commit, $suite, $(nproc) cores"
  echo "system: $versions"
  printf '%s\n' "${results[@]}"
  # run-tests.sh prints each row line twice (after the row, and in its closing summary).
  grep -h '^row \|^matrix:' "$work/logs/run-tests.log" | awk '!seen[$0]++' || echo "(no matrix line)"
  for log in "$root/root/cudaenv/build/logs/"*.log; do
    grep -hE '^\s+[0-9]+ - .*\((Skipped|Disabled)\)' "$log" 2>/dev/null | sed "s/^[[:space:]]*/skipped in $(basename "$log" .log): /" || true
  done
  echo "total: $(( SECONDS - start )) s"
} > "$work/summary.txt"
echo; echo "===== fresh-root-check summary ($work/summary.txt)"
cat "$work/summary.txt"
exit $failed
