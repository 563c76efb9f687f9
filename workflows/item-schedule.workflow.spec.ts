/**
 * The item workflow's schedule on the time-skipping server: weeks of reminders in milliseconds. Activities
 * are in-memory fakes (the real ones have their own integration tests); instants are asserted
 * against the domain planner's, in workflow time (the `nowMs` each mail carries).
 *
 * The server's clock starts at the real "now" and only moves forward, so whole-day scenarios pick
 * their dates from the calendar ahead of now (the next holiday break, the next Sunday). The same
 * rules on fixed 2026 dates (Tết 2026, Sunday 25/01/2026) are in item-state.spec.ts.
 *
 * Real time: between two `env.sleep` calls the server clock runs in real time, so whatever a test
 * does there (updates, polling) must fit before the next step; tests leave at least minutes of
 * server time for it, never seconds.
 */
import { itemStateQuery, itemWorkflowId, reportProgressUpdate } from '../libs/contracts/src';
import {
  addDays,
  civilDateAt,
  daysBetween,
  dayOfWeek,
  endOfDay,
  instantAt,
  nextWeeklyOverdueReminder,
  vnPublicSectorCalendar as calendar,
} from '../libs/domain/src';
import {
  DEFAULT_TEST_POLICY,
  eventually,
  itemInput,
  STC,
  STC_USER,
  SUB_DAY_POLICY,
  SXD,
} from './test/harness';
import {
  DAY,
  dueOn,
  expectAt,
  HOUR,
  localDate,
  nextHolidayBreak,
  planOf,
  SLACK,
  useItemWorkflowSuite,
} from './test/item-workflow-suite';

const suite = useItemWorkflowSuite();
const { fakes, start, sleepUntil, dueIn, finish, steps, types } = suite;
/** Found from the real clock: its test runs first, before any other test moves server time on
 * (the others add up to months of server time). */
const HOLIDAY_BREAK = nextHolidayBreak(21);

