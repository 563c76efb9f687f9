import type { AuthenticatedUser } from '../auth/authenticated-user';

export interface ItemParties {
  readonly leadCode: string;
  readonly supportCodes: readonly string[];
}

/** Secretariat and committee head read every item; an agency reads the items it leads or supports. */
export function canRead(user: AuthenticatedUser, item: ItemParties): boolean {
  if (user.role !== 'agency') return true;
  return (
    user.agencyCode !== null &&
    (item.leadCode === user.agencyCode || item.supportCodes.includes(user.agencyCode))
  );
}

/** Progress, submission and extension requests come from the lead agency only. */
export function isLeadAgency(user: AuthenticatedUser, item: ItemParties): boolean {
  return user.role === 'agency' && user.agencyCode !== null && item.leadCode === user.agencyCode;
}
