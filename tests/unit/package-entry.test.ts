import { existsSync, readFileSync } from 'fs';
import path from 'path';

import pkg from '../../package.json';
import * as entry from '../../server/src/extend';
import type { PurgeResult } from '../../server/src/extend';

const ROOT = path.resolve(__dirname, '..', '..');

/** What extenders import from 'strapi-plugin-call-history': renaming any of these is a break. */
const PUBLIC_NAMES = [
  'BOT_KINDS',
  'CUSTOM_FIELD_UID',
  'EVENTS',
  'FLAG_NAMES',
  'FLAG_VALUES',
  'checkCustomFieldValue',
  'decideRecording',
  'isBotKind',
  'isFlagValue',
  'isPluginCustomField',
];

const built = path.join(ROOT, 'dist', 'server', 'src', 'extend.js');

describe('the package entry point', () => {
  it('exports the recording decision, the event names and the custom-field checks', () => {
    expect(Object.keys(entry).sort()).toEqual(PUBLIC_NAMES);
  });

  it('is what package.json main and types point at, from the package root', () => {
    expect(pkg.main).toBe('extend.js');
    expect(pkg.types).toBe('extend.d.ts');
    // Strapi loads a plugin configured by `resolve: <folder>` from the folder of
    // require.resolve(<folder>): a main outside the root would hide strapi-server.js.
    expect(path.dirname(require.resolve(ROOT))).toBe(ROOT);
  });

  it('decides as the plugin does, without Strapi', () => {
    const decision = entry.decideRecording({
      flags: { CHATRECORDFLAG: 'ON', FLOWRECORDFLAG: 'OFF', CCIVRRECORDFLAG: 'ON' },
      bot: null,
      callBotKind: 'COMMON_IVR',
      accessCode: '1001',
    });
    expect(decision).toMatchObject({ recordCall: true, recordFlow: true });
    expect(entry.EVENTS.callRecorded).toBe('call-history.call.recorded');
    expect(entry.checkCustomFieldValue(entry.CUSTOM_FIELD_UID.recordingFlag, 'MAYBE')).toEqual({
      ok: false,
      message: 'must be one of ON, OFF, BOT_LEVEL',
    });
  });

  it("types the payload of each event it names, the purge's included", () => {
    // Compiled by `npm run typecheck`: a payload type missing from the entry fails it.
    const purged: PurgeResult = {
      at: '2026-12-02T03:30:00.000Z',
      deleted: 3,
      batches: 1,
      skippedHeld: 1,
      perBot: [
        {
          bot: { kind: 'INTELLIGENT_ROBOT', id: 1, name: 'Sales bot', accessCode: '1001' },
          retentionDays: 30,
          deleted: 2,
        },
        { bot: null, retentionDays: 90, deleted: 1 },
      ],
    };
    expect(entry.EVENTS.callsPurged).toBe('call-history.calls.purged');
    expect(purged.perBot.reduce((sum, count) => sum + count.deleted, 0)).toBe(purged.deleted);
  });

  // The build is there after `npm run build` (CI builds before the integration tests).
  (existsSync(built) ? it : it.skip)('loads from the build with its declarations', async () => {
    const fromPackage = (await import(path.join(ROOT, pkg.main))) as Record<string, unknown>;
    expect(Object.keys(fromPackage).sort()).toEqual(PUBLIC_NAMES);
    const declarations = built.replace(/\.js$/, '.d.ts');
    expect(existsSync(declarations)).toBe(true);
    for (const payload of ['CallRecordedPayload', 'SettingsUpdatedPayload', 'PurgeResult']) {
      expect(readFileSync(declarations, 'utf8')).toContain(payload);
    }
  });
});
