#!/usr/bin/env bash
# What a user gets: the package exactly as `npm pack` builds it, installed into a clean Strapi
# app made from Strapi's own project templates (the @strapi/generate-new of the Strapi version
# this repository pins), its admin built, the app started, and one route of the plugin called.
# Nothing of the repository is on that app's path: only the tarball.
#
#   bash tests/scripts/package-check.sh     (`npm run test:package`)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/call-history-package-XXXXXX)
app=$work/app
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  if [ "${KEEP_PACKAGE_CHECK:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "--- npm pack"
cd "$root"
tarball="$work/$(npm pack --silent --pack-destination "$work" | tail -n 1)"
tar -tzf "$tarball" | sed 's|^package/||' | sort >"$work/files.txt"
echo "$(wc -l <"$work/files.txt") files in $(basename "$tarball")"
# The package carries its build, its admin sources and its docs, never the tests or the repo's tooling.
for required in strapi-server.js strapi-admin.js extend.js extend.d.ts package.json README.md \
  CHANGELOG.md LICENSE docs/api.md docs/design.md dist/server/src/index.js \
  dist/server/src/extend.js dist/server/src/extend.d.ts admin/src/index.ts shared/contracts/calls.ts; do
  grep -qx "$required" "$work/files.txt" || { echo "the package lacks $required" >&2; exit 1; }
done
if grep -E '^(tests|\.ci|node_modules)/' "$work/files.txt"; then
  echo "the package carries files that are not the plugin's" >&2
  exit 1
fi

echo "--- a clean Strapi app from Strapi's own templates"
generator="$root/node_modules/@strapi/generate-new/dist"
mkdir -p "$app"
cp -r "$generator/resources/files/js/." "$app/"
node - "$generator" "$app" "$tarball" <<'NODE'
const fs = require('fs');
const path = require('path');
const [generator, app, tarball] = process.argv.slice(2);
const strapiVersion = require('@strapi/strapi/package.json').version;
const packageJson = require(path.join(generator, 'resources/json/common/package.json.js'));
const createEnvFile = require(path.join(generator, 'resources/templates/env.js'));
const { createDatabaseConfig } = require(path.join(generator, 'resources/templates/database.js'));
const dbDependencies = require(path.join(generator, 'utils/db-client-dependencies.js'));
const pkg = packageJson({
  // What `create-strapi-app --quickstart` lists, less the Strapi Cloud plugin.
  strapiDependencies: ['@strapi/strapi', '@strapi/plugin-users-permissions', '@strapi/plugin-i18n'],
  additionalsDependencies: {
    react: '^18.0.0',
    'react-dom': '^18.0.0',
    'react-router-dom': '5.3.4',
    'styled-components': '5.3.3',
    ...dbDependencies({ client: 'sqlite' }),
    'strapi-plugin-call-history': `file:${tarball}`,
  },
  strapiVersion,
  projectName: 'call-history-package-check',
  uuid: false,
  packageJsonStrapi: { telemetryDisabled: true },
});
// The install traps of this Strapi line on a machine without GitHub access (see CONTRIBUTING).
pkg.overrides = require(path.join(process.cwd(), 'package.json')).overrides;
fs.writeFileSync(path.join(app, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
fs.writeFileSync(path.join(app, '.env'), createEnvFile());
fs.writeFileSync(path.join(app, 'config/database.js'), createDatabaseConfig({ useTypescript: false }));
fs.writeFileSync(
  path.join(app, 'config/plugins.js'),
  "module.exports = () => ({ 'call-history': { enabled: true } });\n"
);
NODE

echo "--- npm install (the tarball and Strapi $(node -p "require('@strapi/strapi/package.json').version"))"
cd "$app"
npm install --no-audit --no-fund --prefer-offline --loglevel=error
installed=$(node -p "require('strapi-plugin-call-history/package.json').version")
echo "strapi-plugin-call-history $installed installed"
# What an extender imports: the documented entry point and its type declarations.
node -e "
const entry = require('strapi-plugin-call-history');
if (typeof entry.decideRecording !== 'function') throw new Error('the entry point lacks decideRecording');
"
cat >"$work/extender.ts" <<'TS'
import {
  decideRecording,
  EVENTS,
  type CallRecordedPayload,
  type PurgeResult,
  type RecordingDecision,
} from 'strapi-plugin-call-history';

const decision: RecordingDecision = decideRecording({
  flags: { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'OFF', CCIVRRECORDFLAG: 'OFF' },
  bot: null,
  callBotKind: 'INTELLIGENT_ROBOT',
  accessCode: '10086',
});
const onRecorded = (payload: CallRecordedPayload): number => payload.calls.length;
const onPurged = (payload: PurgeResult): number => payload.deleted;
export { decision, onRecorded, onPurged, EVENTS };
TS
cp "$work/extender.ts" "$app/extender.ts"
"$root/node_modules/.bin/tsc" --noEmit --strict --skipLibCheck --esModuleInterop --moduleResolution node \
  --module commonjs --target es2021 "$app/extender.ts"
rm "$app/extender.ts"
echo "the entry point and its type declarations serve a strict TypeScript extender"

echo "--- strapi build"
npx strapi build --no-optimization >"$work/build.log" 2>&1 || { tail -n 40 "$work/build.log" >&2; exit 1; }

port=${PACKAGE_CHECK_PORT:-1399}
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
echo "--- strapi start on port $port, then the plugin answers"
# Node itself, not npx: $! must be the server, so that the cleanup stops it.
PORT=$port HOST=127.0.0.1 node ./node_modules/.bin/strapi start >"$work/start.log" 2>&1 &
server_pid=$!
# Node's own fetch: curl may not be on a fresh machine.
node - "http://127.0.0.1:$port" "$server_pid" <<'NODE' || { tail -n 40 "$work/start.log" >&2; exit 1; }
const [base, serverPid] = process.argv.slice(2);
const alive = () => {
  try {
    process.kill(Number(serverPid), 0);
    return true;
  } catch {
    return false;
  }
};
const call = async (path, init = {}) => {
  const response = await fetch(base + path, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
};
(async () => {
  for (let waited = 0; ; waited += 1) {
    if (!alive()) throw new Error('strapi start exited');
    if (waited > 180) throw new Error('Strapi did not answer /_health within 3 minutes');
    const healthy = await fetch(`${base}/_health`).then((r) => r.ok, () => false);
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const json = { 'Content-Type': 'application/json' };
  const admin = { firstname: 'Package', lastname: 'Check', email: 'package-check@example.com', password: 'PackageCheck1' };
  const { data } = await call('/admin/register-admin', { method: 'POST', headers: json, body: JSON.stringify(admin) });
  const settings = await call('/call-history/settings', { headers: { Authorization: `Bearer ${data.token}` } });
  console.log(`GET /call-history/settings → ${JSON.stringify(settings)}`);
  for (const flag of ['CHATRECORDFLAG', 'FLOWRECORDFLAG', 'CCIVRRECORDFLAG']) {
    if (!['ON', 'OFF', 'BOT_LEVEL'].includes(settings.data[flag])) throw new Error(`no ${flag} in the answer`);
  }
})().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
NODE
echo "package check passed"
