import { vnPublicSectorCalendar as calendar } from '../calendar/working-calendar';
import { DomainError } from '../errors';
import { endOfDay } from '../time/civil-date';
import {
  DEFAULT_POLICY,
  nextWeeklyOverdueReminder,
  planSchedule,
  resolveDue,
  resolveNewDue,
  resolvePolicy,
  validatePolicy,
  weeklyReminderOf,
  type ReminderPolicy,
  type ScheduleStep,
} from './schedule';

const ms = (iso: string): number => Date.parse(iso);

/** Compact view: `key@ISO (+merged)`. */
function view(steps: ScheduleStep[]): string[] {
  return steps.map(
    (s) =>
      `${s.key}@${new Date(s.at).toISOString()}${s.mergedKeys ? ` +${s.mergedKeys.join('+')}` : ''}${s.level ? ` L${s.level}` : ''}`,
  );
}

function planForDate(date: string, policy: ReminderPolicy = DEFAULT_POLICY): string[] {
  const due = resolveDue(date, calendar);
  return view(planSchedule({ dueAt: due.dueAt, dueDate: due.dueDate, policy, calendar }));
}

describe('resolveDue', () => {
  it.each([
    ['2026-01-30', '2026-01-30T17:00:00.000Z', '2026-01-30', false],
    ['2026-01-25', '2026-01-26T17:00:00.000Z', '2026-01-26', true], // Sunday → end of Monday
    ['2026-02-14', '2026-02-23T17:00:00.000Z', '2026-02-23', true], // Tết (corpus E2)
    ['2026-01-10', '2026-01-10T17:00:00.000Z', '2026-01-10', false], // make-up Saturday
  ])('date %s → legal due instant %s', (date, at, legal, moved) => {
    expect(resolveDue(date, calendar)).toEqual({
      dueAt: ms(at),
      dueDate: date,
      legalDueDate: legal,
      movedToWorkingDay: moved,
    });
  });

  it.each([
    ['2026-03-10T10:00:00+07:00', '2026-03-10T03:00:00.000Z', '2026-03-10'],
    ['2026-01-25T10:00:00+07:00', '2026-01-25T03:00:00.000Z', '2026-01-25'], // an exact instant is not moved
    ['2026-03-11T00:00:00+07:00', '2026-03-10T17:00:00.000Z', '2026-03-10'], // midnight ends the previous day
  ])('instant %s is exact', (s, at, legal) => {
    expect(resolveDue(s, calendar)).toEqual({
      dueAt: ms(at),
      legalDueDate: legal,
      movedToWorkingDay: false,
    });
  });

  it('accepts a parsed DueInput', () => {
    expect(resolveDue({ kind: 'date', date: '2026-02-03' }, calendar).dueAt).toBe(
      endOfDay('2026-02-03'),
    );
  });

  it('rejects an invalid due with INVALID_DUE', () => {
    expect(() => resolveDue('2026-02-03T10:00', calendar)).toThrow(
      expect.objectContaining({ code: 'INVALID_DUE' }) as Error,
    );
  });
});

describe('resolveNewDue', () => {
  it('reads a deadline written in the years 2000 to 2099 as resolveDue does', () => {
    for (const due of ['2000-01-01', '2099-12-31', '2026-02-03T10:00:00+07:00']) {
      expect(resolveNewDue(due, calendar)).toEqual(resolveDue(due, calendar));
    }
  });

  it('says first that a deadline it cannot read is unreadable', () => {
    expect(() => resolveNewDue('31/12/2026', calendar)).toThrow(/không hợp lệ: "31\/12\/2026"/);
  });

  it('refuses a deadline written in another year with INVALID_DUE and says which years', () => {
    for (const due of ['1999-12-31', '2100-01-01', '9999-12-31', '2100-01-04T08:00:00+07:00']) {
      expect(() => resolveNewDue(due, calendar)).toThrow(
        expect.objectContaining({ code: 'INVALID_DUE' }) as Error,
      );
      expect(() => resolveNewDue(due, calendar)).toThrow(/từ 2000 đến 2099/);
    }
  });
});

