import { foldOctets, itemInvite, itemInviteUid, type ItemInviteInput } from './item-invite';

/** Due Thursday 22/01/2026 (24:00+07 = 17:00Z). Python's icalendar reads invites in test/e2e. */
const input: ItemInviteInput = {
  itemId: '3f1c9a52-8a3b-4d7e-9a61-0d2c6b0b9e11',
  method: 'REQUEST',
  sequence: 1,
  dueAt: Date.parse('2026-01-22T17:00:00Z'),
  dueDate: '2026-01-22',
  remindBefore: ['P3D', 'P0D'],
  nowMs: Date.parse('2026-01-19T00:00:00Z'),
  code: '2.g.1',
  text: 'Tham mưu phương án bố trí kinh phí, báo cáo UBND tỉnh',
  leadName: 'Sở Tài chính',
  noticeTitle: null,
  url: 'http://localhost:3000/items/x',
  organizer: { name: 'Đôn Đốc', email: 'dondoc@dondoc.local' },
  attendees: [{ email: 'stc@dondoc.local', name: 'Sở Tài chính' }],
};
const unfold = (ics: string) => ics.replace(/\r?\n[ \t]/g, '');

describe('itemInvite', () => {
  it('is an all-day event on the due day with an alarm at each reminder still to come', () => {
    const ics = unfold(itemInvite(input));
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain(`UID:${itemInviteUid(input.itemId)}`);
    expect(ics).toContain('DTSTART;VALUE=DATE:20260122');
    expect(ics).toContain('DTEND;VALUE=DATE:20260123');
    expect(ics).toContain('SEQUENCE:1');
    // P3D = Monday 19/01 08:00+07 (01:00Z, after nowMs), P0D = Thursday 22/01 08:00+07.
    expect(ics.match(/TRIGGER;VALUE=DATE-TIME:\d{8}T\d{6}Z/g)).toEqual([
      'TRIGGER;VALUE=DATE-TIME:20260119T010000Z',
      'TRIGGER;VALUE=DATE-TIME:20260122T010000Z',
    ]);
    expect(ics).toContain('CN="Sở Tài chính"');
  });

  it('leaves out the alarms already past', () => {
    const ics = itemInvite({ ...input, nowMs: Date.parse('2026-01-20T00:00:00Z') });
    expect(ics.match(/BEGIN:VALARM/g)).toHaveLength(1);
  });

  it('a cancellation: the same UID, CANCELLED, no alarms', () => {
    const ics = unfold(itemInvite({ ...input, method: 'CANCEL', sequence: 2 }));
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:2');
    expect(ics).toContain(`UID:${itemInviteUid(input.itemId)}`);
    expect(ics).not.toContain('BEGIN:VALARM');
  });

  it('a deadline that is a day off is on the working day the law moves it to', () => {
    // Sunday 25/01/2026: due at the end of Monday 26/01.
    const ics = itemInvite({
      ...input,
      dueAt: Date.parse('2026-01-26T17:00:00Z'),
      dueDate: '2026-01-25',
    });
    expect(ics).toContain('DTSTART;VALUE=DATE:20260126');
    // Its description names the date as the mails do (issue 8 blind check: they disagreed).
    expect(unfold(ics)).toContain(
      'Thời hạn: ngày 25/01/2026 (trùng ngày nghỉ\\, hạn được tính đến hết ngày 26/01/2026)',
    );
    expect(unfold(itemInvite(input))).toContain('Thời hạn: ngày 22/01/2026\\n');
  });

  it('folds lines at 75 octets of UTF-8, never inside a character (RFC 5545 §3.1)', () => {
    const ics = itemInvite({ ...input, text: 'Đề nghị các sở, ngành rà soát '.repeat(8) });
    const octets = ics.split('\r\n').map((l) => new TextEncoder().encode(l).length);
    expect(Math.max(...octets)).toBeLessThanOrEqual(75);
    expect(ics).not.toContain('\uFFFD');
    expect(unfold(ics)).toContain('Đề nghị các sở\\, ngành rà soát Đề nghị');
    // Folding again changes nothing.
    expect(foldOctets(ics)).toBe(ics);
  });
});
