import { MailDeliveryError, toMailDeliveryError } from './mailer';

const smtpError = (responseCode: number | undefined, code: string) =>
  Object.assign(new Error(`smtp ${responseCode ?? code}`), { responseCode, code });

describe('toMailDeliveryError', () => {
  it.each([
    [550, 'EENVELOPE', true],
    [553, 'EENVELOPE', true],
    [554, 'EMESSAGE', true],
    [535, 'EAUTH', true],
    [503, 'EENVELOPE', false], // bad sequence: a new connection may succeed
    [450, 'EENVELOPE', false],
    [421, 'EENVELOPE', false],
    [452, 'EMESSAGE', false],
  ])('reply %i (%s) → permanent %s', (responseCode, code, permanent) => {
    const e = toMailDeliveryError(smtpError(responseCode, code));
    expect(e).toBeInstanceOf(MailDeliveryError);
    expect(e.permanent).toBe(permanent);
    expect(e.responseCode).toBe(responseCode);
  });

  it.each([
    ['ECONNECTION', false],
    ['ESOCKET', false],
    ['ETIMEDOUT', false],
    ['EDNS', false],
    ['EENVELOPE', true], // invalid address rejected before any SMTP reply
    ['ECONFIG', true],
  ])('no reply, code %s → permanent %s', (code, permanent) => {
    expect(toMailDeliveryError(smtpError(undefined, code)).permanent).toBe(permanent);
  });

  it('anything else is transient', () => {
    expect(toMailDeliveryError('boom').permanent).toBe(false);
    expect(toMailDeliveryError(new Error('x')).permanent).toBe(false);
  });
});
