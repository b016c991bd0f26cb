#!/usr/bin/env bash
# Rebuilds examples/canada/charter from the Government of Canada's open data.
# Run from the repository root, after `mvn -q -DskipTests package`. The data files are the ones in
# examples/canada/source (see its README for where they come from); pass other paths to use other copies.
set -euo pipefail
old="${1:-examples/canada/source/gc-service-standards-2017-2019.csv}"
new="${2:-examples/canada/source/gc-service-standards-2023-24.csv}"
rm -rf examples/canada/charter
java -jar target/kept.jar import gc-service-standards "$old" "$new" --out examples/canada/charter \
  2> examples/canada/import-notes.txt
echo "Notes on the source's mistakes, with their file and line: examples/canada/import-notes.txt"
