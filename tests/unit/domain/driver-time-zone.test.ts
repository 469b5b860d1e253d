import { driverWritesUtc } from '../../../server/src/domain/driver-time-zone';

describe('driverWritesUtc', () => {
  it('holds for a UTC driver zone whatever the process zone', () => {
    for (const zone of ['Z', '+00:00', '-00:00', 'UTC', ' Z ']) {
      expect(driverWritesUtc(zone, [-300, -240])).toBe(true);
    }
  });

  it('holds for the default local zone only in a process that is UTC all year', () => {
    expect(driverWritesUtc(undefined, [0, 0])).toBe(true);
    expect(driverWritesUtc('local', [0, 0])).toBe(true);
    expect(driverWritesUtc(undefined, [0, -60])).toBe(false);
    expect(driverWritesUtc('local', [-330, -330])).toBe(false);
  });

  it('fails for any other fixed offset', () => {
    expect(driverWritesUtc('+05:30', [0, 0])).toBe(false);
    expect(driverWritesUtc('-08:00', [0, 0])).toBe(false);
  });
});
