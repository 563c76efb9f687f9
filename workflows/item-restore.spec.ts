/**
 * Restoring an item from PostgreSQL (ADR 0022), without Temporal: the item's life is simulated
 * with the workflow's own pure functions (the loop of item.workflow.ts on a simulated clock), the
 * workflow is "lost" at one instant and restored at a later one from what PostgreSQL would hold
 * (the row's state and the recorded events). The restored state must be the lost one, and the
 * mails of the whole life (before the loss, then after the restore) must be those of a life
 * without loss: each step once, the steps missed meanwhile sent late, nothing skipped sent.
 */
import type { ItemRowState, ItemWorkflowInput, RecordedEvent } from '../libs/contracts/src';
import {
  accept,
  decideExtension,
  isRejection,
  requestExtension,
  returnSubmission,
  submit,
} from './item-commands';
import { pendingMails, wasSubmittedAt } from './item-restore';
import { deliveryDetail, pendingDelivery } from './mail-delivery';
import { nextStep, performStep } from './item-schedule';
import { initialState, nextPeriod, withAssignment } from './item-state';
import type { ItemState, Transition } from './item-transition';
import { DEFAULT_TEST_POLICY, itemInput, SECRETARIAT, STC_USER } from './test/harness';
import { dueOn, vn, type Command } from './test/simulated-time';

/** A life (or part of one): its state, events and mails ('<step>@<deadline version>'). */
interface Life {
  state: ItemState;
  events: RecordedEvent[];
  mails: string[];
}

/**
 * Applies a transition to a life. A notification's step names the seq of its event
 * ('returned-12'), which a restore moves on by one: the mails are compared without it.
 */
function apply(life: Life, t: Transition): void {
  life.state = t.state;
  life.events.push(...t.events);
  life.mails.push(
    ...t.mails.map(
      (m) => `${m.step.replace(/^(returned|reassigned)-\d+$/, '$1')}@${m.deadlineVersion}`,
    ),
  );
}

/**
 * The timer loop and the commands from the life's state until `until` (inclusive), as
 * item.workflow.ts runs them; a recurring item's accepted period opens the next one.
 */
function run(life: Life, input: ItemWorkflowInput, until: number, commands: Command[]): void {
  const queue = commands.filter((c) => c.at > (life.events.at(-1)?.at ?? -Infinity));
  queue.sort((a, b) => a.at - b.at);
  for (;;) {
    const step = nextStep(life.state, input);
    const cmd = queue[0];
    if (cmd && cmd.at <= until && (!step || cmd.at < step.at)) {
      queue.shift();
      const d = cmd.run(life.state, { now: cmd.at, input });
      if (isRejection(d)) throw new Error(d.message);
      apply(life, d);
      const next = nextPeriod(life.state, { now: cmd.at, input });
      if (next) apply(life, next);
      continue;
    }
    if (!step || step.at > until) return;
    apply(life, performStep(life.state, step, { now: step.at, input }));
  }
}

function born(input: ItemWorkflowInput, at: number): Life {
  const life: Life = { state: initialState(input, 'item-sim', at).state, events: [], mails: [] };
  life.events.push(...initialState(input, 'item-sim', at).events);
  return life;
}

/** What the items row holds of a state (the projection of its last recorded event). */
const rowOf = (s: ItemState): ItemRowState => ({
  status: s.status,
  due: s.due,
  originalDue: s.originalDue,
  deadlineVersion: s.deadlineVersion,
  escalationLevel: s.escalationLevel,
  progressPercent: s.progressPercent,
  completedLate: s.completedLate,
  pendingExtension: s.pendingExtension,
  version: s.seq,
});

/** Restores a life at `at` from its row and recorded events, as the reconciler does. */
function restore(lost: Life, input: ItemWorkflowInput, at: number): Transition {
  const restoring = { ...input, restore: { row: rowOf(lost.state), events: lost.events } };
  return initialState(restoring, 'item-sim', at);
}

