import { ApiProperty } from '@nestjs/swagger';
import { USER_ROLES, type UserRole } from '../../../../libs/persistence/src';
import type { AuthenticatedUser } from './authenticated-user';

export class LoginResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`' }) accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'ISO-8601 instant' }) expiresAt!: string;
}

export class MeResponse implements AuthenticatedUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: USER_ROLES, enumName: 'UserRole' }) role!: UserRole;
  @ApiProperty({ type: String, nullable: true, description: 'Set for role agency only' })
  agencyCode!: string | null;
}
