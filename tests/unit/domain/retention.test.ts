import {
  DAY_MS,
  cutoffFor,
  isExpired,
  isRetentionDays,
  retentionDaysProblem,
  retentionRules,
  ruleFor,
  type BotRetention,
} from '../../../server/src/domain/retention';

const NOW = new Date('2026-06-01T00:00:00Z');
const ago = (days: number, extraMs = 0) => new Date(NOW.getTime() - days * DAY_MS - extraMs);

const robot: BotRetention = {
  kind: 'INTELLIGENT_ROBOT',
  id: 1,
  name: 'Billing',
  accessCode: '10001',
  retentionDays: 30,
};
const ivr: BotRetention = {
  kind: 'COMMON_IVR',
  id: 1,
  name: 'Main',
  accessCode: '10002',
  retentionDays: null,
};
const robotB: BotRetention = { ...robot, id: 2, name: 'Accounts', accessCode: '10003' };

describe('retention periods', () => {
  it.each([1, 30, 36_500])('accepts %d days', (days) => {
    expect(isRetentionDays(days)).toBe(true);
    expect(retentionDaysProblem(days)).toBeNull();
  });

  it.each([0, -1, 36_501, 1.5, '30', NaN, Infinity])('refuses %j', (days) => {
    expect(isRetentionDays(days)).toBe(false);
    expect(retentionDaysProblem(days)).toMatch(/retentionDays .*1 to 36500/);
  });

  it('takes null (and no value) as "keep forever", not as a problem', () => {
    expect(retentionDaysProblem(null)).toBeNull();
    expect(retentionDaysProblem(undefined)).toBeNull();
    expect(cutoffFor(NOW, null)).toBeNull();
  });

  it('puts the cutoff exactly that many days of 24 hours before now', () => {
    expect(cutoffFor(NOW, 30)?.toISOString()).toBe('2026-05-02T00:00:00.000Z');
  });
});

describe('retention rules and expiry', () => {
  it('gives each bot its override, else the tenant period, and the rest the tenant period', () => {
    const rules = retentionRules(NOW, 90, [ivr, robot, robotB]);
    expect(rules.map((rule) => [rule.bot?.name ?? null, rule.retentionDays, rule.source])).toEqual([
      ['Accounts', 30, 'bot'],
      ['Billing', 30, 'bot'],
      ['Main', 90, 'tenant'],
      [null, 90, 'tenant'],
    ]);
    expect(rules[3].excludedAccessCodes.sort()).toEqual(['10001', '10002', '10003']);
    expect(ruleFor(rules, '99999')?.bot).toBeNull();
  });

  it('keeps everything when neither the bot nor the tenant has a period', () => {
    const rules = retentionRules(NOW, null, [ivr]);
    expect(rules.map((rule) => rule.cutoff)).toEqual([null, null]);
    expect(isExpired({ accessCode: '10002', startTime: ago(10_000) }, rules)).toBe(false);
    expect(isExpired({ accessCode: '77777', startTime: ago(10_000) }, rules)).toBe(false);
  });

  it('applies an override even when the tenant keeps calls forever', () => {
    const rules = retentionRules(NOW, null, [robot]);
    expect(isExpired({ accessCode: '10001', startTime: ago(30, 1) }, rules)).toBe(true);
    expect(isExpired({ accessCode: '10001', startTime: ago(30) }, rules)).toBe(false);
    expect(isExpired({ accessCode: '55555', startTime: ago(3000) }, rules)).toBe(false);
  });

  it('expires strictly before the cutoff, by the rule of the owning bot', () => {
    const rules = retentionRules(NOW, 90, [robot, ivr]);
    expect(isExpired({ accessCode: '10001', startTime: ago(31).toISOString() }, rules)).toBe(true);
    expect(isExpired({ accessCode: '10001', startTime: ago(29) }, rules)).toBe(false);
    expect(isExpired({ accessCode: '10002', startTime: ago(60) }, rules)).toBe(false);
    expect(isExpired({ accessCode: '10002', startTime: ago(91) }, rules)).toBe(true);
    expect(isExpired({ accessCode: '55555', startTime: ago(91).getTime() }, rules)).toBe(true);
  });

  it('never expires a held call', () => {
    const rules = retentionRules(NOW, 1, [robot]);
    const old = { accessCode: '10001', startTime: ago(400) };
    expect(isExpired(old, rules)).toBe(true);
    expect(isExpired({ ...old, heldAt: ago(1) }, rules)).toBe(false);
  });

  it('reads a stored out-of-bounds tenant period as "keep forever"', () => {
    const rules = retentionRules(NOW, 0, []);
    expect(rules[0]).toMatchObject({ retentionDays: null, source: null, cutoff: null });
  });
});
