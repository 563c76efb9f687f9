import {
  addDays,
  civilDateAt,
  civilParts,
  compareCivil,
  dayOfWeek,
  daysBetween,
  endOfDay,
  formatVnDate,
  instantAt,
  isCivilDate,
  lastDayOfMonth,
  makeCivilDate,
  parseCivilDate,
  parseDueInput,
  VN_OFFSET_MS,
} from './civil-date';
import { errorCodeOf } from '../../test/error-code';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('civil dates', () => {
  it('VN offset is +7 h', () => expect(VN_OFFSET_MS).toBe(25_200_000));

  it.each(['2026-01-01', '2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31'])(
    'accepts %s',
    (s) => {
      expect(isCivilDate(s)).toBe(true);
      expect(parseCivilDate(s)).toBe(s);
    },
  );

  it.each([
    '2026-02-30',
    '2026-02-29',
    '1900-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-1-5',
    '26-01-05',
    '2026-01-05T00:00',
    ' 2026-01-05',
    '',
    '0099-01-01',
  ])('rejects %p', (s) => {
    expect(isCivilDate(s)).toBe(false);
    expect(errorCodeOf(() => parseCivilDate(s))).toBe('INVALID_DATE');
  });

  it('isCivilDate rejects non-strings', () => {
    expect(isCivilDate(20260101)).toBe(false);
    expect(isCivilDate(null)).toBe(false);
  });

  it.each([
    [2026, 1, 5, '2026-01-05'],
    [2026, 12, 31, '2026-12-31'],
    [2024, 2, 29, '2024-02-29'],
  ])('makeCivilDate(%i, %i, %i) = %s', (y, m, d, out) => {
    expect(makeCivilDate(y, m, d)).toBe(out);
    expect(civilParts(out)).toEqual({ year: y, month: m, day: d });
  });

  it.each([
    [2026, 2, 29],
    [2026, 0, 1],
    [2026, 1, 1.5],
  ])('makeCivilDate(%p, %p, %p) throws', (y, m, d) => {
    expect(errorCodeOf(() => makeCivilDate(y, m, d))).toBe('INVALID_DATE');
  });

  it.each([
    [2026, 1, 31],
    [2026, 2, 28],
    [2024, 2, 29],
    [2100, 2, 28],
    [2000, 2, 29],
    [2026, 4, 30],
    [2026, 6, 30],
    [2026, 12, 31],
  ])('lastDayOfMonth(%i, %i) = %i', (y, m, d) => expect(lastDayOfMonth(y, m)).toBe(d));

  it.each([
    ['2026-01-30', 1, '2026-01-31'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-01-20', 0, '2026-01-20'],
    ['2026-01-20', 365, '2027-01-20'],
  ])('addDays(%s, %i) = %s', (d, n, out) => {
    expect(addDays(d, n)).toBe(out);
    expect(daysBetween(d, out)).toBe(n);
  });

  it.each([
    ['2026-01-25', 0],
    ['2026-01-26', 1],
    ['2026-01-20', 2],
    ['2026-01-10', 6],
    ['2026-02-17', 2],
    ['2027-02-06', 6],
    ['1970-01-01', 4],
    ['1969-12-31', 3],
  ])('dayOfWeek(%s) = %i', (d, dow) => expect(dayOfWeek(d)).toBe(dow));

  it.each([
    ['2026-01-01', '2026-01-02', -1],
    ['2026-01-02', '2026-01-01', 1],
    ['2026-12-31', '2027-01-01', -1],
    ['2026-05-05', '2026-05-05', 0],
  ])('compareCivil(%s, %s) = %i', (a, b, c) => expect(compareCivil(a, b)).toBe(c));

  it.each([
    ['2026-01-25T16:59:59.999Z', '2026-01-25'],
    ['2026-01-25T17:00:00.000Z', '2026-01-26'],
    ['2025-12-31T17:00:00.000Z', '2026-01-01'],
    ['2026-01-01T00:00:00.000Z', '2026-01-01'],
    ['1969-12-31T17:00:00.000Z', '1970-01-01'],
  ])('civilDateAt(%s) = %s', (at, d) => expect(civilDateAt(Date.parse(at))).toBe(d));

  it.each([
    ['2026-01-26', 0, 0, '2026-01-25T17:00:00.000Z'],
    ['2026-01-26', 8, 0, '2026-01-26T01:00:00.000Z'],
    ['2026-01-26', 8, 30, '2026-01-26T01:30:00.000Z'],
    ['2026-01-01', 6, 59, '2025-12-31T23:59:00.000Z'],
  ])('instantAt(%s, %i, %i) = %s', (d, h, m, at) => {
    expect(iso(instantAt(d, h, m))).toBe(at);
    expect(civilDateAt(instantAt(d, h, m))).toBe(d);
  });

  it('instantAt defaults to midnight', () =>
    expect(iso(instantAt('2026-02-03'))).toBe('2026-02-02T17:00:00.000Z'));

  it.each([
    ['2026-01-26', '2026-01-26T17:00:00.000Z'],
    ['2026-02-03', '2026-02-03T17:00:00.000Z'],
    ['2026-12-31', '2026-12-31T17:00:00.000Z'],
  ])('endOfDay(%s) = %s (next day 00:00+07:00)', (d, at) => {
    expect(iso(endOfDay(d))).toBe(at);
    expect(civilDateAt(endOfDay(d) - 1)).toBe(d);
  });

  it.each([
    ['2026-01-05', '05/01/2026'],
    ['2026-12-31', '31/12/2026'],
  ])('formatVnDate(%s) = %s', (d, s) => expect(formatVnDate(d)).toBe(s));
});

describe('parseDueInput', () => {
  it.each([
    ['2026-02-03', { kind: 'date', date: '2026-02-03' }],
    [' 2026-02-03 ', { kind: 'date', date: '2026-02-03' }],
    ['2026-02-03T17:00:00+07:00', { kind: 'instant', at: Date.parse('2026-02-03T10:00:00Z') }],
    ['2026-02-03T17:00:00Z', { kind: 'instant', at: Date.parse('2026-02-03T17:00:00Z') }],
    ['2026-02-03t17:00:00z', { kind: 'instant', at: Date.parse('2026-02-03T17:00:00Z') }],
    ['2026-02-03T17:00Z', { kind: 'instant', at: Date.parse('2026-02-03T17:00:00Z') }],
    ['2026-02-03T17:00:00.250Z', { kind: 'instant', at: Date.parse('2026-02-03T17:00:00.250Z') }],
    [
      '2026-02-03T17:00:00.123456+07:00',
      { kind: 'instant', at: Date.parse('2026-02-03T10:00:00.123Z') },
    ],
    ['2026-02-03T08:00:00-05:30', { kind: 'instant', at: Date.parse('2026-02-03T13:30:00Z') }],
    ['2026-02-03T08:00:00+0700', { kind: 'instant', at: Date.parse('2026-02-03T01:00:00Z') }],
  ])('%p → %p', (s, out) => expect(parseDueInput(s)).toEqual(out));

  it.each([
    '2026-02-30',
    '2026-02-03T17:00:00',
    '2026-02-03 17:00:00+07:00',
    '2026-02-03T24:00:00Z',
    '2026-02-30T10:00:00Z',
    '2026-02-03T10:60:00Z',
    '2026-02-03T10:00:00+25:00',
    '03/02/2026',
    'tomorrow',
    '',
    123,
    null,
    undefined,
  ])('rejects %p with INVALID_DUE', (s) =>
    expect(errorCodeOf(() => parseDueInput(s))).toBe('INVALID_DUE'),
  );

  it('error message is Vietnamese', () => {
    expect(() => parseDueInput('x')).toThrow(/Hạn xử lý không hợp lệ/);
  });
});
