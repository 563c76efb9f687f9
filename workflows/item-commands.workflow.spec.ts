/**
 * The item workflow's commands (Updates) on the time-skipping server: weeks of reminders in milliseconds. Activities
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
import {
  acceptUpdate,
  cancelUpdate,
  changeDeadlineUpdate,
  decideExtensionUpdate,
  itemStateQuery,
  itemWorkflowId,
  reassignUpdate,
  reportProgressUpdate,
  requestExtensionUpdate,
  returnUpdate,
  submitUpdate,
  UPDATE_REJECTION,
} from '../libs/contracts/src';
import { nextWeeklyOverdueReminder, vnPublicSectorCalendar as calendar } from '../libs/domain/src';
import { eventually, itemInput, resultOf, SECRETARIAT, STC_USER, SXD } from './test/harness';
import { DAY, expectAt, HOUR, rejection, useItemWorkflowSuite } from './test/item-workflow-suite';

const suite = useItemWorkflowSuite();
const { fakes, start, sleepUntil, dueIn, finish, steps, types } = suite;

describe('item workflow: commands', () => {
  it('submit then accept before the due: completed on time, workflow ends, nothing more sent', async () => {
    const due = await dueIn(600);
    const input = itemInput(due);
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    const progress = await handle.executeUpdate(reportProgressUpdate, {
      args: [{ actor: STC_USER, note: 'Đã hoàn thành dự thảo', percent: 80 }],
    });
    expect(progress.progressPercent).toBe(80);
    // Read-your-writes: the event is recorded before the update returns.
    expect(types(wf)).toEqual(['created', 'progress_reported']);
    const submitted = await handle.executeUpdate(submitUpdate, {
      args: [{ actor: STC_USER, note: 'Đã trình UBND tỉnh' }],
    });
    expect(submitted.status).toBe('submitted');
    const done = await handle.executeUpdate(acceptUpdate, { args: [{ actor: SECRETARIAT }] });
    expect(done).toMatchObject({ status: 'completed', completedLate: false });
    const result = await resultOf(suite.env, handle);
    expect(result.status).toBe('completed');
    expect(types(wf)).toEqual(['created', 'progress_reported', 'submitted', 'completed']);
    expect(fakes.eventsOf(wf)[3]?.detail).toMatchObject({
      late: false,
      lateVsOriginal: false,
      lateVsAdjusted: false,
    });
    expect(fakes.projections.get(wf)).toMatchObject({
      status: 'completed',
      completedLate: false,
      version: 4,
    });
    expect(fakes.projections.get(wf)?.closedAt).toEqual(expect.any(Number));
    // The assignment mail (ADR 0024), the secretariat's of the report (patch 'submitted-mail')
    // and the closing one (ADR 0027): nothing fell due between.
    expect(steps(wf)).toEqual(['assigned@1', 'submitted-3@1', 'closed@1']);
    expect(fakes.mailsOf(wf)[1]).toMatchObject({
      kind: 'submitted',
      recipients: [input.secretariatEmail],
      reason: 'Đã trình UBND tỉnh',
    });
    expect(fakes.mailsOf(wf)[2]).toMatchObject({
      kind: 'completed',
      recipients: ['stc@dondoc.local'],
      item: { supportNames: [] },
    });
  });

  it('accepted after the due: completedLate', async () => {
    const due = await dueIn(100);
    const input = itemInput(due, { policy: { remindBefore: [], escalateAfter: [] } });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await sleepUntil(due.at + 10_000);
    await eventually(() => expect(types(wf)).toContain('overdue'));
    const submitted = await handle.executeUpdate(submitUpdate, {
      args: [{ actor: STC_USER, note: 'Xong' }],
    });
    expect(submitted.status).toBe('submitted');
    const done = await handle.executeUpdate(acceptUpdate, {
      args: [{ actor: SECRETARIAT, note: 'Đạt' }],
    });
    expect(done).toMatchObject({ status: 'completed', completedLate: true });
    expect(fakes.eventsOf(wf).at(-1)?.detail).toMatchObject({ late: true, lateVsOriginal: true });
    await resultOf(suite.env, handle);
  });

  it('validators reject without recording anything, with the domain’s messages', async () => {
    const due = await dueIn(600);
    const input = itemInput(due);
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await handle.query(itemStateQuery);
    await eventually(() => expect(types(wf)).toEqual(['created']));
    const history0 = (await handle.fetchHistory()).events?.length ?? 0;

    const notSubmitted = await rejection(
      handle.executeUpdate(acceptUpdate, { args: [{ actor: SECRETARIAT }] }),
    );
    expect(notSubmitted.type).toBe(UPDATE_REJECTION.invalidTransition);
    expect(notSubmitted.message).toBe('Không thể xác nhận hoàn thành khi nhiệm vụ đang thực hiện.');
    const badPercent = await rejection(
      handle.executeUpdate(reportProgressUpdate, {
        args: [{ actor: STC_USER, note: 'x', percent: 120 }],
      }),
    );
    expect(badPercent.type).toBe(UPDATE_REJECTION.invalidCommand);
    expect(badPercent.message).toContain('0 đến 100');
    const earlier = await rejection(
      handle.executeUpdate(requestExtensionUpdate, {
        args: [
          {
            actor: STC_USER,
            requestId: 'r0',
            due: { date: null, at: due.at - 1000 },
            reason: 'Cần thêm thời gian',
          },
        ],
      }),
    );
    expect(earlier.type).toBe(UPDATE_REJECTION.invalidCommand);
    const unknown = await rejection(
      handle.executeUpdate(decideExtensionUpdate, {
        args: [{ actor: SECRETARIAT, requestId: 'nope', approve: true }],
      }),
    );
    expect(unknown.type).toBe(UPDATE_REJECTION.notFound);
    const sameLead = await rejection(
      handle.executeUpdate(reassignUpdate, { args: [{ actor: SECRETARIAT, lead: input.lead }] }),
    );
    expect(sameLead.type).toBe(UPDATE_REJECTION.invalidCommand);

    expect(types(wf)).toEqual(['created']);
    const view = await handle.query(itemStateQuery);
    expect(view).toMatchObject({ status: 'open', seq: 1 });
    // Rejected in the validator: no update was accepted into the workflow history.
    const history = (await handle.fetchHistory()).events ?? [];
    expect(history.length).toBeGreaterThanOrEqual(history0);
    expect(history.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toHaveLength(0);
    await finish(handle);
  });

  it('return brings a submission back to open before the due, to overdue after it, weekly reminders from the return', async () => {
    const due = await dueIn(300);
    const input = itemInput(due, { policy: { remindBefore: [], escalateAfter: [] } });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await handle.executeUpdate(submitUpdate, { args: [{ actor: STC_USER, note: 'Xong' }] });
    const back = await handle.executeUpdate(returnUpdate, {
      args: [{ actor: SECRETARIAT, reason: 'Thiếu số liệu' }],
    });
    expect(back.status).toBe('open');
    await handle.executeUpdate(submitUpdate, { args: [{ actor: STC_USER, note: 'Bổ sung' }] });
    // The due passes while submitted: no overdue notice, status stays submitted.
    await sleepUntil(due.at + 30_000);
    const whileSubmitted = await handle.query(itemStateQuery);
    expect(whileSubmitted).toMatchObject({ status: 'submitted', doneSteps: ['overdue'] });
    const late = await handle.executeUpdate(returnUpdate, {
      args: [{ actor: SECRETARIAT, reason: 'Vẫn thiếu' }],
    });
    expect(late.status).toBe('overdue');
    const returnedAt = fakes.eventsOf(wf).at(-1)?.at ?? NaN;
    // Each report is put to the secretariat (patch 'submitted-mail'), each return to the agency.
    const sent = ['assigned@1', 'submitted-2@1', 'returned-3@1', 'submitted-4@1', 'returned-5@1'];
    await eventually(() => expect(steps(wf)).toEqual(sent));
    const returns = fakes.mailsAfterAssignment(wf).filter((m) => m.kind === 'returned');
    expect(returns.map((m) => m.reason)).toEqual(['Thiếu số liệu', 'Vẫn thiếu']);
    expect(types(wf)).toEqual(['created', 'submitted', 'returned', 'submitted', 'returned']);
    // Overdue again: the weekly reminder counts from the return, not from the missed due.
    const weekly = nextWeeklyOverdueReminder(returnedAt, calendar);
    await sleepUntil(weekly.at + 60_000);
    await eventually(() => expect(steps(wf)).toEqual([...sent, `${weekly.key}@1`]));
    expectAt(fakes.mailsAfterAssignment(wf)[4], weekly.key, weekly.at);
    await finish(handle);
  });

  it('a moved deadline is copied to the co-ordinating agencies, each address once (patch deadline-copy-mail)', async () => {
    const quiet = { remindBefore: [], escalateAfter: [] };
    const due = await dueIn(3 * 3600);
    const sxdAgain = {
      ...SXD,
      code: 'SXD2',
      name: 'Ban Quản lý dự án',
      contactEmail: ' SXD@dondoc.local',
    };
    const input = itemInput(due, { policy: quiet, support: [SXD, sxdAgain] });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await eventually(() => expect(steps(wf)).toContain('assigned@1'));
    const asked = await dueIn(6 * 3600);
    await handle.executeUpdate(requestExtensionUpdate, {
      args: [{ actor: STC_USER, requestId: 'e1', due: asked, reason: 'Chờ số liệu' }],
    });
    await handle.executeUpdate(decideExtensionUpdate, {
      args: [{ actor: SECRETARIAT, requestId: 'e1', approve: true }],
    });
    const changed = await dueIn(9 * 3600);
    await handle.executeUpdate(changeDeadlineUpdate, {
      args: [{ actor: SECRETARIAT, due: changed, reason: 'Chỉ đạo mới' }],
    });
    await eventually(() =>
      expect(fakes.mailsOf(wf).filter((m) => m.kind === 'deadline_copy')).toHaveLength(2),
    );
    const copies = fakes.mailsOf(wf).filter((m) => m.kind === 'deadline_copy');
    expect(copies[0]).toMatchObject({
      step: 'extension-e1-copy',
      deadlineVersion: 2,
      recipients: ['sxd@dondoc.local'],
      due: asked,
      previousDue: due,
    });
    expect(copies[1]).toMatchObject({
      deadlineVersion: 3,
      recipients: ['sxd@dondoc.local'],
      due: changed,
      previousDue: asked,
    });
    expect(copies[1]?.step).toMatch(/^deadline-\d+-copy$/);
    // The lead's own mails are unchanged: one each, to the lead.
    for (const kind of ['extension_approved', 'deadline_changed'] as const) {
      expect(
        fakes
          .mailsOf(wf)
          .filter((m) => m.kind === kind)
          .map((m) => m.recipients),
      ).toEqual([['stc@dondoc.local']]);
    }
    await finish(handle);
  });

  it('extension approved: due moves, original kept, re-planned with a new deadline version', async () => {
    const policy = { remindBefore: ['PT1H'], escalateAfter: ['PT30S'] };
    const due = await dueIn(3 * 3600);
    const input = itemInput(due, { policy });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    // 50 minutes of server time before the due for the commands below (they run in real time).
    await sleepUntil(due.at - 50 * 60_000);
    await eventually(() => expect(steps(wf)).toEqual(['assigned@1', 'remind:PT1H@1']));
    const newDue = await dueIn(6 * 3600);
    const req = {
      actor: STC_USER,
      requestId: 'ext-1',
      due: newDue,
      reason: 'Chờ ý kiến Bộ Tài chính',
    };
    const pending = await handle.executeUpdate(requestExtensionUpdate, { args: [req] });
    expect(pending.pendingExtension).toMatchObject({
      id: 'ext-1',
      due: newDue,
      requestedBy: 'stc@dondoc.local',
    });
    // Idempotent on requestId: the retried request changes nothing.
    const again = await handle.executeUpdate(requestExtensionUpdate, { args: [req] });
    expect(again.seq).toBe(pending.seq);
    const other = await rejection(
      handle.executeUpdate(requestExtensionUpdate, { args: [{ ...req, requestId: 'ext-2' }] }),
    );
    expect(other.type).toBe(UPDATE_REJECTION.invalidCommand);

    const approved = await handle.executeUpdate(decideExtensionUpdate, {
      args: [{ actor: SECRETARIAT, requestId: 'ext-1', approve: true }],
    });
    expect(approved).toMatchObject({
      status: 'open',
      due: newDue,
      originalDue: due,
      deadlineVersion: 2,
      pendingExtension: null,
      doneSteps: [],
    });
    // A retried decision is a no-op too.
    const twice = await handle.executeUpdate(decideExtensionUpdate, {
      args: [{ actor: SECRETARIAT, requestId: 'ext-1', approve: true }],
    });
    expect(twice.seq).toBe(approved.seq);

    // The old due passes without an overdue mark; the new schedule runs from the new due.
    await sleepUntil(due.at + HOUR);
    expect((await handle.query(itemStateQuery)).status).toBe('open');
    await sleepUntil(newDue.at + 40_000);
    await eventually(() =>
      expect(steps(wf)).toEqual([
        'assigned@1',
        'remind:PT1H@1',
        'extension-requested-ext-1@1',
        'extension-ext-1@2',
        'remind:PT1H@2',
        'overdue@2',
        'escalate:1:PT30S@2',
      ]),
    );
    const mails = fakes.mailsAfterAssignment(wf);
    expectAt(mails[3], 'remind:PT1H', newDue.at - HOUR);
    expectAt(mails[4], 'overdue', newDue.at);
    expectAt(mails[5], 'escalate:1:PT30S', newDue.at + 30_000);
    // The secretariat is told of the request at once, once (the retried request sent nothing).
    expect(mails[1]).toMatchObject({
      kind: 'extension_requested',
      recipients: [input.secretariatEmail],
      due,
      requestedDue: newDue,
      reason: 'Chờ ý kiến Bộ Tài chính',
    });
    expect(mails[2]).toMatchObject({ kind: 'extension_approved', due: newDue, previousDue: due });
    expect(mails[4]?.due).toEqual(newDue);
    expect(types(wf)).toEqual([
      'created',
      'reminder_sent',
      'extension_requested',
      'extension_approved',
      'reminder_sent',
      'overdue',
      'escalated',
    ]);
    expect(fakes.eventsOf(wf)[3]?.detail).toMatchObject({
      from: due,
      to: newDue,
      originalDue: due,
      deadlineVersion: 2,
    });
    expect(fakes.projections.get(wf)).toMatchObject({
      dueAt: newDue.at,
      originalDueAt: due.at,
      status: 'overdue',
    });
    await finish(handle);
  });

  it('extension approved while overdue brings the item back to open; rejected keeps the due', async () => {
    const due = await dueIn(60);
    const input = itemInput(due, { policy: { remindBefore: [], escalateAfter: [] } });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await sleepUntil(due.at + 5_000);
    await eventually(() => expect(types(wf)).toContain('overdue'));
    const ask = async (requestId: string, seconds: number) =>
      handle.executeUpdate(requestExtensionUpdate, {
        args: [{ actor: STC_USER, requestId, due: await dueIn(seconds), reason: 'Lý do' }],
      });
    await ask('a', 3600);
    const rejected = await handle.executeUpdate(decideExtensionUpdate, {
      args: [{ actor: SECRETARIAT, requestId: 'a', approve: false, reason: 'Không đủ căn cứ' }],
    });
    expect(rejected).toMatchObject({
      status: 'overdue',
      due,
      deadlineVersion: 1,
      pendingExtension: null,
    });
    await ask('b', 3600);
    const approved = await handle.executeUpdate(decideExtensionUpdate, {
      args: [{ actor: SECRETARIAT, requestId: 'b', approve: true }],
    });
    expect(approved).toMatchObject({ status: 'open', deadlineVersion: 2, originalDue: due });
    await eventually(() =>
      expect(steps(wf)).toEqual([
        'assigned@1',
        'overdue@1',
        'extension-requested-a@1',
        'extension-a@1',
        'extension-requested-b@1',
        'extension-b@2',
      ]),
    );
    expect(fakes.mailsOf(wf).map((m) => m.kind)).toEqual([
      'assigned',
      'overdue',
      'extension_requested',
      'extension_rejected',
      'extension_requested',
      'extension_approved',
    ]);
    await finish(handle);
  });

  it('reassign: the former lead is told, the new lead gets the mail from then on', async () => {
    // An hour of server time before the first reminder for the reassignment (real time).
    const due = await dueIn(2 * 3600);
    const input = itemInput(due, { policy: { remindBefore: ['PT1H'], escalateAfter: ['PT30S'] } });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    // The assignment mail and the reassignment's go to different agencies and run concurrently;
    // their order on the worker is not the workflow's (CI saw the reassignment's land first).
    await eventually(() => expect(steps(wf)).toEqual(['assigned@1']));
    const view = await handle.executeUpdate(reassignUpdate, {
      args: [{ actor: SECRETARIAT, lead: SXD, reason: 'Đúng chức năng' }],
    });
    expect(view.lead.code).toBe('SXD');
    await sleepUntil(due.at + 40_000);
    // The new lead's mail and the former lead's go out together, in either order.
    const inOrder = (s: string[]) => [s[0], ...s.slice(1, 3).sort(), ...s.slice(3)];
    await eventually(() =>
      expect(inOrder(steps(wf))).toEqual([
        'assigned@1',
        'reassigned-2@1',
        'reassigned-away-2@1',
        'remind:PT1H@1',
        'overdue@1',
        'escalate:1:PT30S@1',
      ]),
    );
    // The assignment went to the first lead, at the start; every later mail to the new one.
    expect(fakes.mailsOf(wf)[0]).toMatchObject({
      kind: 'assigned',
      recipients: ['stc@dondoc.local'],
      item: { leadName: 'Sở Tài chính' },
    });
    const [first, second, reminder, overdue, escalation] = fakes.mailsAfterAssignment(wf);
    const [notice, away] = first?.kind === 'reassigned' ? [first, second] : [second, first];
    expect(notice?.recipients).toEqual(['sxd@dondoc.local']);
    // The former lead: it no longer leads, its reminders stop (issue 11 blind check).
    expect(away).toMatchObject({
      kind: 'reassigned_away',
      recipients: ['stc@dondoc.local'],
      previousLeadName: 'Sở Tài chính',
      item: { leadName: 'Sở Xây dựng' },
    });
    expect(notice?.previousLeadName).toBe('Sở Tài chính');
    expect(notice?.item.leadName).toBe('Sở Xây dựng');
    // The new lead takes the item as it stands: its co-ordinators and recurrence (none here).
    expect(notice?.item).toMatchObject({ supportNames: [], recurrence: null });
    expect(reminder?.recipients).toEqual(['sxd@dondoc.local']);
    expect(reminder?.item.leadName).toBe('Sở Xây dựng');
    expect(overdue?.recipients).toEqual(['sxd@dondoc.local']);
    expect(escalation?.recipients).toEqual([
      'sxd-head@dondoc.local',
      'secretariat@dondoc.local',
      'sxd@dondoc.local',
    ]);
    expect(
      fakes
        .mailsAfterAssignment(wf)
        .filter((m) => m.kind !== 'reassigned_away')
        .flatMap((m) => m.recipients),
    ).not.toContain('stc@dondoc.local');
    expect(fakes.eventsOf(wf)[1]).toMatchObject({
      type: 'reassigned',
      detail: { from: 'STC', to: 'SXD' },
    });
    expect(fakes.projections.get(wf)?.leadCode).toBe('SXD');
    await finish(handle);
  });

  it('cancel: nothing more is sent and the workflow completes', async () => {
    // After the first reminder the next step is an hour of server time away: room for the cancel.
    const due = await dueIn(3 * 3600);
    const input = itemInput(due, {
      policy: { remindBefore: ['PT2H', 'PT1H'], escalateAfter: ['PT1H'] },
    });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await sleepUntil(due.at - 2 * HOUR + 60_000);
    await eventually(() => expect(steps(wf)).toEqual(['assigned@1', 'remind:PT2H@1']));
    const cancelled = await handle.executeUpdate(cancelUpdate, {
      args: [{ actor: SECRETARIAT, reason: 'Không còn phù hợp' }],
    });
    expect(cancelled.status).toBe('cancelled');
    const result = await resultOf(suite.env, handle);
    expect(result.status).toBe('cancelled');
    // Past every step it had (and a weekly reminder): nothing more than the closing mail.
    await suite.env.sleep(30 * DAY);
    expect(steps(wf)).toEqual(['assigned@1', 'remind:PT2H@1', 'closed@1']);
    expect(fakes.mailsOf(wf)[2]).toMatchObject({
      kind: 'cancelled',
      reason: 'Không còn phù hợp',
      recipients: ['stc@dondoc.local'],
    });
    expect(types(wf)).toEqual(['created', 'reminder_sent', 'cancelled']);
    expect(fakes.projections.get(wf)).toMatchObject({ status: 'cancelled', version: 3 });
  });
});
