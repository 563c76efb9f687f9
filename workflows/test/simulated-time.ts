/**
 * Fixed dates for the pure simulations of the item's life (item-state.spec, item-restore.spec):
 * deadlines resolved on the working calendar, local instants, and commands at given instants.
 */
import type { DueSpec } from '../../libs/contracts/src';
import { resolveDue, vnPublicSectorCalendar } from '../../libs/domain/src';
import type { Decision } from '../item-commands';
import type { Context, ItemState } from '../item-transition';

/** The deadline of a literal date, as the API resolves it. */
export const dueOn = (date: string): DueSpec => ({
  date,
  at: resolveDue(date, vnPublicSectorCalendar).dueAt,
});

/** 'YYYY-MM-DD HH:mm' in Asia/Ho_Chi_Minh → epoch ms. */
export const vn = (local: string): number => Date.parse(`${local.replace(' ', 'T')}:00+07:00`);

/** A command sent at a given instant of the simulation. */
export interface Command {
  readonly at: number;
  readonly run: (s: ItemState, c: Context) => Decision;
}
