import { Text } from '../common/fields';
import { Email } from './email.field';

/** The policy (10–128 characters, not a common one) answers PASSWORD_TOO_WEAK; this is a bound. */
const PASSWORD = { max: 1000, notBlank: true } as const;

export class ChangePasswordDto {
  @Text({ ...PASSWORD, description: 'The current password' })
  current!: string;

  @Text({ ...PASSWORD, description: 'The new password: 10 to 128 characters, not a common one' })
  next!: string;
}

export class SetPasswordDto {
  @Text({ ...PASSWORD, description: 'The new password: 10 to 128 characters, not a common one' })
  password!: string;
}

export class PasswordResetRequestDto {
  @Email({ example: 'stc@dondoc.local' })
  email!: string;
}
