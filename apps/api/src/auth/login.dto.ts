import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'secretariat@dondoc.local' })
  @IsEmail({ require_tld: false })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'dondoc-dev' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}
