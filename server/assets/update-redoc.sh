#!/usr/bin/env bash
# Replaces the vendored Redoc bundle with the given npm release and prints what to record.
# Usage: server/assets/update-redoc.sh VERSION    (see server/assets/README.md)
set -euo pipefail

version=${1:?usage: $0 VERSION (e.g. 2.5.4)}
assets=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# npm pack verifies the tarball against the registry's integrity hash.
(cd "$work" && npm pack --silent "redoc@$version" >/dev/null)
tar -xzf "$work/redoc-$version.tgz" -C "$work"
for file in bundles/redoc.standalone.js bundles/redoc.standalone.js.LICENSE.txt LICENSE; do
    test -f "$work/package/$file" || { echo "redoc@$version has no $file: not a 2.x-style standalone bundle" >&2; exit 1; }
done
cp "$work/package/bundles/redoc.standalone.js" "$work/package/bundles/redoc.standalone.js.LICENSE.txt" "$assets/redoc/"
cp "$work/package/LICENSE" "$assets/redoc/LICENSE"

echo "redoc@$version vendored into $assets/redoc/. Record in server/assets/README.md and server/src/docs.rs:"
echo "  version   $version"
echo "  integrity $(npm view "redoc@$version" dist.integrity)"
(cd "$assets/redoc" && sha256sum redoc.standalone.js redoc.standalone.js.LICENSE.txt | sed 's/^/  sha256    /')
