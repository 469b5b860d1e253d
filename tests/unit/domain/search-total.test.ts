import { cappedTotal, totalFromStats } from '../../../server/src/domain/search-total';

const stats = (counts: number[], isCapped = false) => ({
  perDay: counts.map((count, index) => ({ day: `2026-03-0${index + 1}`, count })),
  perAccessCode: [],
  isCapped,
});

describe('cappedTotal', () => {
  it('is exact up to the cap, and says when more matched', () => {
    expect(cappedTotal(0, 10)).toEqual({ total: 0, totalIsCapped: false });
    expect(cappedTotal(10, 10)).toEqual({ total: 10, totalIsCapped: false });
    expect(cappedTotal(11, 10)).toEqual({ total: 10, totalIsCapped: true });
  });
});

describe('totalFromStats', () => {
  it('adds up the days of the period', () => {
    expect(totalFromStats(stats([3, 0, 4]), 10)).toEqual({ total: 7, totalIsCapped: false });
    expect(totalFromStats(stats([]), 10)).toEqual({ total: 0, totalIsCapped: false });
  });

  it('stops at the cap, as the search count does, when the rollup counted more', () => {
    expect(totalFromStats(stats([6, 4]), 10)).toEqual({ total: 10, totalIsCapped: false });
    expect(totalFromStats(stats([6, 5]), 10)).toEqual({ total: 10, totalIsCapped: true });
  });

  it('says capped when a number filter stopped counting at the cap', () => {
    // The capped statistics are the newest cap matches: their days add up to the cap.
    expect(totalFromStats(stats([4, 6], true), 10)).toEqual({ total: 10, totalIsCapped: true });
  });
});
