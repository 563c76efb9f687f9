import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { ItemEventType } from '../../../contracts/src';

/** Append-only history; (workflow_id, seq) makes a retried activity a no-op. */
@Entity({ name: 'item_events' })
@Unique('uq_item_events_workflow_seq', ['workflowId', 'seq'])
export class ItemEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Index()
  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 32 })
  type!: ItemEventType;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text', nullable: true })
  actor!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  detail!: unknown;
}
