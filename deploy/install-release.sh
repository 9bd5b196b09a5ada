#!/usr/bin/env bash
# Installs a packed release (deploy/pack.sh) into DIR as production does; the Dockerfile's install
# step, and the systemd setup's. `npm ci --omit=dev` installs the runtime packages the shrinkwrap
# names, and its postinstall builds the ONNX models from them; then onnxruntime-node's binaries for
# the other platforms (macOS, Windows, the other Linux architecture: about 245 MB) are removed.
# Usage: deploy/install-release.sh TARBALL DIR [more npm ci options, e.g. --offline]
set -euo pipefail
tarball=$(realpath "$1")
dir=$2
shift 2
mkdir -p "$dir"
cd "$dir"
tar -xzf "$tarball" --strip-components=1
# onnxruntime-node's own install script fetches GPU binaries from the internet: not wanted.
ONNXRUNTIME_NODE_INSTALL=skip npm ci --omit=dev --no-audit --no-fund "$@"
platform=$(node -p 'process.platform + "/" + process.arch')
for binaries in node_modules/onnxruntime-node/bin/napi-v*; do
  for other in "$binaries"/*/*; do
    if [ "${other#"$binaries"/}" != "$platform" ]; then rm -rf "$other"; fi
  done
  find "$binaries" -mindepth 1 -maxdepth 1 -type d -empty -delete
done
