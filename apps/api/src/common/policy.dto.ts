import { List } from './fields';

/**
 * An ISO-8601 duration as the domain reads it (libs/domain/src/reminders/duration.ts), in capitals:
 * whole working days up to 366 (PnD), or an exact time (PTnHnMnS; its total is checked by the
 * domain, at most 366 days: 400 INVALID_DURATION).
 */
export const DURATION =
  /^P(0*([0-9]{1,2}|[12][0-9]{2}|3[0-5][0-9]|36[0-6])D|T([0-9]+H([0-9]+M)?([0-9]+S)?|[0-9]+M([0-9]+S)?|[0-9]+S))$/;

const durations = {
  kind: 'pattern',
  re: DURATION,
  name: 'duration',
  error: {
    status: 400,
    code: 'INVALID_DURATION',
    message:
      'Khoảng thời gian không hợp lệ. Dùng định dạng ISO-8601: số ngày làm việc PnD (tối đa ' +
      '366) hoặc thời gian chính xác PTnHnMnS, ví dụ P3D hoặc PT30S.',
  },
} as const;

/** A reminder policy as items and notice confirmations take it; a list left out is the default. */
export class PolicyDto {
  @List({
    optional: true,
    of: durations,
    maxItems: 20,
    example: ['P7D', 'P3D', 'P1D', 'P0D'],
    description: 'Before the due instant',
  })
  remindBefore?: string[];

  @List({
    optional: true,
    of: durations,
    maxItems: 10,
    example: ['P1D', 'P3D'],
    description: 'After the due instant',
  })
  escalateAfter?: string[];
}
