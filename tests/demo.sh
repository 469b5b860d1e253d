#!/usr/bin/env bash
# `npm run demo`: the host app with the plugin, its admin panel built, seeded demo data, on SQLite
# (or on the database DATABASE_CLIENT and the other DATABASE_* variables name, as in
# tests/app/config/database.js: `DATABASE_CLIENT=mysql DATABASE_NAME=… npm run demo`).
# Open http://127.0.0.1:1337/admin and log in as admin@example.com / CallHistory-Demo-1
# (or agent@example.com, same password, to see the Agent's read-only view).
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci --no-audit --no-fund

export DATABASE_CLIENT=${DATABASE_CLIENT:-sqlite}
export DATABASE_FILENAME=${DATABASE_FILENAME:-.tmp/demo.db}
export STRAPI_TELEMETRY_DISABLED=true
export BROWSER=none

npm run --silent build
# Always rebuilt (about 10 s): a build left from older sources would show an older admin.
if [ "${DEMO_SKIP_ADMIN_BUILD:-0}" != 1 ] || [ ! -f tests/app/build/index.html ]; then
  (cd tests/app && NODE_ENV=production npx strapi build)
fi
STRAPI_LOG_LEVEL=${STRAPI_LOG_LEVEL:-info} node tests/scripts/seed-demo.js

echo
echo "Call History demo: http://${HOST:-127.0.0.1}:${PORT:-1337}/admin"
echo "  admin@example.com / CallHistory-Demo-1   (Super Admin)"
echo "  agent@example.com / CallHistory-Demo-1   (Agent: read-only settings)"
echo
cd tests/app
exec env NODE_ENV=production npx strapi start