/** The state without what a restore changes on purpose (the sequence), steps in any order. */
const comparable = (s: ItemState) => ({ ...s, seq: 0, doneSteps: [...s.doneSteps].sort() });

interface Scenario {
  readonly input: ItemWorkflowInput;
  readonly from: number;
  readonly lostAt: number;
  readonly restoredAt: number;
  readonly until: number;
  readonly commands?: Command[];
}

/**
 * The life without loss, and the life lost at `lostAt` and restored at `restoredAt`: the state
 * restored, and the mails before the loss and after the restore.
 */
function lostAndRestored(sc: Scenario) {
  const commands = sc.commands ?? [];
  const whole = born(sc.input, sc.from);
  run(whole, sc.input, sc.until, commands);
  const lost = born(sc.input, sc.from);
  run(lost, sc.input, sc.lostAt, commands);
  const restored = restore(lost, sc.input, sc.restoredAt);
  const after: Life = { state: restored.state, events: [...lost.events], mails: [] };
  apply(after, restored);
  // Commands cannot reach a missing workflow: only those after the restore run.
  run(
    after,
    sc.input,
    sc.until,
    commands.filter((c) => c.at > sc.restoredAt),
  );
  return { whole, lost, restored, after, mails: [...lost.mails, ...after.mails] };
}

const input = itemInput(dueOn('2026-03-20'), { policy: DEFAULT_TEST_POLICY });

