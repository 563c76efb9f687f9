import { ApiProperty } from '@nestjs/swagger';
import { Email } from '../auth/email.field';
import { AgencyCode, Bool, List, Text } from '../common/fields';

const NAME = { max: 200, notBlank: true, trim: true } as const;
const ALIASES = { of: { kind: 'text', max: 200 }, maxItems: 50 } as const;

export class CreateAgencyDto {
  @AgencyCode({ example: 'SDL', description: 'Upper-case letters, digits, _ or -; never changes' })
  code!: string;

  @Text({ ...NAME, example: 'Sở Du lịch' })
  name!: string;

  @List({
    ...ALIASES,
    optional: true,
    example: ['Sở DL'],
    description: 'Other spellings seen in notices: the notice parser recognises them',
  })
  aliases?: string[];

  @Email({ example: 'vanthu@sdl.tinh.gov.vn', description: 'Where its reminders go' })
  contactEmail!: string;

  @Email({
    optional: true,
    nullable: true,
    example: 'giamdoc@sdl.tinh.gov.vn',
    description: "The head's address: escalations",
  })
  headEmail?: string | null;
}

export class UpdateAgencyDto {
  @Text({ ...NAME, optional: true, example: 'Sở Du lịch' })
  name?: string;

  @List({ ...ALIASES, optional: true, description: 'The whole list (replaces the old one)' })
  aliases?: string[];

  @Email({ optional: true, example: 'vanthu@sdl.tinh.gov.vn' })
  contactEmail?: string;

  @Email({ optional: true, nullable: true })
  headEmail?: string | null;

  @Bool({
    optional: true,
    description: 'false: deactivate (no new items; its items and history stay); true: reactivate',
  })
  active?: boolean;
}

export class AgencyResponse {
  @ApiProperty({ example: 'STC' }) code!: string;
  @ApiProperty({ example: 'Sở Tài chính' }) name!: string;
  @ApiProperty({ type: [String], example: ['Sở TC'] }) aliases!: string[];
  @ApiProperty({ example: 'stc@dondoc.local' }) contactEmail!: string;
  @ApiProperty({ type: String, nullable: true }) headEmail!: string | null;
  @ApiProperty({ description: 'false: deactivated (assigned no new item)' }) active!: boolean;
}
