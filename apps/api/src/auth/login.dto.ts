import { Text } from '../common/fields';
import { Email } from './email.field';

export class LoginDto {
  @Email({ example: 'secretariat@dondoc.local' })
  email!: string;

  @Text({ max: 200, notBlank: true, example: 'dondoc-dev' })
  password!: string;
}