describe('resolvePolicy', () => {
  it('fills missing lists from the default', () => {
    expect(resolvePolicy(undefined)).toEqual({
      remindBefore: ['P7D', 'P3D', 'P1D', 'P0D'],
      escalateAfter: ['P1D', 'P3D'],
    });
    expect(resolvePolicy({ remindBefore: ['PT30S'] })).toEqual({
      remindBefore: ['PT30S'],
      escalateAfter: ['P1D', 'P3D'],
    });
    expect(resolvePolicy({ remindBefore: [], escalateAfter: [] })).toEqual({
      remindBefore: [],
      escalateAfter: [],
    });
  });

  it('rejects an invalid entry with INVALID_DURATION', () => {
    expect(() => resolvePolicy({ escalateAfter: ['P1DT2H'] })).toThrow(DomainError);
    expect(() => resolvePolicy({ escalateAfter: ['P1W'] })).toThrow(
      expect.objectContaining({ code: 'INVALID_DURATION' }) as Error,
    );
  });

  it('returns copies, never the frozen default', () => {
    const p = resolvePolicy();
    p.remindBefore.push('PT30S');
    expect(DEFAULT_POLICY.remindBefore).toEqual(['P7D', 'P3D', 'P1D', 'P0D']);
  });
});

describe('planSchedule with the default policy (dates)', () => {
  it.each([
    [
      'a clean working day (Tue 24/02/2026, just after Tết)',
      '2026-02-24',
      [
        'remind:P7D@2026-02-06T01:00:00.000Z',
        'remind:P3D@2026-02-12T01:00:00.000Z', // 23/02, 13/02, 12/02: Tết 14–22/02 does not count
        'remind:P1D@2026-02-23T01:00:00.000Z',
        'remind:P0D@2026-02-24T01:00:00.000Z',
        'overdue@2026-02-24T17:00:00.000Z',
        'escalate:1:P1D@2026-02-25T01:00:00.000Z L1',
        'escalate:2:P3D@2026-02-27T01:00:00.000Z L2',
      ],
    ],
    [
      'a Sunday deadline (25/01/2026): legal due end of Mon 26/01, reminders before Sunday',
      '2026-01-25',
      [
        'remind:P7D@2026-01-15T01:00:00.000Z',
        'remind:P3D@2026-01-21T01:00:00.000Z',
        'remind:P1D@2026-01-23T01:00:00.000Z +remind:P0D', // P1D and P0D both Fri 23/01 08:00: one mail
        'overdue@2026-01-26T17:00:00.000Z',
        'escalate:1:P1D@2026-01-27T01:00:00.000Z L1',
        'escalate:2:P3D@2026-01-29T01:00:00.000Z L2',
      ],
    ],
    [
      'a deadline inside Tết (Sat 14/02/2026, corpus E2): reminders before the break, overdue after it',
      '2026-02-14',
      [
        'remind:P7D@2026-02-05T01:00:00.000Z',
        'remind:P3D@2026-02-11T01:00:00.000Z',
        'remind:P1D@2026-02-13T01:00:00.000Z +remind:P0D',
        'overdue@2026-02-23T17:00:00.000Z',
        'escalate:1:P1D@2026-02-24T01:00:00.000Z L1',
        'escalate:2:P3D@2026-02-26T01:00:00.000Z L2',
      ],
    ],
    [
      'around the make-up Saturday 10/01/2026 (due Tue 13/01)',
      '2026-01-13',
      [
        'remind:P7D@2026-01-05T01:00:00.000Z',
        'remind:P3D@2026-01-09T01:00:00.000Z',
        'remind:P1D@2026-01-12T01:00:00.000Z',
        'remind:P0D@2026-01-13T01:00:00.000Z',
        'overdue@2026-01-13T17:00:00.000Z',
        'escalate:1:P1D@2026-01-14T01:00:00.000Z L1',
        'escalate:2:P3D@2026-01-16T01:00:00.000Z L2',
      ],
    ],
    [
      'across National Day (due Mon 07/09/2026, corpus E7)',
      '2026-09-07',
      [
        'remind:P7D@2026-08-24T01:00:00.000Z',
        'remind:P3D@2026-08-28T01:00:00.000Z',
        'remind:P1D@2026-09-04T01:00:00.000Z',
        'remind:P0D@2026-09-07T01:00:00.000Z',
        'overdue@2026-09-07T17:00:00.000Z',
        'escalate:1:P1D@2026-09-08T01:00:00.000Z L1',
        'escalate:2:P3D@2026-09-10T01:00:00.000Z L2',
      ],
    ],
    [
      'a deadline on the last working day before Tết (Fri 13/02/2026): escalations after the break',
      '2026-02-13',
      [
        'remind:P7D@2026-02-04T01:00:00.000Z',
        'remind:P3D@2026-02-10T01:00:00.000Z',
        'remind:P1D@2026-02-12T01:00:00.000Z',
        'remind:P0D@2026-02-13T01:00:00.000Z',
        'overdue@2026-02-13T17:00:00.000Z',
        'escalate:1:P1D@2026-02-23T01:00:00.000Z L1',
        'escalate:2:P3D@2026-02-25T01:00:00.000Z L2',
      ],
    ],
    [
      'a New Year deadline (Thu 01/01/2026, off until Sun 04/01), counting back into 2025',
      '2026-01-01',
      [
        'remind:P7D@2025-12-23T01:00:00.000Z', // 2025 has no holiday data: weekends only
        'remind:P3D@2025-12-29T01:00:00.000Z',
        'remind:P1D@2025-12-31T01:00:00.000Z +remind:P0D',
        'overdue@2026-01-05T17:00:00.000Z',
        'escalate:1:P1D@2026-01-06T01:00:00.000Z L1',
        'escalate:2:P3D@2026-01-08T01:00:00.000Z L2',
      ],
    ],
  ])('%s', (_label, date, expected) => expect(planForDate(date)).toEqual(expected));
});

