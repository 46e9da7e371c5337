#!/usr/bin/env bash
# Bundles Scalar's standalone API-reference script into the Gateway (services/Gateway/ApiReference), gzipped, so
# the /docs page loads nothing from the internet at run time. Run at development time to move to another version:
#   scripts/update-scalar.sh [version]
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-1.72.1}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@scalar/api-reference@$version" >/dev/null && tar xzf scalar-api-reference-*.tgz)
target=services/Gateway/ApiReference
gzip -9 -n -c "$work/package/dist/browser/standalone.js" > "$target/scalar.standalone.js.gz"
cp "$work/package/LICENSE" "$target/scalar.LICENSE" 2>/dev/null || true
echo "$version" > "$target/scalar.version"
echo "Scalar $version bundled into $target ($(wc -c < "$target/scalar.standalone.js.gz") bytes gzipped)"
