import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  chosenDueDay,
  civilDateAt,
  firstPeriodFrom,
  nextOccurrence,
  parseCivilDate,
  vnPublicSectorCalendar,
  type DueDay,
} from '../../../../libs/domain/src';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../common/api-error.response';
import { nullableString } from '../common/nullable-string';
import { FirstPeriodQuery, monthsOf } from './first-period.query';

export class DueDayResponse implements DueDay {
  @ApiProperty({ example: '2026-12-20' }) date!: string;
  @ApiProperty({
    example: '2026-12-21',
    description:
      'The working day it is legally due at the end of (the date, or the next working day)',
  })
  legalDate!: string;
  @ApiProperty({ description: 'The date is a weekend or a holiday' }) dayOff!: boolean;
  @nullableString('One Vietnamese sentence for the person choosing the date')
  note!: string | null;
}

/**
 * The working calendar as a person choosing a deadline needs it. Public: the official days off
 * are no secret, and a login-free link's extension form asks too.
 */
@ApiTags('calendar')
@Public()
@Controller('calendar')
export class CalendarController {
  @Get('due-days/:date')
  @ApiOperation({ summary: 'What a due date chosen on this day means (a day off moves it)' })
  @ApiParam({ name: 'date', example: '2026-12-20', description: 'YYYY-MM-DD' })
  @ApiOkResponse({ type: DueDayResponse })
  @ApiErrors(400)
  dueDay(@Param('date') date: string): DueDayResponse {
    // parseCivilDate: not a day (2026-02-30, "abc") is a 400 INVALID_DATE.
    return chosenDueDay(vnPublicSectorCalendar, parseCivilDate(date));
  }

  @Get('first-periods')
  @ApiOperation({
    summary: "A recurring item's first deadline, were its notice confirmed today",
    description:
      "The first period ends on or after today (or the notice's date of issue, when later), as " +
      'POST /api/notices sets it; what that date means by the working calendar, as due-days.',
  })
  @ApiOkResponse({ type: DueDayResponse })
  @ApiErrors(400)
  firstPeriod(@Query() q: FirstPeriodQuery): DueDayResponse {
    const months = monthsOf(q.months);
    const recurrence = {
      frequency: q.frequency,
      ...(q.day === undefined ? {} : { day: q.day }),
      ...(months && q.frequency !== 'weekly' ? { months } : {}),
    };
    // nextOccurrence refuses a day the frequency has not (weekly day 9): 400 INVALID_RECURRENCE.
    const from = firstPeriodFrom(civilDateAt(Date.now()), q.issuedOn);
    return chosenDueDay(vnPublicSectorCalendar, nextOccurrence(recurrence, from));
  }
}
