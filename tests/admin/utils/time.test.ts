import { periodToApi } from '../../../admin/src/utils/time';

describe('periodToApi', () => {
  it('sends whole local days with the offsets of the zone it names', () => {
    expect(periodToApi({ from: '2026-03-02', to: '2026-03-04' }, 'Asia/Shanghai')).toEqual({
      from: '2026-03-02T00:00:00+08:00',
      to: '2026-03-05T00:00:00+08:00',
      tz: 'Asia/Shanghai',
    });
  });

  it('sends 31 days across a daylight-saving change as local midnights, with tz', () => {
    // 745 hours: the server accepts it as 31 calendar days of Europe/Berlin.
    expect(periodToApi({ from: '2026-10-01', to: '2026-10-31' }, 'Europe/Berlin')).toEqual({
      from: '2026-10-01T00:00:00+02:00',
      to: '2026-11-01T00:00:00+01:00',
      tz: 'Europe/Berlin',
    });
  });
});
