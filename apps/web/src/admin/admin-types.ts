import type { components, paths } from '../api/schema';

export type User = components['schemas']['UserResponse'];
export type CreatedUser = components['schemas']['CreatedUserResponse'];
export type UserRole = User['role'];
export type UserStatus = User['status'];
export type AgencyRow = components['schemas']['AgencyResponse'];
export type AuditEntry = components['schemas']['AuditEntryResponse'];
export type AuditOutcome = AuditEntry['outcome'];
export type UsersQuery = NonNullable<paths['/api/users']['get']['parameters']['query']>;
export type AuditQuery = NonNullable<paths['/api/audit']['get']['parameters']['query']>;
