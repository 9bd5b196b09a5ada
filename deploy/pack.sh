#!/usr/bin/env bash
# Packs the release: a tarball of the built tree that a production install takes with
# `npm ci --omit=dev` (or `npm install --omit=dev ./facegate-VERSION.tgz`), without TypeScript, Vite or
# any other development package. It holds the compiled JavaScript, the built example RP, the views,
# the model manifest and calibrations and the compiled install step (its postinstall builds the ONNX
# models from the npm packages: they are not in the tarball), and the lockfile as npm-shrinkwrap.json
# so that the install gets the versions CI tested. The `prepare` script of the checkout is left out.
# Run it in a checkout after `npm ci` (which builds).   Usage: deploy/pack.sh [OUT_DIR]   (default: .)
set -euo pipefail
out=$(realpath -m "${1:-.}")
cd "$(dirname "$0")/.."
if [ ! -f dist/src/cli/main.js ] || [ ! -f dist/models/install.js ] || [ ! -f example-rp/dist/index.html ]; then
  echo "deploy/pack.sh: the tree is not built: run npm ci (or npm run build && npm run build:rp) first" >&2
  exit 1
fi
mkdir -p "$out"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
# The files package.json's "files" names, as npm packs them.
npm pack --ignore-scripts --pack-destination "$stage" >/dev/null
tar -xzf "$stage"/facegate-*.tgz -C "$stage"
rm "$stage"/facegate-*.tgz
cp package-lock.json "$stage/package/npm-shrinkwrap.json"
node -e '
  const fs = require("fs");
  const file = process.argv[1];
  const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
  // The development scripts build and test a checkout; an install of the release builds the models only.
  manifest.scripts = {
    postinstall: "node dist/models/install.js",
    models: "node dist/models/install.js",
    start: "node bin/facegate.js serve",
  };
  manifest.files.push("npm-shrinkwrap.json");
  fs.writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");
' "$stage/package/package.json"
(cd "$stage/package" && npm pack --ignore-scripts --pack-destination "$out" | tail -1 | sed "s|^|$out/|")
