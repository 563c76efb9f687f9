import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  OmitType,
} from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiErrors } from '../common/api-error.response';
import { CivilDate, QueryParam, UUID } from '../common/fields';
import { ParseIdPipe } from '../common/parse-uuid.pipe';
import { ListItemsQuery } from '../items/items.module';
import { ReportQuery } from '../reports/reports.module';
import { DocumentsService } from './documents.service';
import type { ExportFile } from './export-file';
import { EXPORT_MAX_ROWS, SpreadsheetsService } from './spreadsheets.service';
import { DOCX_MIME, XLSX_MIME } from '../../../../libs/papers/src';

/** The list's filters and order; the file holds every matching item, so no page. */
class ExportItemsQuery extends OmitType(ListItemsQuery, ['limit', 'offset'] as const) {}

class ScorecardQuery {
  @QueryParam.int({ min: 2000, max: 2100, description: 'The year (UTC+7); default this year' })
  year?: number;
}

const FileResponse =
  (mime: string) =>
  (what: string): MethodDecorator =>
    ApiOkResponse({
      description: `${what}; Content-Disposition names the file`,
      content: { [mime]: { schema: { type: 'string', format: 'binary' } } },
    });
class UrgingLetterQuery {
  @QueryParam.of(
    CivilDate({
      optional: true,
      example: '2026-12-10',
      description:
        'The date by which the agency is to report, after today (else 400 REPORT_BY_INVALID); ' +
        'default five working days from today',
    }),
  )
  reportBy?: string;
}

const XlsxFile = FileResponse(XLSX_MIME);
const DocxFile = FileResponse(DOCX_MIME);

const download = (file: ExportFile): StreamableFile =>
  new StreamableFile(file.bytes, {
    type: file.mime,
    disposition: `attachment; filename="${file.fileName}"`,
    length: file.bytes.length,
  });

/**
 * Spreadsheet exports. Its module is registered before the items module: `items/export.xlsx`
 * must be routed before `items/:id` takes it for an id.
 */
@ApiTags('exports')
@ApiBearerAuth()
@ApiErrors(400, 401, 403, 404)
@Controller()
export class ExportsController {
  constructor(
    private readonly sheets: SpreadsheetsService,
    private readonly documents: DocumentsService,
  ) {}

  @Get('items/export.xlsx')
  @ApiOperation({
    summary: 'The item list as an Excel workbook',
    description:
      'The filters and order of GET /api/items, every matching item (an agency: the items it ' +
      'leads or co-ordinates), one row an item, and a sheet tallying them by lead agency. ' +
      `More than ${EXPORT_MAX_ROWS} items: 400 EXPORT_TOO_LARGE.`,
  })
  @XlsxFile('nhiem-vu-<date>.xlsx: sheets "Nhiệm vụ" and "Tổng hợp theo cơ quan"')
  async items(
    @Query() q: ExportItemsQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StreamableFile> {
    return download(await this.sheets.itemList(q, user));
  }

  @Get('reports/overdue.xlsx')
  @Roles('secretariat', 'committee_head')
  @ApiOperation({
    summary: 'The overdue report as an Excel workbook',
    description:
      'Every item overdue now with the filter of GET /api/reports/overdue (the same items as ' +
      'GET /api/items?overdue=true with the notice and due dates), and the completion report ' +
      'of the same filter by lead agency with its totals.',
  })
  @XlsxFile('nhiem-vu-qua-han-<date>.xlsx: sheets "Nhiệm vụ quá hạn" and "Tổng hợp theo cơ quan"')
  async overdue(
    @Query() q: ReportQuery,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<StreamableFile> {
    return download(await this.sheets.overdue(q, user));
  }

  @Get('reports/scorecard.xlsx')
  @Roles('secretariat', 'committee_head')
  @ApiOperation({
    summary: "The agencies' record of a year, for the year-end emulation ranking (thi đua)",
    description:
      'Per lead agency, the periods due in the year (as GET /api/reports/completion with ' +
      '`from`/`to` the year): assigned, completed on time and late, still overdue, the rates, ' +
      'the mean working days late of the late ones, and the extensions asked and granted on ' +
      'the items whose current period is due in the year; best on-time rate first.',
  })
  @XlsxFile('ket-qua-thuc-hien-nhiem-vu-nam-<year>.xlsx: one sheet "Năm <year>"')
  async scorecard(@Query() q: ScorecardQuery): Promise<StreamableFile> {
    return download(await this.sheets.scorecard(q.year));
  }

  @Get('notices/:id/report.docx')
  @Roles('secretariat', 'committee_head')
  @ApiParam({
    name: 'id',
    description: "The notice's id (anything else: 404 NOTICE_NOT_FOUND)",
    schema: { type: 'string', format: 'uuid', pattern: UUID.source },
  })
  @ApiOperation({
    summary: 'The report on how a notice is carried out, as a Word document to edit and sign',
    description:
      '"Báo cáo tình hình thực hiện Thông báo kết luận …" in the layout of Nghị định ' +
      '30/2020/NĐ-CP: national name and motto, the issuing body, number and date left for the ' +
      'signer, the overall result, a table of the items (lead, deadline, how each stands, the ' +
      "agency's reported result), a draft proposal, the recipients.",
  })
  @DocxFile('bao-cao-thuc-hien-thong-bao-<number>-<date>.docx')
  async noticeReport(@Param('id', new ParseIdPipe('notice')) id: string): Promise<StreamableFile> {
    return download(await this.documents.noticeReport(id));
  }

  @Get('items/:id/urging-letter.docx')
  @Roles('secretariat')
  @ApiParam({
    name: 'id',
    description: "The item's id (anything else: 404 ITEM_NOT_FOUND)",
    schema: { type: 'string', format: 'uuid', pattern: UUID.source },
  })
  @ApiOperation({
    summary: 'A draft urging letter (công văn đôn đốc) to the lead agency, as a Word document',
    description:
      "Addressed to the lead agency's head, citing the notice and the item's code and text, " +
      'the deadline and the working days overdue, the last progress reported, and the date to ' +
      'report by; 409 ITEM_CLOSED for a completed or cancelled item.',
  })
  @ApiErrors(409)
  @DocxFile('cong-van-don-doc-nhiem-vu-<code>-<date>.docx')
  async urgingLetter(
    @Param('id', new ParseIdPipe('item')) id: string,
    @Query() q: UrgingLetterQuery,
  ): Promise<StreamableFile> {
    return download(await this.documents.urgingLetter(id, q.reportBy));
  }
}
