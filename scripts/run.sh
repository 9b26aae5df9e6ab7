#!/bin/sh
# Open the interactive lesson menu (pass a lesson id to run just that lesson).
set -eu
cd "$(dirname "$0")/.."
PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
exec npx -y "pnpm@${PNPM_VERSION}" start "$@"