describe('restoring an item from PostgreSQL', () => {
  it('resumes where the lost run stopped: same state, the sequence after the last event, one restored event', () => {
    const sc = lostAndRestored({
      input,
      from: vn('2026-03-02 09:00'),
      lostAt: vn('2026-03-13 12:00'), // after P7D (11/03), before P3D (17/03)
      restoredAt: vn('2026-03-14 09:00'),
      until: vn('2026-04-30 00:00'),
    });
    expect(sc.lost.mails).toEqual(['remind:P7D@1']);
    expect(comparable(sc.restored.state)).toEqual(comparable(sc.lost.state));
    expect(sc.restored.state.seq).toBe(sc.lost.state.seq + 1);
    expect(sc.restored.events).toEqual([
      {
        seq: sc.lost.state.seq + 1,
        type: 'restored',
        at: vn('2026-03-14 09:00'),
        actor: null,
        detail: {
          status: 'open',
          deadlineVersion: 1,
          escalationLevel: 0,
          doneSteps: ['remind:P7D'],
          afterSeq: sc.lost.state.seq,
        },
      },
    ]);
    expect(sc.restored.mails).toEqual([]);
    // The rest of the life is the life without loss: each mail once.
    expect(sc.mails).toEqual(sc.whole.mails);
  });

  it('sends the steps that fell due while the workflow was missing, once, and goes on as before', () => {
    const sc = lostAndRestored({
      input,
      from: vn('2026-03-02 09:00'),
      lostAt: vn('2026-03-23 12:00'), // overdue (20/03 24:00) and escalation 1 (23/03) done
      restoredAt: vn('2026-04-08 10:00'), // escalation 2 (25/03) and two weekly reminders missed
      until: vn('2026-04-30 00:00'),
    });
    expect(sc.lost.state).toMatchObject({ status: 'overdue', escalationLevel: 1 });
    expect(comparable(sc.restored.state)).toEqual(comparable(sc.lost.state));
    expect(sc.lost.mails).toEqual([
      'remind:P7D@1',
      'remind:P3D@1',
      'remind:P1D@1',
      'remind:P0D@1',
      'overdue@1',
      'escalate:1:P1D@1',
    ]);
    expect(sc.after.mails).toEqual([
      'escalate:2:P3D@1', // 25/03, missed: at the restore
      'weekly:2026-04-01@1', // missed: at the restore; the next one counts from it, as before
      'weekly:2026-04-08@1', // 08:00 on 08/04, two hours before the restore
      'weekly:2026-04-15@1',
      'weekly:2026-04-22@1',
      'weekly:2026-04-29@1',
    ]);
    expect(sc.mails).toEqual(sc.whole.mails);
    expect(sc.after.state).toMatchObject({ status: 'overdue', escalationLevel: 2 });
  });

  it('does not send the reminders already past when the item was created (skipped then)', () => {
    const sc = lostAndRestored({
      input,
      from: vn('2026-03-18 09:00'), // P7D and P3D already past
      lostAt: vn('2026-03-18 10:00'),
      restoredAt: vn('2026-03-18 11:00'),
      until: vn('2026-03-20 12:00'),
    });
    expect(sc.lost.state.doneSteps).toEqual(['remind:P7D', 'remind:P3D']);
    expect(sc.restored.state.doneSteps).toEqual(['remind:P7D', 'remind:P3D']);
    expect(sc.mails).toEqual(['remind:P1D@1', 'remind:P0D@1']);
    expect(sc.mails).toEqual(sc.whole.mails);
  });

  it('counts the weekly reminders from the creation when every step was past then', () => {
    const old = itemInput(dueOn('2026-02-25'), { policy: DEFAULT_TEST_POLICY });
    const sc = lostAndRestored({
      input: old,
      from: vn('2026-03-10 15:00'), // created long overdue: only the overdue mark runs
      lostAt: vn('2026-03-12 09:00'),
      restoredAt: vn('2026-03-12 10:00'),
      until: vn('2026-04-01 00:00'),
    });
    expect(comparable(sc.restored.state)).toEqual(comparable(sc.lost.state));
    expect(sc.restored.state.lastWeeklyReminderAt).toBe(vn('2026-03-10 15:00'));
    expect(sc.mails).toEqual(sc.whole.mails);
  });

  it('keeps the second deadline version of an approved extension and its steps', () => {
    const sc = lostAndRestored({
      input,
      from: vn('2026-03-02 09:00'),
      lostAt: vn('2026-03-25 09:00'),
      restoredAt: vn('2026-03-30 09:00'),
      until: vn('2026-05-10 00:00'),
      commands: [
        {
          at: vn('2026-03-12 10:00'),
          run: (s, c) =>
            requestExtension(
              s,
              {
                actor: STC_USER,
                requestId: 'ext-1',
                due: dueOn('2026-04-10'),
                reason: 'Chờ số liệu',
              },
              c,
            ),
        },
        {
          at: vn('2026-03-13 10:00'),
          run: (s, c) =>
            decideExtension(s, { actor: SECRETARIAT, requestId: 'ext-1', approve: true }, c),
        },
      ],
    });
    expect(sc.lost.state).toMatchObject({ deadlineVersion: 2, due: dueOn('2026-04-10') });
    expect(comparable(sc.restored.state)).toEqual(comparable(sc.lost.state));
    expect(sc.restored.state.decidedExtensionIds).toEqual(['ext-1']);
    expect(sc.mails).toEqual(sc.whole.mails);
    expect(sc.after.mails[0]).toBe('remind:P7D@2'); // 31/03: after the restore
  });

  it('skips again what was skipped while submitted, and resumes the submission', () => {
    const submitAt = vn('2026-03-16 15:00');
    const sc = lostAndRestored({
      input,
      from: vn('2026-03-02 09:00'),
      lostAt: vn('2026-03-24 09:00'), // P3D … escalation 1 skipped while submitted
      restoredAt: vn('2026-03-24 10:00'),
      until: vn('2026-04-30 00:00'),
      commands: [
        { at: submitAt, run: (s, c) => submit(s, { actor: STC_USER, note: 'Đã trình' }, c) },
        {
          at: vn('2026-03-26 09:00'),
          run: (s, c) => returnSubmission(s, { actor: SECRETARIAT, reason: 'Thiếu số liệu' }, c),
        },
      ],
    });
    expect(sc.lost.state).toMatchObject({ status: 'submitted', submittedAt: submitAt });
    expect(comparable(sc.restored.state)).toEqual(comparable(sc.lost.state));
    // Escalation 2 (25/03) falls while still submitted: skipped by the new run as by the old.
    // Returned after the due: overdue again, weekly reminders counted from the return.
    expect(sc.after.mails).toEqual([
      'returned@1',
      'weekly:2026-04-02@1',
      'weekly:2026-04-09@1',
      'weekly:2026-04-16@1',
      'weekly:2026-04-23@1',
    ]);
    expect(sc.mails).toEqual(sc.whole.mails);
  });

  it('a step skipped while submitted stays skipped after a return and a loss', () => {
    const sc = lostAndRestored({
      input,
      from: vn('2026-03-02 09:00'),
      lostAt: vn('2026-03-19 09:00'),
      restoredAt: vn('2026-03-19 10:00'),
      until: vn('2026-03-31 00:00'),
      commands: [
        {
          at: vn('2026-03-16 15:00'),
          run: (s, c) => submit(s, { actor: STC_USER, note: 'Đã trình' }, c),
        },
        {
          // P3D (17/03) skipped while submitted; returned before P1D (19/03 08:00)
          at: vn('2026-03-18 09:00'),
          run: (s, c) => returnSubmission(s, { actor: SECRETARIAT, reason: 'Thiếu số liệu' }, c),
        },
      ],
    });
    expect(sc.lost.state.status).toBe('open');
    expect(sc.lost.state.doneSteps).toContain('remind:P3D');
    expect(comparable(sc.restored.state)).toEqual(comparable(sc.lost.state));
    expect(sc.mails).toEqual(sc.whole.mails);
    expect(sc.mails).not.toContain('remind:P3D@1');
  });

  it('returned to overdue: the weekly reminders count from the return', () => {
    const sc = lostAndRestored({
      input,
      from: vn('2026-03-02 09:00'),
      lostAt: vn('2026-04-02 09:00'),
      restoredAt: vn('2026-04-03 09:00'),
      until: vn('2026-04-30 00:00'),
      commands: [
        {
          at: vn('2026-03-19 15:00'),
          run: (s, c) => submit(s, { actor: STC_USER, note: 'Đã trình' }, c),
        },
        {
          at: vn('2026-03-30 16:00'),
          run: (s, c) => returnSubmission(s, { actor: SECRETARIAT, reason: 'Thiếu số liệu' }, c),
        },
      ],
    });
    expect(sc.lost.state).toMatchObject({
      status: 'overdue',
      lastWeeklyReminderAt: vn('2026-03-30 16:00'),
    });
    expect(comparable(sc.restored.state)).toEqual(comparable(sc.lost.state));
    expect(sc.mails).toEqual(sc.whole.mails);
  });

  it('a weekly reminder sent late anchors the next on its planned instant, as in the lost run', () => {
    const lost = born(input, vn('2026-03-02 09:00'));
    run(lost, input, vn('2026-03-30 00:00'), []);
    const weekly = nextStep(lost.state, input);
    expect(weekly?.key).toBe('weekly:2026-04-01');
    // The worker was down that morning: sent at 17:30 instead of 08:00.
    apply(lost, performStep(lost.state, weekly!, { now: vn('2026-04-01 17:30'), input }));
    expect(lost.state.lastWeeklyReminderAt).toBe(vn('2026-04-01 08:00'));
    const restored = restore(lost, input, vn('2026-04-02 09:00'));
    expect(comparable(restored.state)).toEqual(comparable(lost.state));
  });

  it('marks every key of merged reminders done (P1D and P0D before a Sunday)', () => {
    const sunday = itemInput(dueOn('2026-01-25'), { policy: DEFAULT_TEST_POLICY });
    const sc = lostAndRestored({
      input: sunday,
      from: vn('2026-01-05 09:00'),
      lostAt: vn('2026-01-24 09:00'),
      restoredAt: vn('2026-01-26 09:00'),
      until: vn('2026-02-10 00:00'),
    });
    expect(sc.lost.state.doneSteps).toEqual([
      'remind:P7D',
      'remind:P3D',
      'remind:P1D',
      'remind:P0D',
    ]);
    expect(comparable(sc.restored.state)).toEqual(comparable(sc.lost.state));
    expect(sc.mails).toEqual(sc.whole.mails);
  });

  it('a second loss while catching up still sends what the first restore had not sent yet', () => {
    const lost = born(input, vn('2026-03-02 09:00'));
    run(lost, input, vn('2026-03-16 09:00'), []);
    // Restored on 20/03 with P3D, P1D and P0D missed; the new run sends P3D, then is lost too.
    const first = restore(lost, input, vn('2026-03-20 09:00'));
    const catchingUp: Life = { state: first.state, events: [...lost.events], mails: [] };
    apply(catchingUp, first);
    const step = nextStep(catchingUp.state, input);
    expect(step?.key).toBe('remind:P3D');
    apply(catchingUp, performStep(catchingUp.state, step!, { now: vn('2026-03-20 09:01'), input }));
    const again = restore(catchingUp, input, vn('2026-03-20 10:00'));
    expect(again.state.doneSteps).toEqual(['remind:P7D', 'remind:P3D']);
    const second: Life = { state: again.state, events: [...catchingUp.events], mails: [] };
    apply(second, again);
    run(second, input, vn('2026-03-21 00:00'), []);
    expect([...lost.mails, ...catchingUp.mails, ...second.mails]).toEqual([
      'remind:P7D@1',
      'remind:P3D@1',
      'remind:P1D@1',
      'remind:P0D@1',
      'overdue@1',
    ]);
  });

  it('carries the next period of a recurring item (a created event with period)', () => {
    const monthly = itemInput(dueOn('2026-01-24'), {
      policy: DEFAULT_TEST_POLICY,
      recurrence: { frequency: 'monthly', day: 24 },
    });
    const sc = lostAndRestored({
      input: monthly,
      from: vn('2026-01-05 09:00'),
      lostAt: vn('2026-02-12 09:00'),
      restoredAt: vn('2026-02-20 09:00'),
      until: vn('2026-02-28 00:00'),
      commands: [
        {
          at: vn('2026-01-20 10:00'),
          run: (s, c) => submit(s, { actor: STC_USER, note: 'Đã báo cáo' }, c),
        },
        { at: vn('2026-01-21 10:00'), run: (s, c) => accept(s, { actor: SECRETARIAT }, c) },
      ],
    });
    expect(sc.lost.state).toMatchObject({ deadlineVersion: 2, due: { date: '2026-02-24' } });
    expect(comparable(sc.restored.state)).toEqual(comparable(sc.lost.state));
    expect(sc.mails).toEqual(sc.whole.mails);
  });

  it('a reminder whose event is missing is done again by the new run (its mail_log row stops the mail)', () => {
    const lost = born(input, vn('2026-03-02 09:00'));
    run(lost, input, vn('2026-03-12 09:00'), []);
    const withoutReminder: Life = {
      ...lost,
      events: lost.events.filter((e) => e.type !== 'reminder_sent'),
    };
    const restored = restore(withoutReminder, input, vn('2026-03-12 10:00'));
    expect(restored.state.doneSteps).toEqual([]);
    expect(nextStep(restored.state, input)?.key).toBe('remind:P7D');
  });
});