describe('item workflow: schedule', () => {
  (HOLIDAY_BREAK ? it : it.skip)(
    `default policy across a holiday break (${HOLIDAY_BREAK ? `${HOLIDAY_BREAK.first}…${HOLIDAY_BREAK.last}` : 'none in the calendar data'}): no mail on a day off, days off not counted`,
    async () => {
      if (!HOLIDAY_BREAK) return;
      const { first, last: lastOff } = HOLIDAY_BREAK;
      const t0 = await suite.env.currentTimeMs();
      // Server time has not moved yet (first test): the whole schedule is ahead.
      // Due two working days after the break: P3D and P7D count back across it.
      const due = dueOn(calendar.addWorkingDays(lastOff, 2));
      const plan = planOf(due, DEFAULT_TEST_POLICY);
      expect(plan.every((s) => s.at > t0)).toBe(true);
      const input = itemInput(due, { policy: DEFAULT_TEST_POLICY });
      const wf = itemWorkflowId(input.itemId);
      const handle = await start(input);
      const finalStep = plan[plan.length - 1];
      if (!finalStep) throw new Error('empty plan');
      const weekly = nextWeeklyOverdueReminder(finalStep.at, calendar);
      await sleepUntil(weekly.at + 60_000);

      const mails = await eventually(() => {
        const m = fakes.mailsAfterAssignment(wf);
        expect(m).toHaveLength(plan.length + 1);
        return m;
      });
      plan.forEach((step, i) => expectAt(mails[i], step.key, step.at));
      expectAt(mails[plan.length], weekly.key, weekly.at);
      // Never on a day off, never inside the break; whole-day steps at 08:00 local.
      for (const m of mails.filter((x) => x.kind !== 'overdue')) {
        expect(calendar.isWorkingDay(localDate(m))).toBe(true);
        expect(localDate(m) < first || localDate(m) > lastOff).toBe(true);
        expect(m.nowMs - instantAt(localDate(m), 8)).toBeLessThan(SLACK);
      }
      // PnD reminders: exactly n working days before the due date, across the break.
      for (const [key, n] of [
        ['remind:P7D', 7],
        ['remind:P3D', 3],
        ['remind:P1D', 1],
        ['remind:P0D', 0],
      ] as const) {
        const m = mails.find((x) => x.step === key);
        expect(calendar.workingDaysBetween(localDate(m), due.date ?? '')).toBe(n);
      }
      const p3d = localDate(mails.find((x) => x.step === 'remind:P3D'));
      expect(p3d < first).toBe(true);
      expect(daysBetween(p3d, due.date ?? '')).toBeGreaterThan(3 + daysBetween(first, lastOff));
      // Escalations n working days after the legal due date.
      expect(
        calendar.workingDaysBetween(
          due.date ?? '',
          localDate(mails.find((x) => x.step === 'escalate:1:P1D')),
        ),
      ).toBe(1);
      expect(
        calendar.workingDaysBetween(
          due.date ?? '',
          localDate(mails.find((x) => x.step === 'escalate:2:P3D')),
        ),
      ).toBe(3);
      await finish(handle);
    },
  );

  it('default policy over weeks: reminders, overdue at the legal due, escalations, then weekly', async () => {
    const t0 = await suite.env.currentTimeMs();
    // A mid-week working day about three weeks ahead, due at 24:00 of that day (+07).
    let date = civilDateAt(t0 + 21 * DAY);
    while (![2, 3, 4].includes(dayOfWeek(date)) || !calendar.isWorkingDay(date)) {
      date = addDays(date, 1);
    }
    const due = dueOn(date);
    expect(due.at).toBe(endOfDay(date));
    const input = itemInput(due, { policy: DEFAULT_TEST_POLICY });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    const plan = planOf(due, DEFAULT_TEST_POLICY).filter((s) => s.at >= t0);
    const last = plan[plan.length - 1];
    if (!last) throw new Error('empty plan');
    const weekly1 = nextWeeklyOverdueReminder(last.at, calendar);
    const weekly2 = nextWeeklyOverdueReminder(weekly1.at, calendar);
    await sleepUntil(weekly2.at + 60_000);

    const mails = await eventually(() => {
      const m = fakes.mailsAfterAssignment(wf);
      expect(m.length).toBe(plan.length + 2);
      return m;
    });
    plan.forEach((step, i) => {
      expectAt(mails[i], step.key, step.at);
      expect(mails[i]?.deadlineVersion).toBe(1);
    });
    expect(plan.map((s) => s.key)).toEqual(
      expect.arrayContaining([
        'remind:P3D',
        'remind:P1D',
        'remind:P0D',
        'overdue',
        'escalate:1:P1D',
        'escalate:2:P3D',
      ]),
    );
    // Reminders at 08:00 Asia/Ho_Chi_Minh (01:00Z).
    for (const m of mails.filter((x) => x.kind === 'reminder')) {
      expect(new Date(m.nowMs).getUTCHours()).toBe(1);
    }
    const overdue = mails.find((m) => m.kind === 'overdue');
    expect(overdue?.nowMs).toBeGreaterThanOrEqual(due.at);
    expect(overdue?.recipients).toEqual(['stc@dondoc.local']);
    const escalations = mails.filter((m) => m.kind === 'escalation');
    expect(escalations.map((m) => m.level)).toEqual([1, 2]);
    expect(escalations[0]?.recipients).toEqual([
      'stc-head@dondoc.local',
      'secretariat@dondoc.local',
      'stc@dondoc.local',
    ]);
    expect(escalations[1]?.recipients).toEqual(['head@dondoc.local']);
    const weekly = mails.filter((m) => m.kind === 'weekly_overdue');
    expectAt(weekly[0], weekly1.key, weekly1.at);
    expectAt(weekly[1], weekly2.key, weekly2.at);
    expect(weekly1.key).toBe(`weekly:${civilDateAt(weekly1.at)}`);

    expect(types(wf)).toEqual([
      'created',
      ...plan.map((s) =>
        s.kind === 'reminder' ? 'reminder_sent' : s.kind === 'overdue' ? 'overdue' : 'escalated',
      ),
      'reminder_sent',
      'reminder_sent',
    ]);
    const view = await handle.query(itemStateQuery);
    expect(view).toMatchObject({
      status: 'overdue',
      escalationLevel: 2,
      deadlineVersion: 1,
      seq: plan.length + 3,
    });
    expect(fakes.projections.get(wf)).toMatchObject({
      status: 'overdue',
      version: plan.length + 3,
      escalationLevel: 2,
    });
    expect(fakes.eventsOf(wf).map((e) => e.seq)).toEqual(fakes.eventsOf(wf).map((_, i) => i + 1));
    await finish(handle);
  });

  it('a Sunday deadline: reminders P1D+P0D merged on Friday, overdue only at the end of Monday', async () => {
    // The next ordinary weekend (Friday and Monday working days) whose whole schedule is ahead.
    const t0 = await suite.env.currentTimeMs();
    let sunday = civilDateAt(t0 + 7 * DAY);
    while (
      dayOfWeek(sunday) !== 0 ||
      calendar.isWorkingDay(sunday) ||
      !calendar.isWorkingDay(addDays(sunday, -2)) ||
      !calendar.isWorkingDay(addDays(sunday, 1)) ||
      planOf(dueOn(sunday), DEFAULT_TEST_POLICY).some((s) => s.at <= t0 + HOUR)
    ) {
      sunday = addDays(sunday, 1);
    }
    const friday = addDays(sunday, -2);
    const monday = addDays(sunday, 1);
    const due = dueOn(sunday);
    // BLDS art. 148(5): a period ending on a day off ends at the end of the next working day.
    expect(due.at).toBe(endOfDay(monday));
    const input = itemInput(due, { policy: DEFAULT_TEST_POLICY });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    const plan = planOf(due, DEFAULT_TEST_POLICY);

    // End of the literal Sunday, and Monday morning: still open, nothing new.
    await sleepUntil(instantAt(monday, 9));
    const monday9 = await handle.query(itemStateQuery);
    expect(monday9.status).toBe('open');
    expect(monday9.doneSteps).toEqual(['remind:P7D', 'remind:P3D', 'remind:P1D', 'remind:P0D']);
    expect(steps(wf)).toEqual(['assigned@1', 'remind:P7D@1', 'remind:P3D@1', 'remind:P1D@1']);

    await sleepUntil(plan[plan.length - 1]!.at + 60_000);
    const mails = await eventually(() => {
      const m = fakes.mailsAfterAssignment(wf);
      expect(m.map((x) => x.step)).toEqual(plan.map((s) => s.key));
      return m;
    });
    plan.forEach((step, i) => expectAt(mails[i], step.key, step.at));
    // One mail on Friday for both P1D and P0D, none on Monday.
    const merged = mails.filter((m) => localDate(m) === friday);
    expect(merged.map((m) => m.step)).toEqual(['remind:P1D']);
    expect(mails.filter((m) => m.kind === 'reminder' && localDate(m) === monday)).toEqual([]);
    expect(fakes.eventsOf(wf).find((e) => e.detail?.step === 'remind:P1D')?.detail).toMatchObject({
      mergedSteps: ['remind:P0D'],
    });
    expectAt(
      mails.find((m) => m.kind === 'overdue'),
      'overdue',
      endOfDay(monday),
    );
    expect(localDate(mails.find((m) => m.step === 'escalate:1:P1D'))).toBe(
      calendar.addWorkingDays(monday, 1),
    );
    expect(localDate(mails.find((m) => m.step === 'escalate:2:P3D'))).toBe(
      calendar.addWorkingDays(monday, 3),
    );
    expect(types(wf)).toEqual([
      'created',
      'reminder_sent',
      'reminder_sent',
      'reminder_sent',
      'overdue',
      'escalated',
      'escalated',
    ]);
    await finish(handle);
  });

  it('sub-day policy PT100S/PT60S/PT30S: exact instants', async () => {
    const due = await dueIn(200);
    const input = itemInput(due, { policy: SUB_DAY_POLICY });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await sleepUntil(due.at + 90_000);
    const expected = [
      ['remind:PT100S', due.at - 100_000],
      ['remind:PT60S', due.at - 60_000],
      ['remind:PT30S', due.at - 30_000],
      ['overdue', due.at],
      ['escalate:1:PT30S', due.at + 30_000],
      ['escalate:2:PT60S', due.at + 60_000],
    ] as const;
    const mails = await eventually(() => {
      const m = fakes.mailsAfterAssignment(wf);
      expect(m).toHaveLength(expected.length);
      return m;
    });
    expected.forEach(([key, at], i) => expectAt(mails[i], key, at));
    expect((await handle.query(itemStateQuery)).status).toBe('overdue');
    await finish(handle);
  });

  it('steps already past at creation are skipped; the overdue mark and the escalations owed apply at once', async () => {
    const due = await dueIn(-100);
    const input = itemInput(due, { policy: SUB_DAY_POLICY });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await sleepUntil(due.at + 120_000);
    // The assignment and the overdue mark go out at once, apart from each other (ADR 0024); the
    // escalations already past run at once (patch late-escalation), the level the last one passes
    // over with it: the agency's head hears too, not the committee head alone (patch
    // escalation-catch-up).
    await eventually(() =>
      expect([...steps(wf)].sort()).toEqual([
        'assigned@1',
        'escalate:1:PT30S@1',
        'escalate:2:PT60S@1',
        'overdue@1',
      ]),
    );
    // Sent apart from each other (ADR 0018): in either order.
    const escalations = fakes
      .mailsOf(wf)
      .filter((m) => m.kind === 'escalation')
      .sort((a, b) => (a.level ?? 0) - (b.level ?? 0));
    expect(escalations.map((m) => [m.level, m.recipients])).toEqual([
      [1, [STC.headEmail, 'secretariat@dondoc.local', STC.contactEmail]],
      [2, ['head@dondoc.local']],
    ]);
    const view = await handle.query(itemStateQuery);
    expect(view).toMatchObject({ status: 'overdue', escalationLevel: 2 });
    expect(view.doneSteps).toEqual(
      expect.arrayContaining(['remind:PT100S', 'escalate:1:PT30S', 'escalate:2:PT60S', 'overdue']),
    );
    expect(types(wf)).toEqual(['created', 'overdue', 'escalated', 'escalated']);
    await finish(handle);
  });

  it('an item entered overdue is announced before it is said overdue (patch assignment-first)', async () => {
    const due = await dueIn(-100);
    const input = itemInput(due, { policy: { remindBefore: [], escalateAfter: [] } });
    const wf = itemWorkflowId(input.itemId);
    // The assignment mail is slow to go (its server refuses it for a minute); the overdue
    // notice, due at once, waits for it.
    fakes.failMailKinds = new Set(['assigned']);
    fakes.failMailUntil = (await suite.env.currentTimeMs()) + 60_000;
    try {
      const handle = await start(input);
      await sleepUntil(due.at + 300_000);
      await eventually(() => expect(steps(wf)).toEqual(['assigned@1', 'overdue@1']));
      const [assignedAt, overdueAt] = fakes.mailAttemptAt.get(wf) ?? [];
      expect(overdueAt).toBeGreaterThanOrEqual(assignedAt ?? Infinity);
      await finish(handle);
    } finally {
      fakes.failMailKinds = null;
      fakes.failMailUntil = null;
    }
  });

  it('an item without a deadline sends only its assignment and still answers; 30 days pass in well under a second', async () => {
    const input = itemInput(null);
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await eventually(() => expect(types(wf)).toEqual(['created']));
    const t0 = await suite.env.currentTimeMs();
    const startedAt = performance.now();
    await suite.env.sleep(30 * DAY);
    const realMs = performance.now() - startedAt;
    expect(await suite.env.currentTimeMs()).toBeGreaterThanOrEqual(t0 + 30 * DAY);
    expect(realMs).toBeLessThan(1000);
    const view = await handle.executeUpdate(reportProgressUpdate, {
      args: [{ actor: STC_USER, note: 'Đang làm', percent: 10 }],
    });
    expect(view).toMatchObject({ status: 'open', progressPercent: 10, due: null });
    // Announced once, saying it has no deadline (ADR 0024); no reminder ever.
    expect(steps(wf)).toEqual(['assigned@1']);
    expect(fakes.mailsOf(wf)[0]).toMatchObject({ kind: 'assigned', due: null });
    await finish(handle);
  });

  it('a permanent mail failure is recorded and the item carries on', async () => {
    fakes.bounce.add('bounce@dondoc.local');
    const due = await dueIn(120);
    const input = itemInput(due, {
      policy: { remindBefore: ['PT60S'], escalateAfter: [] },
      lead: { ...SXD, contactEmail: 'bounce@dondoc.local' },
    });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await sleepUntil(due.at + 10_000);
    // Each rejected mail is reported to the secretariat (ADR 0018).
    await eventually(() =>
      expect(steps(wf)).toEqual([
        'assigned@1',
        'undelivered:assigned@1',
        'remind:PT60S@1',
        'undelivered:remind:PT60S@1',
        'overdue@1',
        'undelivered:overdue@1',
      ]),
    );
    await eventually(() =>
      expect(fakes.eventsOf(wf).find((e) => e.type === 'reminder_sent')?.detail).toMatchObject({
        mailDelivery: 'failed',
        failedRecipients: ['bounce@dondoc.local'],
      }),
    );
    // The assignment bounced too: its 'created' event says so.
    expect(fakes.eventsOf(wf)[0]?.detail).toMatchObject({
      recipients: ['bounce@dondoc.local'],
      mailDelivery: 'failed',
      failedRecipients: ['bounce@dondoc.local'],
    });
    expect((await handle.query(itemStateQuery)).status).toBe('overdue');
    await finish(handle);
  });
});
