import { ApiProperty } from '@nestjs/swagger';
import { USER_ROLES, type UserRole } from '../../../../libs/persistence/src';
import type { AuthenticatedUser } from './authenticated-user';
import type { PasswordLinkInfo, PasswordMailOutcome } from './password-links.service';

export class LoginResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`' }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'ISO-8601 instant' }) expiresAt!: string;
}

export class MeResponse implements AuthenticatedUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ description: 'Display name' }) name!: string;
  @ApiProperty({ enum: USER_ROLES, enumName: 'UserRole' }) role!: UserRole;
  @ApiProperty({ type: String, nullable: true, description: 'Set for role agency only' })
  agencyCode!: string | null;
}

export class PasswordLinkResponse implements PasswordLinkInfo {
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['invitation', 'reset'] }) purpose!: 'invitation' | 'reset';
  @ApiProperty({ description: 'ISO-8601 instant (UTC+7) until which the link works' })
  expiresAt!: string;
}

export class PasswordSetResponse {
  @ApiProperty({ description: 'The account whose password was set: log in with it' })
  email!: string;
}

export class PasswordMailResponse implements PasswordMailOutcome {
  @ApiProperty({ enum: ['invitation', 'reset'] }) purpose!: 'invitation' | 'reset';
  @ApiProperty({ description: 'ISO-8601 instant (UTC+7) until which the link works' })
  expiresAt!: string;
  @ApiProperty({ description: 'Whether the SMTP server took the mail' }) mailed!: boolean;
  @ApiProperty({ type: String, nullable: true, description: "The SMTP server's refusal" })
  mailError!: string | null;
}
