import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

/** Lengths are checked by the password policy (PASSWORD_TOO_WEAK), not here: only a bound. */
const PASSWORD_FIELD_MAX = 1000;

export class ChangePasswordDto {
  @ApiProperty({ description: 'The current password' })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_FIELD_MAX)
  current!: string;

  @ApiProperty({ description: 'The new password: 10 to 128 characters, not a common one' })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_FIELD_MAX)
  next!: string;
}

export class SetPasswordDto {
  @ApiProperty({ description: 'The new password: 10 to 128 characters, not a common one' })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_FIELD_MAX)
  password!: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'stc@dondoc.local' })
  @IsEmail({ require_tld: false })
  @MaxLength(254)
  email!: string;
}
