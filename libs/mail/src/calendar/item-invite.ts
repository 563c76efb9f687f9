import { createEvent, type DateArray, type EventAttributes } from 'ics';
import {
  addDays,
  dueDayOf,
  civilParts,
  formatVnDate,
  planSchedule,
  vnPublicSectorCalendar,
  type CivilDate,
  type WorkingCalendar,
} from '../../../domain/src';

/**
 * The calendar invite an item's mail carries (issue 11, ADR 0027): an all-day event on the day the
 * item is due, one per item (a stable UID), so that a later invite replaces the earlier one in
 * the agency's calendar and a cancellation removes it.
 */
export interface ItemInviteInput {
  readonly itemId: string;
  /** REQUEST adds or updates the event; CANCEL removes it (the item is closed). */
  readonly method: 'REQUEST' | 'CANCEL';
  /**
   * Orders the invites of one item: the deadline version for a REQUEST; a CANCEL sends one more
   * than the last version, so it supersedes every invite sent before it.
   */
  readonly sequence: number;
  /** The legal due instant (epoch ms): the event is on the local day it ends. */
  readonly dueAt: number;
  /** The literal due date, when the deadline was a date (the reminders count from it). */
  readonly dueDate?: CivilDate | null;
  /** The reminder plan's offsets ('P3D', 'PT2H'): one alarm each, at the reminder's instant. */
  readonly remindBefore: readonly string[];
  /** Alarms at or before this instant are left out (they would ring at once). */
  readonly nowMs: number;
  readonly code: string | null;
  readonly text: string;
  readonly leadName: string;
  readonly noticeTitle: string | null;
  readonly url: string;
  readonly organizer: { readonly name: string; readonly email: string };
  /** Who the mail goes to: an address and the agency's name when known. */
  readonly attendees: readonly { readonly email: string; readonly name?: string }[];
  readonly calendar?: WorkingCalendar;
}

/** `<itemId>@dondoc`: the same for every invite of the item, whatever the deadline version. */
export const itemInviteUid = (itemId: string): string => `${itemId}@dondoc`;

const dateArray = (d: CivilDate): DateArray => {
  const p = civilParts(d);
  return [p.year, p.month, p.day];
};

const shorten = (s: string, max: number): string => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
};

/** The .ics text of the invite (RFC 5545, iTIP method as given); throws if `ics` refuses it. */
export function itemInvite(input: ItemInviteInput): string {
  const day = dueDayOf(input.dueAt);
  const calendar = input.calendar ?? vnPublicSectorCalendar;
  const reminders = planSchedule({
    dueAt: input.dueAt,
    ...(input.dueDate ? { dueDate: input.dueDate } : {}),
    policy: { remindBefore: input.remindBefore, escalateAfter: [] },
    calendar,
  }).filter((s) => s.kind === 'reminder' && s.at > input.nowMs);
  const label = input.code ? `${input.code}: ` : '';
  const named = input.code ? `Nhiệm vụ ${input.code}: ` : 'Nhiệm vụ: ';
  const event: EventAttributes = {
    uid: itemInviteUid(input.itemId),
    method: input.method,
    sequence: input.sequence,
    status: input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    productId: '-//Don Doc//Nhiem vu//VI',
    start: dateArray(day),
    end: dateArray(addDays(day, 1)),
    title: `Hạn nhiệm vụ ${label}${shorten(input.text, 80)}`,
    description: [
      input.method === 'CANCEL' ? 'Nhiệm vụ đã kết thúc; sự kiện này được gỡ khỏi lịch.' : null,
      `${named}${input.text.trim()}`,
      // The date the notice named, as the mails give it: the event sits on the day it runs to.
      input.dueDate && input.dueDate !== day
        ? `Thời hạn: ngày ${formatVnDate(input.dueDate)} (trùng ngày nghỉ, hạn được tính đến hết ngày ${formatVnDate(day)})`
        : `Thời hạn: ngày ${formatVnDate(day)}`,
      `Cơ quan chủ trì: ${input.leadName}`,
      input.noticeTitle ? `Theo: ${input.noticeTitle}` : null,
      `Xem và báo cáo: ${input.url}`,
    ]
      .filter((l): l is string => l !== null)
      .join('\n'),
    url: input.url,
    transp: 'TRANSPARENT',
    busyStatus: 'FREE',
    organizer: { name: input.organizer.name, email: input.organizer.email },
    attendees: input.attendees.map(({ email, name }) => ({
      email,
      name: name ?? email,
      rsvp: false,
      role: 'REQ-PARTICIPANT',
      partstat: 'NEEDS-ACTION',
    })),
    ...(input.method === 'REQUEST' && reminders.length > 0
      ? {
          alarms: reminders.map((r) => ({
            action: 'display' as const,
            // No commas: the library leaves an alarm's text unescaped.
            description: `Nhắc hạn nhiệm vụ ${input.code ?? ''} - ${input.leadName}`.replace(
              /[,;]/g,
              ' ',
            ),
            trigger: r.at,
          })),
        }
      : {}),
  };
  const { error, value } = createEvent(event);
  if (error || !value) throw error ?? new Error('ics: no calendar text');
  return foldOctets(value);
}

const utf8 = new TextEncoder();

/**
 * Lines folded at 75 octets, as RFC 5545 §3.1 says: the library folds at 75 characters, and a
 * Vietnamese line is longer than that in UTF-8 (strict clients refuse it). Never inside a
 * character: a fold goes before the character that would cross the limit.
 */
export function foldOctets(ics: string): string {
  const lines = ics.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const folded = lines.map((line) => {
    const parts: string[] = [];
    let part = '';
    let size = 0;
    for (const ch of line) {
      const n = utf8.encode(ch).length;
      // The first line holds 75 octets; each continuation 74 after its leading space.
      if (size + n > (parts.length === 0 ? 75 : 74)) {
        parts.push(part);
        part = '';
        size = 0;
      }
      part += ch;
      size += n;
    }
    parts.push(part);
    return parts.join('\r\n ');
  });
  return folded.join('\r\n');
}
