#!/usr/bin/env bash
# Page weight and time to interactive of the daily check-in on a throttled phone profile (issue 14), measured in
# headless Chromium through the DevTools protocol (see src/test/java/backstop/diary/CheckInPageWeight.java).
# Prints the figures and leaves them in target/checkin-page-weight.txt; docs/performance.md records them.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o test -Dtest=CheckInPageWeight -Dbackstop.measure=true -Dsurefire.failIfNoSpecifiedTests=false \
  -Djacoco.skip=true >/dev/null
cat target/checkin-page-weight.txt
