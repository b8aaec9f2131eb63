#!/usr/bin/env bash
# Rebuilds docs/teaching.md and docs/teaching-map.svg from a real traced write into the simulated Blue
# Pill (TeachingDocTest); the same test, run by ./mvnw verify in CI, fails when the committed files are stale.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl cli -am test -Dtest=TeachingDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dteaching.update=true
