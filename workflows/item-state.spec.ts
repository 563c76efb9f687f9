/**
 * The workflow's decisions on fixed 2026 dates, without Temporal: the timer loop of
 * item.workflow.ts replayed on a simulated clock (nextStep → performStep at the step's instant,
 * commands at theirs). The time-skipping server cannot go back to 2026 (its clock starts at the
 * real now), so these pin the calendar cases the brief names: Tết 2026 and Sunday 25/01/2026.
 */
import type { ItemWorkflowInput } from '../libs/contracts/src';
import { endOfDay } from '../libs/domain/src';
import {
  accept,
  changeDeadline,
  decideExtension,
  isRejection,
  requestExtension,
  returnSubmission,
  submit,
} from './item-commands';
import { nextStep, performStep } from './item-schedule';
import { initialState, nextPeriod } from './item-state';
import type { ItemState, MailCommand, Transition } from './item-transition';
import { DEFAULT_TEST_POLICY, itemInput, SECRETARIAT, STC_USER, SXD } from './test/harness';
import { dueOn, vn, type Command } from './test/simulated-time';

const iso = (ms: number): string => new Date(ms).toISOString().replace(':00.000Z', 'Z');

/** Runs the loop from `from` to `until`: '<step>@<version> <instant>' per mail, and the state. */
function simulate(
  input: ItemWorkflowInput,
  from: number,
  until: number,
  commands: Command[] = [],
): { mails: string[]; state: ItemState } {
  let state = initialState(input, 'item-sim', from).state;
  const mails: string[] = [];
  const sent = (at: number, list: readonly MailCommand[]) =>
    mails.push(...list.map((m) => `${m.step}@${m.deadlineVersion} ${iso(at)}`));
  const queue = [...commands].sort((a, b) => a.at - b.at);
  for (;;) {
    const step = nextStep(state, input);
    const cmd = queue[0];
    if (cmd && cmd.at <= until && (!step || cmd.at < step.at)) {
      queue.shift();
      const d = cmd.run(state, { now: cmd.at, input });
      if (isRejection(d)) throw new Error(d.message);
      state = d.state;
      sent(cmd.at, d.mails);
      continue;
    }
    if (!step || step.at > until) return { mails, state };
    const effects = performStep(state, step, { now: step.at, input });
    state = effects.state;
    sent(step.at, effects.mails);
  }
}

