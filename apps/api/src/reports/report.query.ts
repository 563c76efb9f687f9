import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsUUID, ValidateBy } from 'class-validator';
import { isCivilDate } from '../../../../libs/domain/src';

const emptyAsAbsent = ({ value }: { value: unknown }): unknown =>
  value === '' ? undefined : value;

/** A real calendar day written "YYYY-MM-DD" (not 2026-02-30). */
const IsCivilDate = (): PropertyDecorator =>
  ValidateBy({
    name: 'isCivilDate',
    validator: {
      validate: (value: unknown) => isCivilDate(value),
      defaultMessage: () => '$property must be a date YYYY-MM-DD',
    },
  });

const PERIOD =
  'The period selects by the current (adjusted) due date: its literal date, or the UTC+7 date of ' +
  'an exact instant (as `dueFrom`/`dueTo` of GET /api/items); items without a deadline fall ' +
  'outside any period. Bounds included.';

/** What a report covers; empty parameters (as a form sends them) mean no filter. */
export class ReportQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this notice's items" })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsUUID()
  noticeId?: string;

  @ApiPropertyOptional({
    example: '2026-10-01',
    description: `First day of the period (YYYY-MM-DD, UTC+7). ${PERIOD}`,
  })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsCivilDate()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-31',
    description: `Last day of the period (YYYY-MM-DD, UTC+7), not before \`from\`. ${PERIOD}`,
  })
  @Transform(emptyAsAbsent)
  @IsOptional()
  @IsCivilDate()
  to?: string;
}
