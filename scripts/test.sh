#!/bin/sh
# Runs every test file: unit tests beside the code (and the benchmarks' support code), integration
# and browser tests under test/.
# The shell expands the globs (node 20's test runner does not).
set -e
cd "$(dirname "$0")/.."
exec node --import tsx --test --test-reporter=spec --test-concurrency=2 \
  $(find src test bench -name '*.test.ts' -o -name '*.test.tsx' | sort) "$@"