describe('item workflow decisions on the 2026 calendar', () => {
  it('default policy around Tết 2026: due Wed 25/02, reminders skip 14–22/02', () => {
    const due = dueOn('2026-02-25');
    const { mails, state } = simulate(
      itemInput(due, { policy: DEFAULT_TEST_POLICY }),
      vn('2026-02-02 09:00'),
      vn('2026-03-20 00:00'),
    );
    expect(mails).toEqual([
      'remind:P7D@1 2026-02-09T01:00Z', // 24, 23, 13, 12, 11, 10, 09/02: Tết does not count
      'remind:P3D@1 2026-02-13T01:00Z', // the last working day before Tết
      'remind:P1D@1 2026-02-24T01:00Z',
      'remind:P0D@1 2026-02-25T01:00Z',
      'overdue@1 2026-02-25T17:00Z', // 24:00+07 on 25/02
      'escalate:1:P1D@1 2026-02-26T01:00Z',
      'escalate:2:P3D@1 2026-03-02T01:00Z', // 26, 27/02, 02/03
      'weekly:2026-03-09@1 2026-03-09T01:00Z',
      'weekly:2026-03-16@1 2026-03-16T01:00Z',
    ]);
    expect(state).toMatchObject({ status: 'overdue', escalationLevel: 2, deadlineVersion: 1 });
  });

  it('Sunday 25/01/2026: legally due at the end of Monday 26/01; P1D and P0D merged on Friday', () => {
    const due = dueOn('2026-01-25');
    expect(due.at).toBe(endOfDay('2026-01-26'));
    const input = itemInput(due, { policy: DEFAULT_TEST_POLICY });
    const atMonday = simulate(input, vn('2026-01-05 09:00'), vn('2026-01-26 23:59'));
    expect(atMonday.state.status).toBe('open');
    expect(atMonday.state.doneSteps).toEqual([
      'remind:P7D',
      'remind:P3D',
      'remind:P1D',
      'remind:P0D',
    ]);

    const { mails } = simulate(input, vn('2026-01-05 09:00'), vn('2026-02-24 00:00'));
    expect(mails).toEqual([
      'remind:P7D@1 2026-01-15T01:00Z',
      'remind:P3D@1 2026-01-21T01:00Z',
      'remind:P1D@1 2026-01-23T01:00Z', // one mail for P1D and P0D, none on Monday
      'overdue@1 2026-01-26T17:00Z', // 24:00+07 on Monday 26/01, not on Sunday
      'escalate:1:P1D@1 2026-01-27T01:00Z',
      'escalate:2:P3D@1 2026-01-29T01:00Z',
      'weekly:2026-02-05@1 2026-02-05T01:00Z',
      'weekly:2026-02-12@1 2026-02-12T01:00Z',
      'weekly:2026-02-23@1 2026-02-23T01:00Z', // 19/02 is in Tết: the next working day
    ]);
  });

  it('extension approved just before Tết: re-planned from 25/02, past steps skipped, original kept', () => {
    const due = dueOn('2026-02-13');
    const newDue = dueOn('2026-02-25');
    const input = itemInput(due, { policy: DEFAULT_TEST_POLICY });
    const { mails, state } = simulate(input, vn('2026-02-02 09:00'), vn('2026-03-03 00:00'), [
      {
        at: vn('2026-02-11 10:00'),
        run: (s, c) =>
          requestExtension(
            s,
            { actor: STC_USER, requestId: 'ext-1', due: newDue, reason: 'Chờ ý kiến Bộ' },
            c,
          ),
      },
      {
        at: vn('2026-02-12 09:00'),
        run: (s, c) =>
          decideExtension(s, { actor: SECRETARIAT, requestId: 'ext-1', approve: true }, c),
      },
    ]);
    expect(mails).toEqual([
      'remind:P7D@1 2026-02-04T01:00Z',
      'remind:P3D@1 2026-02-10T01:00Z',
      'extension-requested-ext-1@1 2026-02-11T03:00Z', // to the secretariat
      'remind:P1D@1 2026-02-12T01:00Z',
      'extension-ext-1@2 2026-02-12T02:00Z',
      // v2: P7D (09/02) was past at approval, skipped; no overdue on 13/02.
      'remind:P3D@2 2026-02-13T01:00Z',
      'remind:P1D@2 2026-02-24T01:00Z',
      'remind:P0D@2 2026-02-25T01:00Z',
      'overdue@2 2026-02-25T17:00Z',
      'escalate:1:P1D@2 2026-02-26T01:00Z',
      'escalate:2:P3D@2 2026-03-02T01:00Z',
    ]);
    expect(state).toMatchObject({
      due: newDue,
      originalDue: due,
      deadlineVersion: 2,
      status: 'overdue',
    });
  });

  it('deadline corrected by the secretariat: a new version and plan, the original follows unless extended', () => {
    const due = dueOn('2026-03-02');
    const input = itemInput(due, { policy: DEFAULT_TEST_POLICY });
    const s = initialState(input, 'item-sim', vn('2026-02-20 09:00')).state;
    const cmd = { actor: SECRETARIAT, due: dueOn('2026-03-16'), reason: 'Nhập nhầm thời hạn' };
    const t = changeDeadline(s, cmd, { now: vn('2026-02-26 09:00'), input });
    if (isRejection(t)) throw new Error(t.message);
    expect(t.state).toMatchObject({
      due: cmd.due,
      originalDue: cmd.due,
      deadlineVersion: 2,
      status: 'open',
    });
    expect(t.events[0]).toMatchObject({
      type: 'deadline_changed',
      detail: { from: due, to: cmd.due, reason: 'Nhập nhầm thời hạn', deadlineVersion: 2 },
    });
    expect(t.mails[0]).toMatchObject({
      kind: 'deadline_changed',
      deadlineVersion: 2,
      due: cmd.due,
      previousDue: due,
      recipients: ['stc@dondoc.local'],
    });
    // P7D in working days before 16/03.
    expect(nextStep(t.state, input)?.at).toBe(vn('2026-03-05 08:00'));

    // After an extension, the original deadline stays the first one.
    const extended = { ...t.state, originalDue: due };
    const again = changeDeadline(
      extended,
      { ...cmd, due: dueOn('2026-03-20') },
      { now: vn('2026-02-27 09:00'), input },
    );
    if (isRejection(again)) throw new Error(again.message);
    expect(again.state).toMatchObject({ originalDue: due, deadlineVersion: 3 });

    // Refused: no reason, a deadline in the past, the same deadline, a closed item.
    const refusedWith = (c: typeof cmd, state = s) =>
      changeDeadline(state, c, { now: vn('2026-02-26 09:00'), input });
    expect(refusedWith({ ...cmd, reason: ' ' })).toMatchObject({ rejected: true });
    expect(refusedWith({ ...cmd, due: dueOn('2026-02-20') })).toMatchObject({ rejected: true });
    expect(refusedWith({ ...cmd, due })).toMatchObject({ rejected: true });
    expect(refusedWith(cmd, { ...s, status: 'completed' })).toMatchObject({ rejected: true });
  });

  it('extension granted to another date than asked: the plan and the event follow the grant', () => {
    const due = dueOn('2026-03-02');
    const asked = dueOn('2026-03-31');
    const granted = dueOn('2026-03-16');
    const input = itemInput(due, { policy: DEFAULT_TEST_POLICY });
    let s = initialState(input, 'item-sim', vn('2026-02-26 09:00')).state;
    const ask = requestExtension(
      s,
      { actor: STC_USER, requestId: 'ext-1', due: asked, reason: 'Chờ ý kiến Bộ' },
      { now: vn('2026-02-26 10:00'), input },
    );
    if (isRejection(ask)) throw new Error(ask.message);
    s = ask.state;
    const cmd = { actor: SECRETARIAT, requestId: 'ext-1', approve: true, due: granted };
    const t = decideExtension(s, cmd, { now: vn('2026-02-27 09:00'), input });
    if (isRejection(t)) throw new Error(t.message);
    expect(t.state).toMatchObject({ due: granted, originalDue: due, deadlineVersion: 2 });
    expect(t.events[0]?.detail).toMatchObject({ to: granted, requestedDue: asked });
    // The mail says the grant differs from the request.
    expect(t.mails[0]).toMatchObject({
      kind: 'extension_approved',
      due: granted,
      requestedDue: asked,
    });
    expect(t.mails[0]).toMatchObject({ kind: 'extension_approved' });
    // P7D in working days before 16/03 (31/03 asked would give 20/03).
    expect(nextStep(t.state, input)?.at).toBe(vn('2026-03-05 08:00'));

    // A grant earlier than the current deadline is refused like a request would be.
    const early = decideExtension(
      s,
      { ...cmd, due: dueOn('2026-02-27') },
      {
        now: vn('2026-02-27 09:00'),
        input,
      },
    );
    expect(isRejection(early)).toBe(true);
  });

  it('a decision while the completion report waits says so; the closing mail carries the note and lateness', () => {
    const due = dueOn('2026-03-02');
    const input = itemInput(due, { policy: DEFAULT_TEST_POLICY });
    let s = initialState(input, 'item-sim', vn('2026-02-26 09:00')).state;
    const ask = requestExtension(
      s,
      { actor: STC_USER, requestId: 'ext-1', due: dueOn('2026-03-31'), reason: 'Chờ ý kiến Bộ' },
      { now: vn('2026-02-26 10:00'), input },
    );
    if (isRejection(ask)) throw new Error(ask.message);
    const done = submit(
      ask.state,
      { actor: STC_USER, note: 'Đã trình' },
      { now: vn('2026-02-27 09:00'), input },
    );
    if (isRejection(done)) throw new Error(done.message);
    s = done.state;
    const cmd = { actor: SECRETARIAT, requestId: 'ext-1', approve: true };
    const t = decideExtension(s, cmd, { now: vn('2026-02-27 10:00'), input });
    if (isRejection(t)) throw new Error(t.message);
    expect(t.state.status).toBe('submitted');
    expect(t.mails[0]).toMatchObject({ kind: 'extension_approved', reportWaiting: true });
    const accepted = accept(
      t.state,
      { actor: SECRETARIAT, note: 'Tốt' },
      { now: vn('2026-02-27 11:00'), input },
    );
    if (isRejection(accepted)) throw new Error(accepted.message);
    expect(accepted.mails[0]).toMatchObject({
      kind: 'completed',
      reason: 'Tốt',
      completedLate: false,
    });
    expect(accepted.mails[0]).not.toHaveProperty('reportWaiting');
    // An open item's mails ask for its report as before.
    const open = initialState(input, 'item-sim', vn('2026-02-26 09:00')).state;
    const late = submit(
      open,
      { actor: STC_USER, note: 'Xong' },
      { now: vn('2026-03-04 09:00'), input },
    );
    if (isRejection(late)) throw new Error(late.message);
    const closed = accept(
      late.state,
      { actor: SECRETARIAT },
      { now: vn('2026-03-04 10:00'), input },
    );
    if (isRejection(closed)) throw new Error(closed.message);
    expect(closed.mails[0]).toMatchObject({ kind: 'completed', reason: null, completedLate: true });
  });

  it('each report after a return tells the secretariat why the last one came back', () => {
    const input = itemInput(dueOn('2026-03-20'), { policy: DEFAULT_TEST_POLICY });
    const ctx = (at: string) => ({ now: vn(at), input });
    const ok = (d: ReturnType<typeof submit>): Transition => {
      if (isRejection(d)) throw new Error(d.message);
      return d;
    };
    const returned = (s: ItemState, reason: string, at: string): ItemState =>
      ok(returnSubmission(s, { actor: SECRETARIAT, reason }, ctx(at))).state;
    const start = initialState(input, 'item-sim', vn('2026-03-02 09:00')).state;
    const first = ok(submit(start, { actor: STC_USER, note: 'Xong' }, ctx('2026-03-03 09:00')));
    expect(first.mails[0]).not.toHaveProperty('returnedFor');
    const back = returned(first.state, 'Thiếu biên bản.', '2026-03-03 10:00');
    const again = ok(submit(back, { actor: STC_USER, note: 'Bổ sung' }, ctx('2026-03-04 09:00')));
    expect(again.mails[0]).toMatchObject({ kind: 'submitted', returnedFor: 'Thiếu biên bản.' });
    // Each report answers the return just before it, and clears it.
    const twice = returned(again.state, 'Còn thiếu phụ lục.', '2026-03-04 10:00');
    const third = ok(submit(twice, { actor: STC_USER, note: 'Lần ba' }, ctx('2026-03-05 09:00')));
    expect(third.mails[0]).toMatchObject({ returnedFor: 'Còn thiếu phụ lục.' });
    expect(third.state.returnedFor).toBeNull();
  });

  it('submitted before the due: the overdue mark and escalations are skipped, marked done', () => {
    const due = dueOn('2026-02-25');
    const input = itemInput(due, { policy: DEFAULT_TEST_POLICY });
    const { mails, state } = simulate(input, vn('2026-02-02 09:00'), vn('2026-03-31 00:00'), [
      {
        at: vn('2026-02-24 15:00'),
        run: (s, c) => submit(s, { actor: STC_USER, note: 'Đã trình' }, c),
      },
    ]);
    expect(mails).toEqual([
      'remind:P7D@1 2026-02-09T01:00Z',
      'remind:P3D@1 2026-02-13T01:00Z',
      'remind:P1D@1 2026-02-24T01:00Z',
      // The secretariat is told of the report at once (patch 'submitted-mail').
      'submitted-5@1 2026-02-24T08:00Z',
    ]);
    expect(state.status).toBe('submitted');
    expect(state.doneSteps).toEqual([
      'remind:P7D',
      'remind:P3D',
      'remind:P1D',
      'remind:P0D',
      'overdue',
      'escalate:1:P1D',
      'escalate:2:P3D',
    ]);
  });
});

