import type { Actor } from '../../../../libs/contracts/src';
import type { UserRole } from '../../../../libs/persistence/src';

/** The caller of a request, as the auth guard resolved it from the bearer token. */
export interface AuthenticatedUser {
  readonly id: string;
  readonly email: string;
  readonly role: UserRole;
  /** Set for role 'agency' only. */
  readonly agencyCode: string | null;
  /** The display name (absent for a signed mail link's agency). */
  readonly name?: string;
}

export const toActor = (u: AuthenticatedUser): Actor => ({
  email: u.email,
  role: u.role,
  agencyCode: u.agencyCode,
});
