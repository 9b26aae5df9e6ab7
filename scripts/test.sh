#!/bin/sh
# Run every test in the workspace; the last line reads "N passed, N failed".
set -eu
cd "$(dirname "$0")/.."
PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
exec npx -y "pnpm@${PNPM_VERSION}" test "$@"
