import { DIGEST_KINDS, type DigestKind } from '../../../../libs/contracts/src';
import { OneOf, Text } from '../common/fields';

export class DigestKindParam {
  @OneOf(DIGEST_KINDS, { enumName: 'DigestKind' })
  kind!: DigestKind;
}

export class PauseDigestDto {
  @Text({ optional: true, max: 500, example: 'Tạm dừng trong kỳ nghỉ Tết' })
  note?: string;
}
