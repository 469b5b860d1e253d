import config, { defaultConfig } from '../../../server/src/config';

describe('plugin config validator', () => {
  it('accepts the defaults', () => {
    expect(() => config.validator(defaultConfig)).not.toThrow();
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
  ])('throws on %j, naming %s', (override, key) => {
    expect(() => config.validator({ ...defaultConfig, ...override })).toThrow(new RegExp(key));
  });
});