describe('recurring items', () => {
  const monthly = itemInput(dueOn('2026-01-24'), {
    policy: DEFAULT_TEST_POLICY,
    recurrence: { frequency: 'monthly', day: 24 },
  });
  const acceptAt = (s: ItemState, at: number): ItemState => {
    const submitted = submit(
      s,
      { actor: STC_USER, note: 'Đã báo cáo' },
      { now: at, input: monthly },
    );
    if (isRejection(submitted)) throw new Error(submitted.message);
    const accepted = accept(
      submitted.state,
      { actor: SECRETARIAT },
      { now: at + 60_000, input: monthly },
    );
    if (isRejection(accepted)) throw new Error(accepted.message);
    return accepted.state;
  };

  it('opens the next period when one is accepted: new due, new deadline version, fresh reminders', () => {
    const input = { ...monthly, support: [SXD] };
    const start = initialState(input, 'item-sim', vn('2026-01-15 09:00')).state;
    const done = acceptAt(start, vn('2026-01-20 10:00'));
    expect(done.status).toBe('completed');
    const next = nextPeriod(done, { now: vn('2026-01-20 10:01'), input }, 'Đạt yêu cầu.');
    expect(next).not.toBeNull();
    // 24/02/2026 is a Tuesday: the next period is due then.
    expect(next!.state).toMatchObject({
      status: 'open',
      due: { date: '2026-02-24', at: endOfDay('2026-02-24') },
      originalDue: { date: '2026-02-24' },
      deadlineVersion: done.deadlineVersion + 1,
      doneSteps: [],
      closedAt: null,
    });
    expect(next!.events).toEqual([
      expect.objectContaining({
        type: 'created',
        seq: done.seq + 1,
        detail: expect.objectContaining({ period: true }) as unknown,
      }),
    ]);
    // The lead is told the new deadline; the co-ordinating agencies get their copy.
    const step = `period-${done.deadlineVersion + 1}`;
    expect(next!.mails.map((m) => [m.kind, m.step, m.recipients])).toEqual([
      ['period_opened', step, [done.lead.contactEmail]],
      ['deadline_copy', `${step}-copy`, [SXD.contactEmail]],
    ]);
    // The lead reads whether the accepted period was on time and the office's note; the copies
    // say it is a new period, not a moved deadline.
    expect(next!.mails[0]).toMatchObject({
      due: next!.state.due,
      previousDue: done.due,
      completedLate: false,
      reason: 'Đạt yêu cầu.',
    });
    expect(next!.mails[1]).toMatchObject({ nextPeriod: true, previousDue: done.due });
  });

  it('does nothing for a one-off item, a cancelled one, or one without a dated due', () => {
    const oneOff = itemInput(dueOn('2026-01-24'), { policy: DEFAULT_TEST_POLICY });
    const start = initialState(oneOff, 'item-sim', vn('2026-01-15 09:00')).state;
    expect(
      nextPeriod(acceptAt(start, vn('2026-01-20 10:00')), {
        now: vn('2026-01-20 10:01'),
        input: oneOff,
      }),
    ).toBeNull();
    const open = initialState(monthly, 'item-sim', vn('2026-01-15 09:00')).state;
    expect(nextPeriod(open, { now: vn('2026-01-15 10:00'), input: monthly })).toBeNull();
  });
});

