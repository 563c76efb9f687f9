import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique } from 'typeorm';

export const PASSWORD_LINK_PURPOSES = ['invitation', 'reset'] as const;
export type PasswordLinkPurposeColumn = (typeof PASSWORD_LINK_PURPOSES)[number];

/**
 * A one-time set-password link mailed on an invitation or a reset, stored as the SHA-256 of its
 * token. A newer link for the same user revokes the older ones.
 */
@Entity({ name: 'password_links' })
@Unique('UQ_password_links_token_hash', ['tokenHash'])
export class PasswordLinkEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('IDX_password_links_user_id')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 16 })
  purpose!: PasswordLinkPurposeColumn;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /** Who asked for it: a secretariat user, or null (the admin CLI, "Quên mật khẩu"). */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  /** When its mail was handed to the SMTP server; null when printed (CLI) or not sent. */
  @Column({ name: 'mailed_at', type: 'timestamptz', nullable: true })
  mailedAt!: Date | null;

  @Column({ name: 'mail_error', type: 'text', nullable: true })
  mailError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
