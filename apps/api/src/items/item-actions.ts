import { ApiProperty } from '@nestjs/swagger';
import { canPerform, type ItemAction } from '../../../../libs/domain/src';
import type { ItemEntity } from '../../../../libs/persistence/src';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { isLeadAgency } from './item-access';

/** The commands, named as their routes are (`POST /api/items/:id/<name>`). */
export const ITEM_COMMANDS = [
  'progress',
  'submit',
  'extension-request',
  'accept',
  'return',
  'approve-extension',
  'reject-extension',
  'reassign',
  'cancel',
  'deadline',
] as const;
export type ItemCommand = (typeof ITEM_COMMANDS)[number];

const LEAD: readonly (readonly [ItemCommand, ItemAction])[] = [
  ['progress', 'progress'],
  ['submit', 'submit'],
  ['extension-request', 'requestExtension'],
];
const SECRETARIAT: readonly (readonly [ItemCommand, ItemAction])[] = [
  ['accept', 'accept'],
  ['return', 'return'],
  ['approve-extension', 'approveExtension'],
  ['reject-extension', 'rejectExtension'],
  ['reassign', 'reassign'],
  ['cancel', 'cancel'],
  ['deadline', 'changeDeadline'],
];
const NEEDS_PENDING: readonly ItemCommand[] = ['approve-extension', 'reject-extension'];

/**
 * What this user may ask of this item now: the domain's transition table (canPerform) for the
 * commands of their role; extension decisions need an open request, and a second request waits
 * for the first. The web app shows exactly these buttons; the workflow still decides.
 */
export function allowedCommands(user: AuthenticatedUser, row: ItemEntity): ItemCommand[] {
  const own = isLeadAgency(user, row) ? LEAD : user.role === 'secretariat' ? SECRETARIAT : [];
  const pending = row.pendingExtension !== null;
  return own
    .filter(([name, action]) => canPerform(row.status, action) && allowedWith(name, pending))
    .map(([name]) => name);
}

const allowedWith = (name: ItemCommand, pending: boolean): boolean =>
  NEEDS_PENDING.includes(name) ? pending : name === 'extension-request' ? !pending : true;

export class ItemActionsResponse {
  @ApiProperty({ enum: ITEM_COMMANDS, enumName: 'ItemCommand', isArray: true })
  actions!: ItemCommand[];
}
