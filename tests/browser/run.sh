#!/usr/bin/env bash
# The browser suite: builds the host app's admin (production), compiles the server, then drives
# Debian's chromium (apt-get install -y chromium) through playwright-core against a real Strapi
# on a fresh SQLite database. Screenshots land in .github/screenshots/.
#   SKIP_ADMIN_BUILD=1   reuse tests/app/build
#   CHROMIUM_PATH=...    another chromium binary (default /usr/bin/chromium)
set -euo pipefail
cd "$(dirname "$0")/../.."

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "chromium not found at $chromium: apt-get install -y chromium" >&2
  exit 1
fi

npx tsc -p server/tsconfig.json
if [ "${SKIP_ADMIN_BUILD:-0}" != 1 ] || [ ! -f tests/app/build/index.html ]; then
  (cd tests/app && NODE_ENV=production npx strapi build)
fi
npx jest --selectProjects browser --runInBand "$@"
