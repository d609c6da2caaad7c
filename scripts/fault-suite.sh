#!/usr/bin/env bash
# The fault suite's long run: each fault held for minutes against the packaged hub on its default settings
# (src/test/java/io/bluebird/e2e/FaultSuiteIT.java); the table goes to target/fault-table.md. CI runs the short
# version with every `mvn verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B verify -Dfaults.full=true -Dit.test=FaultSuiteIT -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false
cat target/fault-table.md
