#!/bin/sh
# Clean, install, test, then open the menu: the whole course from scratch.
set -eu
cd "$(dirname "$0")"
./clean.sh
./setup.sh
./test.sh
exec ./run.sh "$@"