describe('recurring items whose periods end in given months', () => {
  /** Accepts the current period at `at` and opens the next one. */
  const rollOver = (input: ItemWorkflowInput, at: number): ItemState => {
    const s = initialState(input, 'item-sim', at - 86_400_000).state;
    const submitted = submit(s, { actor: STC_USER, note: 'Đã báo cáo' }, { now: at, input });
    if (isRejection(submitted)) throw new Error(submitted.message);
    const done = accept(submitted.state, { actor: SECRETARIAT }, { now: at + 60_000, input });
    if (isRejection(done)) throw new Error(done.message);
    const next = nextPeriod(done.state, { now: at + 120_000, input });
    if (!next) throw new Error('no next period');
    return next.state;
  };

  it('half-yearly ("định kỳ 6 tháng", months 6 and 12): June → December, December → June', () => {
    const recurrence = { frequency: 'monthly' as const, day: 15, months: [6, 12] };
    const june = itemInput(dueOn('2026-06-15'), { policy: DEFAULT_TEST_POLICY, recurrence });
    expect(rollOver(june, vn('2026-06-10 09:00')).due?.date).toBe('2026-12-15');
    const december = itemInput(dueOn('2026-12-15'), { policy: DEFAULT_TEST_POLICY, recurrence });
    expect(rollOver(december, vn('2026-12-10 09:00')).due?.date).toBe('2027-06-15');
  });

  it('yearly in March ("trước ngày 31/3 hằng năm"): next March, not December', () => {
    const recurrence = { frequency: 'yearly' as const, day: 30, months: [3] };
    const input = itemInput(dueOn('2026-03-30'), { policy: DEFAULT_TEST_POLICY, recurrence });
    expect(rollOver(input, vn('2026-03-20 09:00')).due?.date).toBe('2027-03-30');
  });
});
