import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { ApplicationFailure } from '@temporalio/common';
import {
  MAIL_PERMANENT,
  MAIL_TRANSIENT,
  type PerformItemStepInput,
  type RecordedEvent,
  type SendItemMailInput,
} from '../libs/contracts/src';
import { createItemStepActivities, type ItemStepParts } from './item-step.activities';

const STEP_AT = Date.parse('2026-03-01T01:00:00Z');

const mail = (step: string, recipients: string[]): SendItemMailInput => ({
  workflowId: 'item-abc',
  itemId: '00000000-0000-4000-8000-000000000001',
  step,
  deadlineVersion: 1,
  kind: 'reminder',
  recipients,
  item: { code: '1', text: 'Nộp báo cáo', noticeTitle: null, noticeNumber: null, leadName: 'STC' },
  due: { date: null, at: STEP_AT + 86_400_000 },
  nowMs: STEP_AT,
});

const event = (seq: number): RecordedEvent =>
  ({
    seq,
    type: 'reminder_sent',
    at: STEP_AT,
    detail: { mailDelivery: 'pending' },
  }) as unknown as RecordedEvent;

function stepInput(mails: SendItemMailInput[], events = [event(3)]): PerformItemStepInput {
  return {
    record: {
      itemId: '00000000-0000-4000-8000-000000000001',
      workflowId: 'item-abc',
      events,
      projection: { version: 3 } as unknown as PerformItemStepInput['record']['projection'],
    },
    mails,
  };
}

/** Parts that log what they were asked, in order; `send` decides each mail's fate. */
function parts(send: (m: SendItemMailInput) => Promise<void> = () => Promise.resolve()) {
  const calls: string[] = [];
  const p: ItemStepParts = {
    recordEvents: (i) => {
      calls.push(`record ${i.events.map((e) => e.seq).join(',')}`);
      return Promise.resolve({ inserted: i.events.length, projected: true });
    },
    sendItemMail: async (m) => {
      calls.push(`send ${m.step}`);
      await send(m);
      return { sent: [...m.recipients], skipped: [] };
    },
    recordMailDelivery: (i) => {
      calls.push(`delivery ${i.seq} ${JSON.stringify(i.delivery)}`);
      return Promise.resolve({ updated: true });
    },
  };
  return { calls, ...createItemStepActivities(p) };
}

const env = () =>
  new MockActivityEnvironment(
    { isLocal: true, currentAttemptScheduledTimestampMs: STEP_AT + 2000 },
    { logger: new DefaultLogger('ERROR') },
  );

describe('performItemStep (ADR 0028)', () => {
  it('records the step pending, sends its mails, then records how they went', async () => {
    const { calls, performItemStep } = parts();
    const result = await env().run(
      performItemStep,
      stepInput([mail('remind-P1D', ['stc@x.vn']), mail('copy', ['snv@x.vn'])]),
    );
    expect(result).toEqual({
      outcomes: [
        { failed: [], late: false },
        { failed: [], late: false },
      ],
    });
    expect(calls).toEqual([
      'record 3',
      'send remind-P1D',
      'send copy',
      `delivery 3 ${JSON.stringify({ mailDelivery: 'delivered', mailSettledAt: STEP_AT + 2000 })}`,
    ]);
  });

  it("a recipient's rejection for good is an outcome: the others still get theirs", async () => {
    const { calls, performItemStep } = parts((m) =>
      m.step === 'bad'
        ? Promise.reject(
            ApplicationFailure.nonRetryable('550', MAIL_PERMANENT, {
              failed: [{ recipient: 'gone@x.vn', error: '550' }],
            }),
          )
        : Promise.resolve(),
    );
    const result = await env().run(
      performItemStep,
      stepInput([mail('bad', ['gone@x.vn']), mail('good', ['stc@x.vn'])]),
    );
    expect(result).toEqual({
      outcomes: [
        { failed: [{ recipient: 'gone@x.vn', error: '550' }], late: false },
        { failed: [], late: false },
      ],
    });
    expect(calls.at(-1)).toContain('"mailDelivery":"partly_failed"');
    expect(calls.at(-1)).toContain('"failedRecipients":["gone@x.vn"]');
  });

  it('any other failure is thrown after the record, the events left pending for the durable path', async () => {
    const { calls, performItemStep } = parts(() =>
      Promise.reject(ApplicationFailure.retryable('ECONNREFUSED', MAIL_TRANSIENT)),
    );
    await expect(
      env().run(performItemStep, stepInput([mail('remind-P1D', ['stc@x.vn'])])),
    ).rejects.toThrow('ECONNREFUSED');
    expect(calls).toEqual(['record 3', 'send remind-P1D']);
  });

  it('a step without events records nothing before its mails', async () => {
    const { calls, performItemStep } = parts();
    await env().run(performItemStep, stepInput([mail('notice', ['vp@x.vn'])], []));
    expect(calls).toEqual(['send notice']);
  });
});