describe('planSchedule with exact offsets (tests and demos)', () => {
  const dueAt = ms('2026-03-10T10:00:00+07:00');

  it('PT100S/PT60S/PT30S before, PT30S/PT60S after, all exact', () => {
    expect(
      view(
        planSchedule({
          dueAt,
          policy: { remindBefore: ['PT100S', 'PT60S', 'PT30S'], escalateAfter: ['PT30S', 'PT60S'] },
          calendar,
        }),
      ),
    ).toEqual([
      'remind:PT100S@2026-03-10T02:58:20.000Z',
      'remind:PT60S@2026-03-10T02:59:00.000Z',
      'remind:PT30S@2026-03-10T02:59:30.000Z',
      'overdue@2026-03-10T03:00:00.000Z',
      'escalate:1:PT30S@2026-03-10T03:00:30.000Z L1',
      'escalate:2:PT60S@2026-03-10T03:01:00.000Z L2',
    ]);
  });

  it('exact offsets ignore the calendar (a Sunday instant stays a Sunday instant)', () => {
    const sunday = ms('2026-01-25T10:00:00+07:00');
    expect(
      view(
        planSchedule({
          dueAt: sunday,
          policy: { remindBefore: ['PT2H'], escalateAfter: ['PT2H'] },
          calendar,
        }),
      ),
    ).toEqual([
      'remind:PT2H@2026-01-25T01:00:00.000Z',
      'overdue@2026-01-25T03:00:00.000Z',
      'escalate:1:PT2H@2026-01-25T05:00:00.000Z L1',
    ]);
  });

  it('exact offsets from a date due count from the legal due instant', () => {
    const due = resolveDue('2026-01-25', calendar);
    expect(
      view(
        planSchedule({
          ...due,
          policy: { remindBefore: ['PT30S'], escalateAfter: ['PT30S'] },
          calendar,
        }),
      ),
    ).toEqual([
      'remind:PT30S@2026-01-26T16:59:30.000Z',
      'overdue@2026-01-26T17:00:00.000Z',
      'escalate:1:PT30S@2026-01-26T17:00:30.000Z L1',
    ]);
  });

  it('whole-day offsets with an exact due count from the date of the instant', () => {
    expect(view(planSchedule({ dueAt, policy: DEFAULT_POLICY, calendar }))).toEqual([
      'remind:P7D@2026-02-27T01:00:00.000Z',
      'remind:P3D@2026-03-05T01:00:00.000Z',
      'remind:P1D@2026-03-09T01:00:00.000Z',
      'remind:P0D@2026-03-10T01:00:00.000Z',
      'overdue@2026-03-10T03:00:00.000Z',
      'escalate:1:P1D@2026-03-11T01:00:00.000Z L1',
      'escalate:2:P3D@2026-03-13T01:00:00.000Z L2',
    ]);
  });

  it('drops reminders at or after the due instant (P0D for a 07:00 due, PT0S)', () => {
    const early = ms('2026-03-10T07:00:00+07:00');
    expect(
      view(
        planSchedule({
          dueAt: early,
          policy: { remindBefore: ['P1D', 'P0D', 'PT0S'], escalateAfter: [] },
          calendar,
        }),
      ),
    ).toEqual(['remind:P1D@2026-03-09T01:00:00.000Z', 'overdue@2026-03-10T00:00:00.000Z']);
  });

  it('an instant at 00:00 local belongs to the previous day', () => {
    const midnight = ms('2026-03-11T00:00:00+07:00');
    expect(
      view(
        planSchedule({
          dueAt: midnight,
          policy: { remindBefore: ['P0D'], escalateAfter: ['P1D'] },
          calendar,
        }),
      ),
    ).toEqual([
      'remind:P0D@2026-03-10T01:00:00.000Z',
      'overdue@2026-03-10T17:00:00.000Z',
      'escalate:1:P1D@2026-03-11T01:00:00.000Z L1',
    ]);
  });
});

