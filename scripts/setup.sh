#!/bin/sh
# Install the pinned pnpm (corepack is not needed) and every workspace dependency.
set -eu
cd "$(dirname "$0")/.."
PNPM_VERSION=$(node -p "require('./package.json').packageManager.split('@')[1]")
npx -y "pnpm@${PNPM_VERSION}" install --frozen-lockfile
