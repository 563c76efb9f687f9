/**
 * The secretariat's rules for accounts (ADR 0020): an agency user belongs to exactly one agency,
 * the other roles to none; a secretariat neither disables nor demotes itself, and the last active
 * secretariat stays, so that someone can always administer.
 */
export type AccountRole = 'secretariat' | 'committee_head' | 'agency';

export interface AccountShape {
  readonly role: AccountRole;
  readonly agencyCode: string | null;
}

export type AccountShapeProblem = 'agency_required' | 'agency_not_allowed';

export function accountShapeProblem(a: AccountShape): AccountShapeProblem | null {
  if (a.role === 'agency') return a.agencyCode === null ? 'agency_required' : null;
  return a.agencyCode === null ? null : 'agency_not_allowed';
}

export interface AccountState extends AccountShape {
  readonly id: string;
  readonly disabled: boolean;
}

export interface AccountChange {
  readonly disabled?: boolean;
  readonly role?: AccountRole;
  /** null: no agency (for a role other than agency); undefined: unchanged. */
  readonly agencyCode?: string | null;
}

export type AccountChangeRefusal = 'self' | 'last_secretariat';

/** The account as it would be after the change; a role other than agency drops the agency. */
export function applyAccountChange(target: AccountState, change: AccountChange): AccountState {
  const role = change.role ?? target.role;
  const agencyCode =
    change.agencyCode !== undefined
      ? change.agencyCode
      : role === 'agency'
        ? target.agencyCode
        : null;
  return { ...target, role, agencyCode, disabled: change.disabled ?? target.disabled };
}

/**
 * Why `actorId` may not make this change, or null. `otherSecretariats` counts the other enabled
 * secretariat accounts that can log in (a password set), the target not included.
 */
export function accountChangeRefusal(
  actorId: string,
  target: AccountState,
  change: AccountChange,
  otherSecretariats: number,
): AccountChangeRefusal | null {
  const after = applyAccountChange(target, change);
  const losesAdmin =
    target.role === 'secretariat' &&
    !target.disabled &&
    (after.disabled || after.role !== 'secretariat');
  if (actorId === target.id && (losesAdmin || after.disabled || after.role !== target.role)) {
    return 'self';
  }
  if (losesAdmin && otherSecretariats === 0) return 'last_secretariat';
  return null;
}
