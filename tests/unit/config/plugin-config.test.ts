import config, { defaultConfig } from '../../../server/src/config';

describe('plugin config validator', () => {
  it('accepts the defaults', () => {
    expect(() => config.validator(defaultConfig)).not.toThrow();
    expect(defaultConfig).toMatchObject({
      maxFlowTraceBytes: 262_144,
      maxCallDurationSeconds: 86_400,
      numberMask: { keepFirst: 3, keepLast: 4 },
    });
  });

  it('accepts the bounds of the number mask', () => {
    for (const numberMask of [
      { keepFirst: 0, keepLast: 0 },
      { keepFirst: 31, keepLast: 31 },
    ]) {
      expect(() => config.validator({ ...defaultConfig, numberMask })).not.toThrow();
    }
  });

  it('accepts cron rules of 5 or 6 fields, or false for no purge job', () => {
    expect(defaultConfig).toMatchObject({
      purgeCron: '0 30 3 * * *',
      purgeBatchSize: 1000,
      streamChunkSize: 1000,
      sqliteDayIndexes: false,
    });
    for (const purgeCron of ['30 3 * * *', '*/10 * * * * *', '0 0 2 * * SUN', false]) {
      expect(() => config.validator({ ...defaultConfig, purgeCron })).not.toThrow();
    }
  });

  it('accepts the bounds of the call limits', () => {
    for (const limits of [
      { maxFlowTraceBytes: 1024, maxCallDurationSeconds: 1 },
      { maxFlowTraceBytes: 64 * 1024 * 1024, maxCallDurationSeconds: 2 ** 31 - 1 },
    ]) {
      expect(() => config.validator({ ...defaultConfig, ...limits })).not.toThrow();
    }
  });

  it.each([
    [{ maxPeriodDays: 0 }, 'maxPeriodDays'],
    [{ maxPeriodDays: -3 }, 'maxPeriodDays'],
    [{ maxPeriodDays: 1.5 }, 'maxPeriodDays'],
    [{ maxPeriodDays: '31' }, 'maxPeriodDays'],
    [{ totalCap: 0 }, 'totalCap'],
    [{ totalCap: null }, 'totalCap'],
    [{ createDefaultRoles: 'yes' }, 'createDefaultRoles'],
    [{ showInContentManager: 'true' }, 'showInContentManager'],
    [{ showInContentManager: undefined }, 'showInContentManager'],
    [{ csvBom: 'false' }, 'csvBom'],
    [{ csvBom: 0 }, 'csvBom'],
    [{ csvBom: undefined }, 'csvBom'],
    [{ maxPeriodDay: 10 }, 'maxPeriodDay'],
    [{ maxFlowTraceBytes: 0 }, 'maxFlowTraceBytes'],
    [{ maxFlowTraceBytes: 1023 }, 'maxFlowTraceBytes'],
    [{ maxFlowTraceBytes: '256kb' }, 'maxFlowTraceBytes'],
    [{ maxFlowTraceBytes: 64 * 1024 * 1024 + 1 }, 'maxFlowTraceBytes'],
    [{ maxCallDurationSeconds: 0 }, 'maxCallDurationSeconds'],
    [{ maxCallDurationSeconds: 3600.5 }, 'maxCallDurationSeconds'],
    // durationSeconds is a 32-bit integer column: no longer call fits it.
    [{ maxCallDurationSeconds: 2 ** 31 }, 'maxCallDurationSeconds'],
    [{ maxCallDurationSeconds: null }, 'maxCallDurationSeconds'],
    [{ numberMask: null }, 'numberMask'],
    [{ numberMask: { keepFirst: 3 } }, 'numberMask.keepLast'],
    [{ numberMask: { keepFirst: -1, keepLast: 4 } }, 'numberMask.keepFirst'],
    [{ numberMask: { keepFirst: 3, keepLast: 32 } }, 'numberMask.keepLast'],
    [{ numberMask: { keepFirst: 1.5, keepLast: 4 } }, 'numberMask.keepFirst'],
    [{ numberMask: { keepFirst: '3', keepLast: 4 } }, 'numberMask.keepFirst'],
    [{ numberMask: { keepFirst: 3, keepLast: 4, keepMiddle: 1 } }, 'keepMiddle'],
    [{ purgeCron: 'every night' }, 'purgeCron'],
    [{ purgeCron: '0 30 3 *' }, 'purgeCron'],
    [{ purgeCron: true }, 'purgeCron'],
    [{ purgeCron: '' }, 'purgeCron'],
    [{ purgeBatchSize: 0 }, 'purgeBatchSize'],
    [{ purgeBatchSize: 100_001 }, 'purgeBatchSize'],
    [{ purgeBatchSize: '1000' }, 'purgeBatchSize'],
    [{ streamChunkSize: 0 }, 'streamChunkSize'],
    [{ streamChunkSize: 10_001 }, 'streamChunkSize'],
    [{ streamChunkSize: 1.5 }, 'streamChunkSize'],
    [{ sqliteDayIndexes: 'true' }, 'sqliteDayIndexes'],
  ])('throws on %j, naming %s', (override, key) => {
    expect(() => config.validator({ ...defaultConfig, ...override })).toThrow(new RegExp(key));
  });
});
