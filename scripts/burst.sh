#!/usr/bin/env bash
# The full burst against a Zendesk that keeps its documented limits (src/test/java/io/bluebird/e2e/BurstIT.java):
# 3,000 X DMs from 300 customers, 10 each, within 20 s. CI runs the short version (30 customers in 5 s) with every
# `mvn verify`. Usage: scripts/burst.sh [customers] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
mvn -B verify -Dit.test=BurstIT -Dburst.customers="${1:-300}" -Dburst.seconds="${2:-20}" -Dtest=NoSuchTest \
  -Dsurefire.failIfNoSpecifiedTests=false | tee target/burst.log
grep '^burst' target/burst.log