describe('planSchedule policy edge cases', () => {
  it('merges reminders landing on the same instant, whatever their spelling', () => {
    expect(
      view(
        planSchedule({
          dueAt: ms('2026-03-10T10:00:00+07:00'),
          policy: { remindBefore: ['PT60S', 'PT1M', 'pt60s'], escalateAfter: [] },
          calendar,
        }),
      ),
    ).toEqual([
      'remind:PT60S@2026-03-10T02:59:00.000Z +remind:PT1M',
      'overdue@2026-03-10T03:00:00.000Z',
    ]);
  });

  it('levels follow time order when the policy is not ascending', () => {
    expect(
      planForDate('2026-02-24', { remindBefore: [], escalateAfter: ['P3D', 'PT1H', 'P1D'] }),
    ).toEqual([
      'overdue@2026-02-24T17:00:00.000Z',
      'escalate:1:PT1H@2026-02-24T18:00:00.000Z L1',
      'escalate:2:P1D@2026-02-25T01:00:00.000Z L2',
      'escalate:3:P3D@2026-02-27T01:00:00.000Z L3',
    ]);
  });

  it('P0D escalation fires with the overdue mark, never before it', () => {
    expect(planForDate('2026-02-24', { remindBefore: [], escalateAfter: ['P0D'] })).toEqual([
      'overdue@2026-02-24T17:00:00.000Z',
      'escalate:1:P0D@2026-02-24T17:00:00.000Z L1',
    ]);
  });

  it('an empty policy leaves only the overdue mark', () => {
    expect(planForDate('2026-02-24', { remindBefore: [], escalateAfter: [] })).toEqual([
      'overdue@2026-02-24T17:00:00.000Z',
    ]);
  });

  it('a long reminder crosses Tết and New Year', () => {
    expect(planForDate('2026-03-02', { remindBefore: ['P30D'], escalateAfter: [] })).toEqual([
      'remind:P30D@2026-01-12T01:00:00.000Z',
      'overdue@2026-03-02T17:00:00.000Z',
    ]);
  });

  it('rejects invalid durations', () => {
    expect(() =>
      planForDate('2026-02-24', { remindBefore: ['P1DT2H'], escalateAfter: [] }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_DURATION' }) as Error);
    expect(() => planForDate('2026-02-24', { remindBefore: [], escalateAfter: ['P1W'] })).toThrow(
      expect.objectContaining({ code: 'INVALID_DURATION' }) as Error,
    );
  });

  it('rejects a non-finite due instant', () => {
    expect(() => planSchedule({ dueAt: Number.NaN, policy: DEFAULT_POLICY, calendar })).toThrow(
      expect.objectContaining({ code: 'INVALID_DUE' }) as Error,
    );
  });

  it('is deterministic and keys are unique', () => {
    for (const date of ['2026-01-25', '2026-02-14', '2026-09-07', '2027-02-06']) {
      const a = planForDate(date);
      expect(planForDate(date)).toEqual(a);
      const keys = a.map((s) => s.split('@')[0]);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
});

describe('nextWeeklyOverdueReminder', () => {
  it.each([
    ['2026-01-26T17:00:00Z', 'weekly:2026-02-03', '2026-02-03T01:00:00.000Z'], // overdue at end of Mon 26/01 → Tue 03/02
    ['2026-02-06T01:00:00Z', 'weekly:2026-02-13', '2026-02-13T01:00:00.000Z'],
    ['2026-02-09T01:00:00Z', 'weekly:2026-02-23', '2026-02-23T01:00:00.000Z'], // 16/02 is Tết
    ['2026-01-03T05:00:00Z', 'weekly:2026-01-10', '2026-01-10T01:00:00.000Z'], // make-up Saturday
    ['2026-08-24T01:00:00Z', 'weekly:2026-09-03', '2026-09-03T01:00:00.000Z'], // 31/08 swapped off
    ['2026-03-06T16:59:59Z', 'weekly:2026-03-13', '2026-03-13T01:00:00.000Z'], // 23:59 local Fri 06/03
    ['2026-03-06T17:00:00Z', 'weekly:2026-03-16', '2026-03-16T01:00:00.000Z'], // 00:00 local Sat 07/03
  ])('after %s → %s', (after, key, at) => {
    const step = nextWeeklyOverdueReminder(ms(after), calendar);
    expect(step).toEqual({ key, kind: 'weekly', at: ms(at) });
    expect(step.at).toBeGreaterThan(ms(after));
    expect(weeklyReminderOf(key)).toEqual(step);
  });

  it.each(['weekly:2026-02-30', 'weekly:', 'remind:P3D', 'overdue', 'weekly:2026-3-1'])(
    'names no weekly reminder in %p',
    (key) => expect(weeklyReminderOf(key)).toBeNull(),
  );
});

describe('validatePolicy', () => {
  it.each([
    [{ remindBefore: 'P3D', escalateAfter: [] }],
    [{ remindBefore: [], escalateAfter: null }],
    [{ remindBefore: [3], escalateAfter: [] }],
  ])('rejects %p with INVALID_DURATION', (policy) => {
    expect(() => validatePolicy(policy as unknown as ReminderPolicy)).toThrow(
      expect.objectContaining({ code: 'INVALID_DURATION' }) as Error,
    );
  });

  it('accepts the default policy', () =>
    expect(() => validatePolicy(DEFAULT_POLICY)).not.toThrow());
});
