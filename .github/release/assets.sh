#!/usr/bin/env bash
# Gathers a release's files into target/release/ after `mvn -Prelease -Drevision=VERSION package`
# (run by .github/workflows/release.yml; usage: assets.sh VERSION): the launcher archives
# kept-VERSION.tar.gz and .zip, the jar as kept-VERSION.jar, the CycloneDX SBOM
# kept-VERSION.cdx.json, and SHA256SUMS over them all (the file the action checks its download
# against). Refuses a SNAPSHOT, and a build whose kept says another version than VERSION.
set -euo pipefail

v="${1:-}"
[[ "$v" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] \
  || { echo "assets.sh: '$v' is not a release version such as 0.2.0" >&2; exit 2; }
[[ "$v" != *SNAPSHOT* ]] || { echo "assets.sh: $v is a SNAPSHOT, not a release" >&2; exit 2; }

target="$(cd "$(dirname "$0")/../.." && pwd)/target"
said="$("$target/kept-$v/bin/kept" --version)" \
  || { echo "assets.sh: no working target/kept-$v/bin/kept: build with -Drevision=$v" >&2; exit 1; }
[ "$said" = "kept $v" ] || { echo "assets.sh: the build says '$said', not 'kept $v'" >&2; exit 1; }

out="$target/release"
rm -rf "$out"
mkdir -p "$out"
cp "$target/kept-$v.tar.gz" "$target/kept-$v.zip" "$target/kept-$v.cdx.json" "$out/"
cp "$target/kept.jar" "$out/kept-$v.jar"
(cd "$out" && sha256sum kept-* > SHA256SUMS)
cat "$out/SHA256SUMS"
