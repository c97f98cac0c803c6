#!/usr/bin/env bash
# Runs the TypeScript client scenario, then the webhooks scenario with its own receiver, against one
# packaged service (see ops/with-service.sh); the first failure stops the run.
set -euo pipefail
cd "$(dirname "$0")"
exec ../ops/with-service.sh sh -c 'npx --no-install tsx src/scenario.ts && npx --no-install tsx src/webhooks.ts'
