import type { RecordedEvent } from '../libs/contracts/src';
import type { MailCommand } from './item-transition';
import {
  deliveryDetail,
  pendingDelivery,
  undeliveredNotice,
  type MailOutcome,
} from './mail-delivery';

const mail: MailCommand = {
  step: 'escalate:1:P1D',
  kind: 'escalation',
  recipients: ['stc-head@dondoc.local', 'Secretariat@dondoc.local', 'stc@dondoc.local'],
  deadlineVersion: 2,
  due: { date: '2026-03-02', at: Date.parse('2026-03-02T17:00:00Z') },
  leadName: 'Sở Tài chính',
  leadCode: 'STC',
  level: 1,
};
const at = Date.parse('2026-03-04T01:00:00Z');
const outcome = (failed: string[], late = false): MailOutcome => ({
  mail,
  failed: failed.map((recipient) => ({ recipient, error: '550: 5.1.1 User unknown' })),
  late,
});

describe('deliveryDetail', () => {
  it.each([
    ['every recipient got it', [], false, { mailDelivery: 'delivered', mailSettledAt: at }],
    [
      'one rejected it',
      ['stc@dondoc.local'],
      false,
      { mailDelivery: 'partly_failed', failedRecipients: ['stc@dondoc.local'], mailSettledAt: at },
    ],
    [
      'all rejected it',
      ['stc-head@dondoc.local', 'secretariat@dondoc.local', 'STC@dondoc.local'],
      false,
      {
        mailDelivery: 'failed',
        failedRecipients: ['stc-head@dondoc.local', 'secretariat@dondoc.local', 'stc@dondoc.local'],
        mailSettledAt: at,
      },
    ],
    ['late', [], true, { mailDelivery: 'delivered', mailSettledAt: at, mailLate: true }],
  ] as const)('%s', (_what, failed, late, detail) => {
    expect(deliveryDetail([outcome([...failed], late)], at)).toEqual(detail);
  });

  it('a step event is recorded pending, keeping its own keys', () => {
    const event: RecordedEvent = {
      seq: 7,
      type: 'escalated',
      at: at - 1000,
      actor: null,
      detail: { step: mail.step, level: 1 },
    };
    expect(pendingDelivery([event])).toEqual([
      { ...event, detail: { step: mail.step, level: 1, mailDelivery: 'pending' } },
    ]);
  });
});

describe('undeliveredNotice', () => {
  it('tells the secretariat which recipients rejected the mail, as a mail of its own step', () => {
    expect(
      undeliveredNotice(outcome(['stc@dondoc.local']), at, 'secretariat@dondoc.local'),
    ).toEqual({
      step: 'undelivered:escalate:1:P1D',
      kind: 'delivery_failed',
      recipients: ['secretariat@dondoc.local'],
      deadlineVersion: 2,
      due: mail.due,
      leadName: 'Sở Tài chính',
      leadCode: 'STC',
      undelivered: {
        kind: 'escalation',
        step: 'escalate:1:P1D',
        stepAtMs: at,
        failed: [{ recipient: 'stc@dondoc.local', error: '550: 5.1.1 User unknown' }],
      },
    });
  });

  it('nothing to tell, or no way to tell it', () => {
    expect(undeliveredNotice(outcome([]), at, 'secretariat@dondoc.local')).toBeNull();
    // The secretariat's own address rejected it: telling it there would fail the same way.
    expect(
      undeliveredNotice(outcome(['secretariat@dondoc.local']), at, 'Secretariat@dondoc.local'),
    ).toBeNull();
    const notice = undeliveredNotice(outcome(['stc@dondoc.local']), at, 'secretariat@dondoc.local');
    expect(
      undeliveredNotice({ mail: notice!, failed: outcome(['x'])['failed'], late: false }, at, 'y'),
    ).toBeNull();
  });
});
