/** Where an escalation goes; addresses only, so the rule stays independent of how agencies are stored. */
export interface EscalationParties {
  /** The lead agency's contact (who gets its reminders). */
  readonly leadContact: string;
  /** The lead agency's head, when known. */
  readonly leadHead: string | null;
  readonly secretariat: string;
  readonly committeeHead: string;
}

/**
 * Recipients of an escalation of `level` (the position of its `escalateAfter` entry, from 1):
 * level 1 goes to the agency head and the secretariat, copying the lead's contact; level 2 and
 * above go to the committee head (DESIGN.md, "Deadlines, calendar and reminders").
 */
export function escalationRecipients(level: number, parties: EscalationParties): string[] {
  if (level >= 2) return [parties.committeeHead];
  return [parties.leadHead, parties.secretariat, parties.leadContact].filter(
    (a): a is string => !!a,
  );
}
