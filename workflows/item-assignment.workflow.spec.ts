/**
 * The assignment mail (patch 'assignment-mail', ADR 0024) on the time-skipping server: a new
 * item's lead agency is told of its assignment once, the co-ordinating agencies get a copy, and
 * neither a restored run, a continued run nor a recurring item's next period sends it again.
 */
import {
  acceptUpdate,
  itemStateQuery,
  itemWorkflowId,
  submitUpdate,
  type AgencyRef,
  type ItemWorkflowInput,
} from '../libs/contracts/src';
import { addDays, civilDateAt, vnPublicSectorCalendar as calendar } from '../libs/domain/src';
import { eventually, itemInput, SECRETARIAT, STC_USER, SXD } from './test/harness';
import { DAY, dueOn, SLACK, useItemWorkflowSuite } from './test/item-workflow-suite';

const suite = useItemWorkflowSuite();
const { fakes, start, sleepUntil, dueIn, finish, steps, types } = suite;

const SNMT: AgencyRef = {
  code: 'SNNMT',
  name: 'Sở Nông nghiệp và Môi trường',
  contactEmail: 'snnmt@dondoc.local',
  headEmail: null,
};
const QUIET = { remindBefore: [], escalateAfter: [] };

describe('item workflow: assignment mail (ADR 0024)', () => {
  it('a new item: one mail to the lead with the facts, one copy to the co-ordinating agencies, the created event names them', async () => {
    const t0 = await suite.env.currentTimeMs();
    const due = await dueIn(3 * 3600);
    const input = itemInput(due, {
      support: [SXD, SNMT],
      noticeIssuedOn: '2026-11-20',
      policy: { remindBefore: ['PT1H'], escalateAfter: [] },
    });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await eventually(() => expect(steps(wf)).toHaveLength(2));
    const assigned = fakes.mailsOf(wf).find((m) => m.kind === 'assigned');
    const copy = fakes.mailsOf(wf).find((m) => m.kind === 'assigned_copy');
    expect(assigned).toMatchObject({
      step: 'assigned',
      deadlineVersion: 1,
      recipients: ['stc@dondoc.local'],
      due,
      item: {
        code: '2.a',
        text: input.text,
        noticeNumber: '12/TB-BCĐ',
        noticeIssuedOn: '2026-11-20',
        leadName: 'Sở Tài chính',
        leadCode: 'STC',
        supportNames: ['Sở Xây dựng', 'Sở Nông nghiệp và Môi trường'],
        recurrence: null,
      },
    });
    // Sent at the start (workflow time), not at a schedule step.
    expect(assigned?.nowMs).toBeGreaterThanOrEqual(t0);
    expect(assigned?.nowMs).toBeLessThan(t0 + SLACK);
    expect(copy).toMatchObject({
      step: 'assigned:support',
      recipients: ['sxd@dondoc.local', 'snnmt@dondoc.local'],
      item: { leadCode: 'STC', supportNames: ['Sở Xây dựng', 'Sở Nông nghiệp và Môi trường'] },
    });
    await eventually(() =>
      expect(fakes.eventsOf(wf)[0]).toMatchObject({
        type: 'created',
        detail: {
          lead: 'STC',
          support: ['SXD', 'SNNMT'],
          recipients: ['stc@dondoc.local', 'sxd@dondoc.local', 'snnmt@dondoc.local'],
          mailDelivery: 'delivered',
        },
      }),
    );
    // Past the reminder and the deadline: the assignment is never sent again.
    await sleepUntil(due.at + 60_000);
    await eventually(() =>
      expect(steps(wf)).toEqual(
        expect.arrayContaining(['assigned@1', 'assigned:support@1', 'remind:PT1H@1', 'overdue@1']),
      ),
    );
    expect(steps(wf).filter((s) => s.startsWith('assigned'))).toHaveLength(2);
    expect(fakes.mailsAfterAssignment(wf).map((m) => m.step)).toEqual(['remind:PT1H', 'overdue']);
    await finish(handle);
  });

  it('no copy when the item has no co-ordinating agency, nor to a co-ordinating agency sharing the lead address', async () => {
    const input = itemInput(null, {
      support: [{ ...SXD, contactEmail: 'STC@dondoc.local' }],
    });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await eventually(() =>
      expect(fakes.eventsOf(wf)[0]?.detail).toMatchObject({ mailDelivery: 'delivered' }),
    );
    expect(steps(wf)).toEqual(['assigned@1']);
    expect(fakes.eventsOf(wf)[0]?.detail).toMatchObject({ recipients: ['stc@dondoc.local'] });
    await finish(handle);
  });

  it('a recurring item: the first mail names the recurrence; the next period is told, not assigned again', async () => {
    const t0 = await suite.env.currentTimeMs();
    let date = civilDateAt(t0 + 10 * DAY);
    while (!calendar.isWorkingDay(date)) date = addDays(date, 1);
    const recurrence = { frequency: 'monthly' as const, day: Math.min(Number(date.slice(8)), 28) };
    const input = itemInput(dueOn(date), { policy: QUIET, recurrence });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await eventually(() => expect(steps(wf)).toEqual(['assigned@1']));
    expect(fakes.mailsOf(wf)[0]?.item.recurrence).toEqual(recurrence);
    const firstRun = (await handle.describe()).runId;
    await handle.executeUpdate(submitUpdate, {
      args: [{ actor: STC_USER, note: 'Báo cáo tháng' }],
    });
    await handle.executeUpdate(acceptUpdate, {
      args: [{ actor: SECRETARIAT, note: 'Đủ số liệu.' }],
    });
    const latest = suite.env.client.workflow.getHandle(wf);
    // The next period is a new run (continue-as-new): wait for it.
    while ((await latest.describe()).runId === firstRun) await suite.env.sleep(1000);
    await eventually(() =>
      expect(types(wf)).toEqual(['created', 'submitted', 'completed', 'created']),
    );
    await suite.env.sleep(DAY);
    expect(fakes.eventsOf(wf)[3]?.detail).toMatchObject({ period: true });
    expect(fakes.eventsOf(wf)[3]?.detail).not.toHaveProperty('recipients');
    // The period's report went to the secretariat (patch 'submitted-mail'); no second assignment,
    // but the lead is told the next period's deadline (patch 'period-mail').
    expect(steps(wf)).toEqual(['assigned@1', 'submitted-2@1', 'period-2@2']);
    // It carries the office's note on the accepted period (its closing mail is not sent).
    expect(fakes.mailsOf(wf)[2]).toMatchObject({
      kind: 'period_opened',
      recipients: ['stc@dondoc.local'],
      reason: 'Đủ số liệu.',
      completedLate: false,
    });
    await finish(latest);
  });

  it('a continued run (continue-as-new carries the state) sends no assignment', async () => {
    const input = itemInput(null, { policy: QUIET });
    const wf = itemWorkflowId(input.itemId);
    const handle = await start(input);
    await eventually(() => expect(steps(wf)).toEqual(['assigned@1']));
    const view = await handle.query(itemStateQuery);
    await finish(handle);
    // The input of the run continue-as-new starts: the same item, its state carried.
    const carried: ItemWorkflowInput = {
      ...input,
      itemId: `${input.itemId.slice(0, -4)}cafe`,
      carried: {
        ...view,
        status: 'open',
        lastWeeklyReminderAt: null,
        closedAt: null,
        submittedAt: null,
        decidedExtensionIds: [],
      },
    };
    const next = await start(carried);
    const wf2 = itemWorkflowId(carried.itemId);
    await suite.env.sleep(DAY);
    expect(steps(wf2)).toEqual([]);
    expect(types(wf2)).toEqual([]);
    await finish(next);
  });

  it('a restored run (ADR 0022) does not send the assignment again, and goes on with the schedule', async () => {
    const due = await dueIn(3 * 3600);
    const input = itemInput(due, {
      support: [SXD],
      policy: { remindBefore: ['PT1H'], escalateAfter: [] },
    });
    const wf = itemWorkflowId(input.itemId);
    const lost = await start(input);
    await eventually(() =>
      expect(fakes.eventsOf(wf)[0]?.detail).toMatchObject({ mailDelivery: 'delivered' }),
    );
    await lost.terminate('Temporal lost it');
    const h = await start({ ...input, restore: fakes.restoreSource(wf) });
    await eventually(() => expect(types(wf)).toEqual(['created', 'restored']));
    await sleepUntil(due.at - 3600_000 + 60_000);
    await eventually(() =>
      expect([...steps(wf)].sort()).toEqual(['assigned:support@1', 'assigned@1', 'remind:PT1H@1']),
    );
    await finish(h);
  }, 180_000);
});
