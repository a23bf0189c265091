#!/usr/bin/env bash
# The build tools and CudaEnv's helper libraries, from Ubuntu 24.04's own
# archive, inside NVIDIA's CUDA image (which has the toolkit already).
# Usage: install-build-tools.sh
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends git ca-certificates cmake ninja-build g++ ccache \
  libfmt-dev libelf-dev liblz4-dev libzstd-dev libarchive-dev libcli11-dev nlohmann-json3-dev
