#!/bin/sh
# Remove node_modules, build output, caches and bench results.
set -eu
cd "$(dirname "$0")/.."
find . -name node_modules -type d -prune -exec rm -rf {} +
find . \( -name dist -o -name .turbo -o -name bench-results -o -name .vitest-results.json \) -not -path './.git/*' -prune -exec rm -rf {} +
rm -f grade-results.json
echo "clean."
