import {
  AgencyDirectory,
  parseNotice,
  vnPublicSectorCalendar,
  type ParsedNotice,
} from '../../../../libs/domain/src';

/** What a parse needs, as plain data that crosses to a worker thread. */
export interface ParseJob {
  readonly text: string;
  readonly agencies: readonly { code: string; name: string; aliases: string[] }[];
}

/** The one way the API parses a notice: with this province's directory and the official calendar. */
export function parseJob(job: ParseJob): ParsedNotice {
  return parseNotice(job.text, {
    directory: AgencyDirectory.fromEntries(job.agencies),
    calendar: vnPublicSectorCalendar,
  });
}
