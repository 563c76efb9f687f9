import { ApiProperty } from '@nestjs/swagger';
import { DIGEST_KINDS, type DigestKind, type DigestSummary } from '../../../../libs/contracts/src';

export class DigestResponse {
  @ApiProperty({ enum: DIGEST_KINDS, enumName: 'DigestKind' }) kind!: DigestKind;
  @ApiProperty({ example: 'Thư tổng hợp hằng ngày gửi Văn phòng' }) label!: string;
  @ApiProperty({ description: 'When it goes out, in Vietnamese' }) when!: string;
  @ApiProperty({ description: 'To whom, in Vietnamese' }) recipients!: string;
  @ApiProperty({ description: "The Temporal Schedule's id (visible in the Temporal UI)" })
  scheduleId!: string;
  @ApiProperty({ description: 'false: the worker has not created it (yet), or it is off' })
  scheduled!: boolean;
  @ApiProperty() paused!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was paused' })
  note!: string | null;
  @ApiProperty({
    type: [String],
    description: 'Its next sends (ISO-8601, +07:00): the next starts on days that have one',
  })
  nextRuns!: string[];
}

export class DigestSentResponse implements DigestSummary {
  @ApiProperty({ enum: DIGEST_KINDS, enumName: 'DigestKind' }) kind!: DigestKind;
  @ApiProperty({ example: '2026-12-03' }) date!: string;
  @ApiProperty({ description: 'Mails sent now' }) sent!: number;
  @ApiProperty({ description: 'Mails of the same day sent before (one a recipient and day)' })
  alreadySent!: number;
  @ApiProperty({
    enum: ['not-a-digest-day', 'nothing-to-say'],
    nullable: true,
    description: 'Why nothing was sent',
  })
  skipped!: DigestSummary['skipped'];
}
