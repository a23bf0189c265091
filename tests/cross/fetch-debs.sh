#!/usr/bin/env bash
# Downloads Debian packages (any architecture) into <apt dir>/debs with a
# private apt configuration: nothing is installed, the system's apt state is
# not touched. Packages already downloaded are not fetched again.
# Usage: fetch-debs.sh <apt dir> <sources.list line> <package[:arch]>...
set -euo pipefail
apt_dir=$1 source_line=$2
shift 2
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/state" "$apt_dir/debs"
touch "$apt_dir/state/status"
missing=()
for package in "$@"; do
  name=${package%%:*} arch=${package#*:}
  [ "$arch" != "$package" ] || arch=all
  ls "$apt_dir/debs/${name}_"*"_${arch}.deb" "$apt_dir/debs/${name}_"*"_all.deb" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -gt 0 ] || exit 0
echo "$source_line" > "$apt_dir/sources.list"
apt=(apt-get -q -o "Dir::Etc::sourcelist=$apt_dir/sources.list" -o Dir::Etc::sourceparts=/nonexistent
     -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::State::status=$apt_dir/state/status"
     -o "Dir::Cache=$apt_dir/cache" -o APT::Architectures::=amd64 -o APT::Architectures::=arm64)
"${apt[@]}" update >&2
(cd "$apt_dir/debs" && "${apt[@]}" download "${missing[@]}" >&2)
