/**
 * Fault test (f) of issue 9 on the time-skipping server: the mail activity fails (a fault of
 * ours, retryable) for 30 hours while two reminders, the overdue notice and an escalation fall
 * due. Nothing is given up (ADR 0018): the status moves on time while the mails wait, and once
 * mail works again every mail goes out exactly once, saying it is late, and every event is in the
 * history saying how its mail went. A mail some recipient rejects for good is reported to the
 * secretariat and recorded as failed.
 */
import { itemStateQuery, itemWorkflowId, type RecordedEvent } from '../libs/contracts/src';
import { eventually, itemInput, SXD } from './test/harness';
import { HOUR, useItemWorkflowSuite } from './test/item-workflow-suite';

const suite = useItemWorkflowSuite();
const { fakes, start, sleepUntil, dueIn, finish, steps, types } = suite;
const MINUTE = 60_000;

const detailOf = (events: RecordedEvent[], type: string) =>
  events.filter((e) => e.type === type).map((e) => e.detail);

describe('mail faults (ADR 0018)', () => {
  afterEach(() => {
    fakes.failMailUntil = null;
  });

  it('(f) the mail activity failing for 30 hours: the item moves on, then every mail once, late', async () => {
    const t0 = await suite.env.currentTimeMs();
    const faultEnd = t0 + 30 * HOUR;
    fakes.failMailUntil = faultEnd;
    // Reminders at t0+10h and t0+15h, overdue at t0+20h, escalation 1 at t0+24h: all in the
    // fault; escalation 2 at t0+32h, after it.
    const due = await dueIn(20 * 3600);
    const input = itemInput(due, {
      policy: { remindBefore: ['PT10H', 'PT5H'], escalateAfter: ['PT4H', 'PT12H'] },
    });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    const realStart = performance.now();

    // Overdue on time although both reminders are still stuck.
    await sleepUntil(due.at + HOUR);
    expect(await handle.query(itemStateQuery)).toMatchObject({ status: 'overdue' });
    await eventually(() => expect(fakes.projections.get(wf)?.status).toBe('overdue'));
    // Escalation 1 on time too, its mail stuck as well.
    await sleepUntil(due.at + 5 * HOUR);
    await eventually(() => expect(fakes.projections.get(wf)?.escalationLevel).toBe(1));
    expect(fakes.mailsOf(wf)).toEqual([]);
    // Every event is in the history at its step, its mail pending (the assignment's too, ADR 0024).
    expect(types(wf)).toEqual([
      'created',
      'reminder_sent',
      'reminder_sent',
      'overdue',
      'escalated',
    ]);
    for (const e of fakes.eventsOf(wf)) {
      expect(e.detail).toMatchObject({ mailDelivery: 'pending' });
    }

    // Mail works again: everything waiting goes out within one retry interval.
    await sleepUntil(faultEnd + 2 * MINUTE);
    const expected = [
      'assigned@1',
      'remind:PT10H@1',
      'remind:PT5H@1',
      'overdue@1',
      'escalate:1:PT4H@1',
    ];
    await eventually(() => expect([...steps(wf)].sort()).toEqual([...expected].sort()));
    // The assignment first, within one retry interval; the others after it (patch
    // assignment-first), which on this server may be one more interval on: time skips ahead
    // while nothing of the item's runs.
    const [assignedAt = Infinity, ...othersAt] = fakes.mailAttemptAt.get(wf) ?? [];
    expect(fakes.mailsOf(wf)[0]?.kind).toBe('assigned');
    expect(assignedAt - faultEnd).toBeLessThanOrEqual(MINUTE + 10_000);
    for (const at of othersAt) {
      expect(at).toBeGreaterThanOrEqual(assignedAt);
      expect(at - assignedAt).toBeLessThanOrEqual(MINUTE + 10_000);
    }
    const events = await eventually(() => {
      const e = fakes.eventsOf(wf);
      expect(e.map((x) => x.detail?.mailDelivery)).toEqual([
        'delivered',
        'delivered',
        'delivered',
        'delivered',
        'delivered',
      ]);
      return e;
    });
    for (const detail of events.map((e) => e.detail)) {
      expect(detail).toMatchObject({ mailDelivery: 'delivered', mailLate: true });
      expect(detail?.mailSettledAt).toBeGreaterThanOrEqual(faultEnd);
      expect(detail).not.toHaveProperty('failedRecipients');
    }
    expect(detailOf(events, 'overdue')[0]).toMatchObject({ step: 'overdue' });

    // After the fault, escalation 2 goes out at its own instant, on time.
    await sleepUntil(due.at + 12 * HOUR + MINUTE);
    await eventually(() => expect(steps(wf)).toContain('escalate:2:PT12H@1'));
    const level2 = await eventually(() => {
      const e = fakes.eventsOf(wf).find((x) => x.detail?.step === 'escalate:2:PT12H');
      expect(e?.detail).toMatchObject({ mailDelivery: 'delivered' });
      return e;
    });
    expect(level2?.detail).not.toHaveProperty('mailLate');
    const delivered = steps(wf);
    const duplicated = delivered.length - new Set(delivered).size;
    expect(duplicated).toBe(0);
    console.info(
      `[fault f] mail activity failing 30 h: mails expected ${expected.length + 1}, delivered ${delivered.length}, duplicated ${duplicated}; ` +
        `assignment ${((assignedAt - faultEnd) / 1000).toFixed(0)} s of server time after the fault, the rest ${((Math.max(assignedAt, ...othersAt) - assignedAt) / 1000).toFixed(0)} s after it; ` +
        `${fakes.failedMailAttempts} failed attempts; ${((performance.now() - realStart) / 1000).toFixed(1)} s real time`,
    );
    await finish(handle);
    // About 3,000 failed attempts, a few milliseconds each; more on a loaded machine.
  }, 300_000);

  it('a recipient rejecting for good: recorded as failed, the secretariat is told, nothing retried', async () => {
    fakes.bounce.add('gone@dondoc.local');
    const due = await dueIn(120);
    const input = itemInput(due, {
      policy: { remindBefore: ['PT60S'], escalateAfter: ['PT30S'] },
      lead: { ...SXD, contactEmail: 'gone@dondoc.local' },
    });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await sleepUntil(due.at + 60_000);
    await eventually(() =>
      expect(steps(wf)).toEqual([
        'assigned@1',
        'undelivered:assigned@1',
        'remind:PT60S@1',
        'undelivered:remind:PT60S@1',
        'overdue@1',
        'undelivered:overdue@1',
        'escalate:1:PT30S@1',
        'undelivered:escalate:1:PT30S@1',
      ]),
    );
    const notices = fakes.mailsOf(wf).filter((m) => m.kind === 'delivery_failed');
    expect(notices.map((m) => m.recipients)).toEqual([
      ['secretariat@dondoc.local'],
      ['secretariat@dondoc.local'],
      ['secretariat@dondoc.local'],
      ['secretariat@dondoc.local'],
    ]);
    expect(notices[0]?.undelivered?.kind).toBe('assigned');
    expect(notices[2]?.undelivered).toEqual({
      kind: 'overdue',
      step: 'overdue',
      stepAtMs: fakes.mailsOf(wf).find((m) => m.step === 'overdue')?.nowMs,
      failed: [{ recipient: 'gone@dondoc.local', error: '550' }],
    });
    expect(types(wf)).toEqual(['created', 'reminder_sent', 'overdue', 'escalated']);
    const [created, reminder, overdue, escalated] = await eventually(() => {
      const e = fakes.eventsOf(wf);
      expect(e.map((x) => x.detail?.mailDelivery)).not.toContain('pending');
      return e;
    });
    expect(created?.detail).toMatchObject({
      recipients: ['gone@dondoc.local'],
      mailDelivery: 'failed',
      failedRecipients: ['gone@dondoc.local'],
    });
    expect(reminder?.detail).toMatchObject({
      mailDelivery: 'failed',
      failedRecipients: ['gone@dondoc.local'],
    });
    expect(overdue?.detail).toMatchObject({
      mailDelivery: 'failed',
      failedRecipients: ['gone@dondoc.local'],
    });
    // The escalation reached the head, the secretariat and the committee head, not the lead.
    expect(escalated?.detail).toMatchObject({
      mailDelivery: 'partly_failed',
      failedRecipients: ['gone@dondoc.local'],
    });
    expect((await handle.query(itemStateQuery)).status).toBe('overdue');
    await finish(handle);
  });

  it('a local step that delivered its mail but could not record it: the durable attempt records it, never sends it twice (ADR 0028)', async () => {
    const due = await dueIn(3 * 3600);
    const input = itemInput(due, { policy: { remindBefore: ['PT1H'], escalateAfter: [] } });
    const wf = itemWorkflowId(input.itemId);
    fakes.unrecordLocally.add('remind:PT1H');
    const handle = await start(input);
    await sleepUntil(due.at - HOUR + MINUTE);
    const [, reminder] = await eventually(() => {
      const e = fakes.eventsOf(wf);
      expect(e.map((x) => x.detail?.mailDelivery)).toEqual(['delivered', 'delivered']);
      return e;
    });
    expect(reminder?.type).toBe('reminder_sent');
    expect(steps(wf)).toEqual(['assigned@1', 'remind:PT1H@1']);
    expect(fakes.carriedTo.get('remind:PT1H')).toEqual([
      expect.objectContaining({ key: `${wf}:remind:PT1H` }),
    ]);
    await finish(handle);
  });
});
