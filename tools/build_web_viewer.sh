#!/usr/bin/env bash
# Build src/facelift/assets/web/splat-viewer.js: the WebGL Gaussian-splat renderer that
# `facelift export HEAD -o OUT.html` inlines into its page (facelift/formats/html.py).
#
# It is Mark Kellogg's GaussianSplats3D (MIT) with three.js (MIT), from npm at the pinned
# versions below, bundled by esbuild into one minified IIFE that defines the global
# `GaussianSplats3D` (its Viewer and SpzLoader). The licences of both go beside it in
# splat-viewer.LICENSE.txt, the versions in splat-viewer.versions.json.
#
# Needs node and npm (the npm registry); run from anywhere: bash tools/build_web_viewer.sh
set -euo pipefail

SPLATS_VERSION=0.4.7    # @mkkellogg/gaussian-splats-3d
THREE_VERSION=0.180.0   # three (the splat library's peer dependency: >=0.160.0)
ESBUILD_VERSION=0.28.2  # esbuild

repo="$(cd "$(dirname "$0")/.." && pwd)"
dest="$repo/src/facelift/assets/web"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --save-exact --loglevel=error \
  "@mkkellogg/gaussian-splats-3d@$SPLATS_VERSION" "three@$THREE_VERSION" "esbuild@$ESBUILD_VERSION"

cat > entry.js <<'JS'
export { Viewer, SpzLoader, LogLevel, SceneRevealMode } from '@mkkellogg/gaussian-splats-3d';
JS

# --legal-comments=none: the licences travel in their own file (below), not in the page.
npx --no-install esbuild entry.js --bundle --minify --format=iife --global-name=GaussianSplats3D \
  --target=es2020 --legal-comments=none --log-level=warning --outfile=splat-viewer.js

mkdir -p "$dest"
# An inline <script> ends at the first "</script": the page inlines this file, so none may be in it.
if grep -qi '</script' splat-viewer.js; then
  echo "build_web_viewer: the bundle contains '</script'" >&2
  exit 1
fi
cp splat-viewer.js "$dest/splat-viewer.js"
{
  echo "splat-viewer.js bundles the following npm packages; their licences follow."
  echo
  echo "== @mkkellogg/gaussian-splats-3d $SPLATS_VERSION (https://github.com/mkkellogg/GaussianSplats3D)"
  echo
  cat node_modules/@mkkellogg/gaussian-splats-3d/LICENSE
  echo
  echo "== three $THREE_VERSION (https://github.com/mrdoob/three.js)"
  echo
  cat node_modules/three/LICENSE
} > "$dest/splat-viewer.LICENSE.txt"
cat > "$dest/splat-viewer.versions.json" <<JSON
{
  "built_by": "tools/build_web_viewer.sh",
  "packages": {
    "@mkkellogg/gaussian-splats-3d": "$SPLATS_VERSION",
    "three": "$THREE_VERSION",
    "esbuild": "$ESBUILD_VERSION"
  }
}
JSON
ls -l "$dest"
