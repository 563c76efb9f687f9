import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const USER_ROLES = ['secretariat', 'agency', 'committee_head'] as const;
export type UserRole = (typeof USER_ROLES)[number];

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text', unique: true })
  email!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** scrypt (libs/security); null until the user sets a password from the invitation mail. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'varchar', length: 32 })
  role!: UserRole;

  /** Set for role 'agency' only: the one agency whose items this user sees and acts on. */
  @Column({ name: 'agency_code', type: 'varchar', length: 32, nullable: true })
  agencyCode!: string | null;

  /** Set while the account is disabled: it cannot log in and has no session. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
