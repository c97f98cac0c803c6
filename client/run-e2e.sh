#!/usr/bin/env bash
# Runs the TypeScript client scenario against the packaged service (see ops/with-service.sh).
set -euo pipefail
cd "$(dirname "$0")"
exec ../ops/with-service.sh npx --no-install tsx src/scenario.ts
