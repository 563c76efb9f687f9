import { ApiProperty } from '@nestjs/swagger';
import { USER_ROLES, type UserRole } from '../../../../libs/persistence/src';
import { Email } from '../auth/email.field';
import { AgencyCode, Bool, OneOf, QueryParam, Text } from '../common/fields';

export const USER_STATUSES = ['active', 'invited', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

const NAME = { max: 200, notBlank: true, trim: true } as const;

export class CreateUserDto {
  @Email({ example: 'hoa.nt@stc.tinh.gov.vn' })
  email!: string;

  @Text({ ...NAME, example: 'Nguyễn Thị Hoa' })
  name!: string;

  @OneOf(USER_ROLES, { enumName: 'UserRole' })
  role!: UserRole;

  @AgencyCode({ optional: true, description: 'Required for role agency, refused otherwise' })
  agency?: string;
}

export class UpdateUserDto {
  @Text({ ...NAME, optional: true, example: 'Nguyễn Thị Hoa' })
  name?: string;

  @OneOf(USER_ROLES, { optional: true, enumName: 'UserRole' })
  role?: UserRole;

  @AgencyCode({
    optional: true,
    nullable: true,
    description: 'The agency of an agency user; null or absent for the other roles',
  })
  agency?: string | null;

  @Bool({ optional: true, description: 'true: disable (its sessions end); false: re-enable' })
  disabled?: boolean;
}

export class ListUsersQuery {
  @QueryParam.int({ min: 1, max: 200, description: 'Page size (default 50)' })
  limit?: number;

  @QueryParam.int({ min: 0, max: 10_000_000, description: 'Accounts skipped (default 0)' })
  offset?: number;

  @QueryParam.of(
    Text({ optional: true, max: 200, description: 'Part of the name or the address, case aside' }),
  )
  q?: string;

  @QueryParam.of(OneOf(USER_ROLES, { optional: true, enumName: 'UserRole' }))
  role?: UserRole;

  @QueryParam.of(AgencyCode({ optional: true }))
  agency?: string;

  @QueryParam.of(OneOf(USER_STATUSES, { optional: true }))
  status?: UserStatus;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: USER_ROLES, enumName: 'UserRole' }) role!: UserRole;
  @ApiProperty({ type: String, nullable: true, description: 'Set for role agency only' })
  agencyCode!: string | null;
  @ApiProperty({
    enum: USER_STATUSES,
    description: 'invited: no password set yet; disabled: cannot log in',
  })
  status!: UserStatus;
  @ApiProperty({ description: 'ISO-8601 instant (UTC+7)' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'ISO-8601 instant (UTC+7)' })
  disabledAt!: string | null;
}

export class InvitationResponse {
  @ApiProperty({ description: 'ISO-8601 instant (UTC+7) until which the link works' })
  expiresAt!: string;
  @ApiProperty({ description: 'Whether the SMTP server took the invitation' }) mailed!: boolean;
  @ApiProperty({ type: String, nullable: true, description: "The SMTP server's refusal" })
  mailError!: string | null;
}

export class CreatedUserResponse extends UserResponse {
  @ApiProperty({ type: InvitationResponse }) invitation!: InvitationResponse;
}
