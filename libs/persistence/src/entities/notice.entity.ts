import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'notices' })
export class NoticeEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** SHA-256 of the normalised text: confirming the same notice twice finds this row. */
  @Column({ name: 'source_hash', type: 'char', length: 64, unique: true })
  sourceHash!: string;

  @Column({ type: 'text', nullable: true })
  number!: string | null;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ name: 'issued_on', type: 'date', nullable: true })
  issuedOn!: string | null;

  @Column({ name: 'meeting_date', type: 'date', nullable: true })
  meetingDate!: string | null;

  @Column({ type: 'text', nullable: true })
  chair!: string | null;

  @Column({ type: 'text' })
  text!: string;

  /** The ParsedNotice as confirmed (after the secretariat's corrections). */
  @Column({ type: 'jsonb' })
  parsed!: unknown;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