describe('mails on their way when the workflow was lost', () => {
  /** Performs the next step as the workflow does with mails apart: its events pending. */
  const stepPending = (life: Life, now: number) => {
    const step = nextStep(life.state, input)!;
    const effects = performStep(life.state, step, { now, input });
    life.state = effects.state;
    life.events.push(...pendingDelivery(effects.events));
    return effects;
  };

  it('are the mails the steps asked for, with the seq and time of their events', () => {
    const life = born(input, vn('2026-03-02 09:00'));
    run(life, input, vn('2026-03-20 12:00'), []); // every reminder done, delivered
    const overdue = stepPending(life, vn('2026-03-21 00:00'));
    const escalation = stepPending(life, vn('2026-03-23 08:00'));
    const restored = restore(life, input, vn('2026-03-24 09:00'));
    expect(pendingMails(restored.state, life.events)).toEqual([
      { seq: overdue.events[0]!.seq, at: vn('2026-03-21 00:00'), mail: overdue.mails[0] },
      { seq: escalation.events[0]!.seq, at: vn('2026-03-23 08:00'), mail: escalation.mails[0] },
    ]);
    // Done: the new run does not perform them again, it only delivers their mails.
    expect(restored.state.doneSteps).toEqual(expect.arrayContaining(['overdue', 'escalate:1:P1D']));
  });

  it('never the assignment (ADR 0024): a created event whose mails were pending is not sent again', () => {
    const at = vn('2026-03-02 09:00');
    const assigned = withAssignment(initialState(input, 'item-sim', at));
    expect(assigned.mails.map((m) => m.kind)).toEqual(['assigned']);
    const life: Life = {
      state: assigned.state,
      events: pendingDelivery(assigned.events),
      mails: [],
    };
    expect(life.events[0]?.detail).toMatchObject({ mailDelivery: 'pending' });
    const restored = restore(life, input, vn('2026-03-03 09:00'));
    expect(pendingMails(restored.state, life.events)).toEqual([]);
    expect(restored.mails).toEqual([]);
  });

  it('a weekly reminder pending is a weekly mail; a settled one is not sent again', () => {
    const life = born(input, vn('2026-03-02 09:00'));
    run(life, input, vn('2026-03-30 00:00'), []);
    const weekly = stepPending(life, vn('2026-04-01 08:00'));
    expect(weekly.mails[0]).toMatchObject({ kind: 'weekly_overdue', step: 'weekly:2026-04-01' });
    const settled: Life = {
      ...life,
      events: life.events.map((e) =>
        e.seq === weekly.events[0]!.seq
          ? { ...e, detail: { ...e.detail, ...deliveryDetail([], vn('2026-04-01 08:01')) } }
          : e,
      ),
    };
    const state = restore(life, input, vn('2026-04-02 09:00')).state;
    expect(pendingMails(state, life.events).map((p) => p.mail)).toEqual(weekly.mails);
    expect(pendingMails(state, settled.events)).toEqual([]);
  });

  it('only those of the current deadline version', () => {
    const life = born(input, vn('2026-03-02 09:00'));
    run(life, input, vn('2026-03-10 12:00'), []);
    stepPending(life, vn('2026-03-11 08:00')); // P7D of version 1, left pending
    run(life, input, vn('2026-03-13 11:00'), [
      {
        at: vn('2026-03-12 10:00'),
        run: (s, c) =>
          requestExtension(
            s,
            { actor: STC_USER, requestId: 'e', due: dueOn('2026-04-10'), reason: 'Chờ' },
            c,
          ),
      },
      {
        at: vn('2026-03-13 10:00'),
        run: (s, c) => decideExtension(s, { actor: SECRETARIAT, requestId: 'e', approve: true }, c),
      },
    ]);
    const state = restore(life, input, vn('2026-03-14 09:00')).state;
    expect(state.deadlineVersion).toBe(2);
    expect(pendingMails(state, life.events)).toEqual([]);
  });
});

describe('wasSubmittedAt', () => {
  const ev = (seq: number, type: RecordedEvent['type'], at: number, detail = {}) => ({
    seq,
    type,
    at,
    detail,
  });
  const events: RecordedEvent[] = [
    ev(1, 'created', 10),
    ev(2, 'submitted', 20),
    ev(3, 'extension_approved', 25),
    ev(4, 'returned', 30, { status: 'open' }),
    ev(5, 'restored', 40, { status: 'submitted' }),
  ];
  it.each([
    [15, false],
    [20, true],
    [27, true], // an extension approved while submitted keeps the submission
    [30, false],
    [45, true],
  ])('at %p: %p', (t, expected) => {
    expect(wasSubmittedAt(events, t)).toBe(expected);
  });
});
