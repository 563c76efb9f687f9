import {
  classifyMailFault,
  isRecipientRejection,
  MailDeliveryError,
  toMailDeliveryError,
  type MailFault,
} from './mailer';

/** An error shaped as nodemailer throws it (code, command, response, responseCode). */
const smtpError = (
  code: string,
  command?: string,
  response?: string,
  message = `smtp ${response ?? code}`,
) =>
  Object.assign(new Error(message), {
    code,
    ...(command === undefined ? {} : { command }),
    ...(response === undefined ? {} : { response, responseCode: Number(response.slice(0, 3)) }),
  });

describe('classifyMailFault: only a per-recipient rejection is final', () => {
  it.each<[string, string, string, MailFault]>([
    // The recipient's mailbox or address: final for that address.
    [
      'EENVELOPE',
      'RCPT TO',
      '550 5.1.1 <x@dondoc.local>: Recipient address rejected: User unknown',
      'recipient',
    ],
    ['EENVELOPE', 'RCPT TO', '550 5.1.2 Bad destination system address', 'recipient'],
    ['EENVELOPE', 'RCPT TO', '553 5.1.3 Bad destination mailbox address syntax', 'recipient'],
    ['EENVELOPE', 'RCPT TO', '552 5.2.2 Mailbox full', 'recipient'],
    ['EENVELOPE', 'RCPT TO', '550 5.2.1 Mailbox disabled', 'recipient'],
    ['EENVELOPE', 'RCPT TO', '550 No such user here', 'recipient'],
    ['EENVELOPE', 'RCPT TO', '551 User not local', 'recipient'],
    // Relay refusals and policies: ours, whatever the basic code.
    ['EENVELOPE', 'RCPT TO', '554 5.7.1 <x@example.org>: Relay access denied', 'refused'],
    ['EENVELOPE', 'RCPT TO', '550 5.7.1 Unable to relay', 'refused'],
    ['EENVELOPE', 'RCPT TO', '550 Relaying denied', 'refused'],
    ['EENVELOPE', 'RCPT TO', '550 Sender blocked by policy', 'refused'],
    ['EENVELOPE', 'RCPT TO', '554 Transaction failed', 'refused'],
    ['EENVELOPE', 'RCPT TO', '550 5.4.4 Unable to route', 'refused'],
    ['EENVELOPE', 'MAIL FROM', '553 5.1.8 Sender address rejected: Domain not found', 'refused'],
    ['EENVELOPE', 'MAIL FROM', '550 5.7.1 Sender not allowed', 'refused'],
    ['EENVELOPE', 'DATA', '554 5.6.0 Message rejected', 'refused'],
    ['EMESSAGE', 'DATA', '552 5.3.4 Message size exceeds fixed limit', 'refused'],
    ['EENVELOPE', 'RCPT TO', '503 5.5.1 Bad sequence of commands', 'refused'],
    // Our credentials.
    ['EAUTH', 'AUTH PLAIN', '535 5.7.8 Authentication credentials invalid', 'authentication'],
    ['EAUTH', 'AUTH LOGIN', '454 4.7.0 Temporary authentication failure', 'authentication'],
    ['EENVELOPE', 'MAIL FROM', '530 5.7.0 Authentication required', 'authentication'],
    ['EENVELOPE', 'MAIL FROM', '534 5.7.9 Authentication mechanism is too weak', 'authentication'],
    // Try later.
    ['EENVELOPE', 'RCPT TO', '450 4.2.1 Mailbox busy', 'temporary'],
    ['EENVELOPE', 'RCPT TO', '452 4.2.2 Mailbox full', 'temporary'],
    ['EPROTOCOL', 'CONN', '421 4.4.2 Service not available', 'temporary'],
  ])('%s after %s "%s" → %s', (code, command, response, fault) => {
    expect(classifyMailFault(smtpError(code, command, response))).toBe(fault);
    expect(toMailDeliveryError(smtpError(code, command, response)).permanent).toBe(
      fault === 'recipient',
    );
  });

  it.each<[string, string | undefined, MailFault]>([
    ['ESOCKET', 'CONN', 'unreachable'], // connect ECONNREFUSED
    ['ECONNECTION', 'CONN', 'unreachable'],
    ['ETIMEDOUT', 'CONN', 'unreachable'],
    ['EDNS', 'CONN', 'unreachable'],
    ['ETLS', 'STARTTLS', 'unreachable'],
    ['ENOAUTH', 'API', 'authentication'],
    ['ECONFIG', undefined, 'local'],
    ['EMESSAGE', undefined, 'local'],
    ['EENVELOPE', 'API', 'local'], // "No recipients defined", "Invalid sender": our bug, not theirs
  ])('no reply, %s (%s) → %s', (code, command, fault) => {
    expect(classifyMailFault(smtpError(code, command))).toBe(fault);
  });

  it('an address nodemailer cannot use is a recipient fault', () => {
    const err = smtpError('EENVELOPE', 'API', undefined, 'Invalid recipient "not an address"');
    expect(classifyMailFault(err)).toBe('recipient');
  });

  it('anything unclassified is worth retrying', () => {
    expect(toMailDeliveryError('boom').fault).toBe('unreachable');
    expect(toMailDeliveryError(new Error('socket hang up')).permanent).toBe(false);
    const e = toMailDeliveryError(smtpError('EAUTH', 'AUTH PLAIN', '535 5.7.8 Bad credentials'));
    expect(e).toBeInstanceOf(MailDeliveryError);
    expect(e).toMatchObject({ fault: 'authentication', permanent: false, responseCode: 535 });
    expect(toMailDeliveryError(e)).toBe(e);
  });

  it('isRecipientRejection reads the enhanced code before the basic one', () => {
    expect(isRecipientRejection(550, '550 5.1.1 User unknown')).toBe(true);
    expect(isRecipientRejection(554, '554 5.1.1 User unknown')).toBe(true);
    expect(isRecipientRejection(550, '550 5.7.1 User unknown')).toBe(false);
    expect(isRecipientRejection(554, '554 mailbox unavailable')).toBe(false);
    expect(isRecipientRejection(450, '450 4.1.1 Try later')).toBe(false);
    expect(isRecipientRejection(550, '550-5.1.1 The email account does not exist')).toBe(true);
  });
});
