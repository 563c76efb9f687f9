import { DomainError } from '../errors';
import { isValidDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['P0D', { kind: 'workingDays', days: 0, text: 'P0D' }],
    ['P1D', { kind: 'workingDays', days: 1, text: 'P1D' }],
    ['P7D', { kind: 'workingDays', days: 7, text: 'P7D' }],
    ['p3d', { kind: 'workingDays', days: 3, text: 'P3D' }],
    [' P3D ', { kind: 'workingDays', days: 3, text: 'P3D' }],
    ['P366D', { kind: 'workingDays', days: 366, text: 'P366D' }],
    ['PT30S', { kind: 'exact', ms: 30_000, text: 'PT30S' }],
    ['PT60S', { kind: 'exact', ms: 60_000, text: 'PT60S' }],
    ['PT100S', { kind: 'exact', ms: 100_000, text: 'PT100S' }],
    ['PT0S', { kind: 'exact', ms: 0, text: 'PT0S' }],
    ['PT2H', { kind: 'exact', ms: 7_200_000, text: 'PT2H' }],
    ['PT1H30M', { kind: 'exact', ms: 5_400_000, text: 'PT1H30M' }],
    ['PT1H2M3S', { kind: 'exact', ms: 3_723_000, text: 'PT1H2M3S' }],
    ['PT48H', { kind: 'exact', ms: 172_800_000, text: 'PT48H' }],
  ])('%p → %p', (s, out) => {
    expect(parseDuration(s)).toEqual(out);
    expect(isValidDuration(s)).toBe(true);
  });

  it.each([
    ['P1DT2H', /Không kết hợp ngày/],
    ['P0DT30S', /Không kết hợp ngày/],
    ['P1W', /tuần, tháng hoặc năm/],
    ['P1M', /tuần, tháng hoặc năm/],
    ['P1Y', /tuần, tháng hoặc năm/],
    ['P1Y2M3D', /tuần, tháng hoặc năm/],
    ['P367D', /Tối đa 366 ngày/],
    ['PT9000H', /Tối đa 366 ngày/],
    ['P', /ISO-8601/],
    ['PT', /ISO-8601/],
    ['P1DT', /ISO-8601/],
    ['P-1D', /ISO-8601/],
    ['-P1D', /ISO-8601/],
    ['PT0.5S', /ISO-8601/],
    ['P1.5D', /ISO-8601/],
    ['PT1S2M', /ISO-8601/],
    ['3D', /ISO-8601/],
    ['', /ISO-8601/],
    [30, /ISO-8601/],
    [null, /ISO-8601/],
  ])('rejects %p with INVALID_DURATION', (s, message) => {
    expect(isValidDuration(s)).toBe(false);
    try {
      parseDuration(s);
      throw new Error('expected a DomainError');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('INVALID_DURATION');
      expect((e as DomainError).message).toMatch(message);
    }
  });
});
