import { ITEM_STATUSES, type ItemStatus } from '../../../../../libs/domain/src';
import { ITEM_LIST_SORTS, type ItemListSort } from '../../../../../libs/persistence/src';
import {
  AGENCY_CODE,
  AgencyCode,
  CivilDate,
  Int,
  Due,
  List,
  Nested,
  OneOf,
  QueryParam,
  Text,
  Uuid,
} from '../../common/fields';
import { PolicyDto } from '../../common/policy.dto';

const agencyCodes = { kind: 'pattern', re: AGENCY_CODE, name: 'agencyCode' } as const;

export class CreateItemDto {
  @Text({
    max: 10_000,
    notBlank: true,
    trim: true,
    example: 'Hoàn thiện dự thảo Kế hoạch hỗ trợ doanh nghiệp, trình UBND tỉnh.',
  })
  text!: string;

  @AgencyCode({ description: 'Lead agency code (an agency of GET /api/agencies)' })
  lead!: string;

  @List({ optional: true, of: agencyCodes, maxItems: 50, example: ['SXD'] })
  support?: string[];

  @Due({ example: '2026-01-22' })
  due!: string;

  @Nested(() => PolicyDto, { optional: true })
  policy?: PolicyDto;

  @Text({ optional: true, max: 200, example: 'UBND tỉnh' })
  reportTo?: string;
}

export class ListItemsQuery {
  @QueryParam.of(OneOf(ITEM_STATUSES, { optional: true, enumName: 'ItemStatus' }))
  status?: ItemStatus;

  @QueryParam.of(AgencyCode({ optional: true }))
  lead?: string;

  @QueryParam.bool({ description: 'true: only items past their legal due instant and not closed' })
  overdue?: boolean;

  @QueryParam.bool({
    description:
      "true: only items whose extension request waits for the secretariat's decision; false: the others",
  })
  pendingExtension?: boolean;

  @QueryParam.of(
    AgencyCode({
      optional: true,
      example: 'SXD',
      description: 'Only items this agency co-ordinates',
    }),
  )
  support?: string;

  @QueryParam.of(Uuid({ optional: true }))
  noticeId?: string;

  @QueryParam.of(
    Text({
      optional: true,
      max: 200,
      description:
        'Words in the text or the code, each anywhere (a "quoted phrase" as typed), case and Vietnamese diacritics aside',
    }),
  )
  q?: string;

  @QueryParam.of(
    CivilDate({ optional: true, example: '2026-01-01', description: 'Due on or after' }),
  )
  dueFrom?: string;

  @QueryParam.of(
    CivilDate({ optional: true, example: '2026-12-31', description: 'Due on or before' }),
  )
  dueTo?: string;

  @QueryParam.of(
    OneOf(ITEM_LIST_SORTS, {
      optional: true,
      description:
        'due (default): soonest first; -due: latest first; overdue: overdue first, then the running items, then those reported complete (waiting for the Văn phòng), then the closed ones, each soonest first',
    }),
  )
  sort?: ItemListSort;

  @QueryParam.int({ min: 1, max: 1000, description: 'Page size (default 200)' })
  limit?: number;

  @QueryParam.int({ min: 0, max: 2_147_483_647, description: 'Items skipped (default 0)' })
  offset?: number;
}

const NOTE = { max: 5000, notBlank: true, trim: true } as const;

class NoteField {
  @Text({ ...NOTE, example: 'Đã hoàn thành dự thảo, gửi xin ý kiến các sở.' })
  note!: string;
}

export class ProgressDto extends NoteField {
  @Int({ optional: true, min: 0, max: 100, description: 'Per cent done' })
  percent?: number;
}

export class SubmitDto extends NoteField {}

export class AcceptDto {
  @Text({ optional: true, max: 5000 })
  note?: string;
}

export class ReasonDto {
  @Text({ ...NOTE, example: 'Hồ sơ chưa đủ thành phần.' })
  reason!: string;
}

export class ExtensionRequestDto extends ReasonDto {
  @Due({ example: '2026-02-27' })
  due!: string;
}

export class ExtensionDecisionDto {
  @Text({ optional: true, max: 5000 })
  reason?: string;

  @Due({
    optional: true,
    example: '2026-03-06',
    description: 'The deadline granted, when not the one asked for (same forms as a due)',
  })
  due?: string;
}

export class ChangeDeadlineDto {
  @Due({ example: '2026-03-31', description: 'The new deadline (same forms as a due)' })
  due!: string;

  @Text({ ...NOTE, example: 'Nhập nhầm thời hạn khi giao nhiệm vụ.' })
  reason!: string;
}

export class ReassignDto {
  @AgencyCode({ example: 'SXD' })
  lead!: string;

  @Text({ optional: true, max: 5000 })
  reason?: string;
}
