import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { type DataSource, QueryFailedError, Repository } from 'typeorm';
import { noticeItemWorkflowId } from '../../../../libs/contracts/src';
import {
  AgencyDirectory,
  civilDateAt,
  firstPeriodFrom,
  normalizeNoticeText,
  type ParsedNotice,
  toVnIso,
  vnPublicSectorCalendar,
} from '../../../../libs/domain/src';
import {
  AgencyEntity,
  countByLiveStatus,
  ItemReadRepository,
  type ItemRecord,
  ItemStartRepository,
  NoticeEntity,
  type NoticeSummary,
} from '../../../../libs/persistence/src';
import { NoticeParser } from './notice-parser';
import type { ParseJob } from './notice-parse';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ApiError } from '../common/api-error';
import { ItemWorkflowStarter } from '../items/items.module';
import type { ConfirmNoticeDto } from './dto/notice.dto';
import { type ConfirmItemInput, futureNoticeWarnings, planNoticeItems } from './notice-items';

/** A notice, its items in notice order with their live status, and their counts. */
export interface NoticeResponse extends NoticeSummary {
  items: ItemRecord[];
}

export interface ConfirmResult extends NoticeResponse {
  /** false when this notice had been confirmed before (nothing new was stored). */
  created: boolean;
  /** Workflows started by this request (0 on a repeated confirm). */
  started: number;
}

/** A notice confirmed before that a previewed text repeats. */
export interface ExistingNotice {
  id: string;
  number: string | null;
  createdAt: string;
  /** The same text: confirming it again starts nothing. */
  sameText: boolean;
}

export type NoticePreview = ParsedNotice & { existingNotice: ExistingNotice | null };

const existingOf = (n: NoticeEntity, sameText: boolean): ExistingNotice => ({
  id: n.id,
  number: n.number,
  createdAt: toVnIso(n.createdAt.getTime()),
  sameText,
});

const PG_UNIQUE_VIOLATION = '23505';
/** Starts in flight at once in a confirm (ADR 0025: 10 → 20, the bare client's best here). */
const START_CONCURRENCY = 20;

/** Intake: preview (parse only), confirm (store + start every item, idempotently), read. */
@Injectable()
export class NoticesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(NoticeEntity) private readonly notices: Repository<NoticeEntity>,
    @InjectRepository(AgencyEntity) private readonly agencies: Repository<AgencyEntity>,
    private readonly read: ItemReadRepository,
    private readonly rows: ItemStartRepository,
    private readonly starter: ItemWorkflowStarter,
    private readonly parser: NoticeParser,
  ) {}

  /** The agency directory of this province, as stored (editable data, not code). */
  private async directory(): Promise<{
    directory: AgencyDirectory;
    codes: Set<string>;
    agencies: ParseJob['agencies'];
  }> {
    // Active agencies only: a deactivated one is neither recognised nor assigned (ADR 0020).
    const rows = await this.agencies.find({ where: { active: true } });
    const agencies = rows.map((a) => ({ code: a.code, name: a.name, aliases: a.aliases }));
    return {
      directory: AgencyDirectory.fromEntries(agencies),
      codes: new Set(rows.map((a) => a.code)),
      agencies,
    };
  }

  /** Parses the text and finds the notice it repeats, if any: stores and starts nothing. */
  async preview(text: string): Promise<NoticePreview> {
    const { agencies } = await this.directory();
    const parsed = await this.parser.parse({ text, agencies });
    const warnings = [...futureNoticeWarnings(parsed, civilDateAt(Date.now())), ...parsed.warnings];
    return { ...parsed, warnings, existingNotice: await this.existing(text, parsed.notice) };
  }

  /**
   * The same text confirmed before (what confirm would find), else the newest notice with the same
   * number whose issue date does not differ (a number alone repeats from year to year).
   */
  private async existing(
    text: string,
    header: ParsedNotice['notice'],
  ): Promise<ExistingNotice | null> {
    const sourceHash = createHash('sha256').update(normalizeNoticeText(text)).digest('hex');
    const same = await this.notices.findOneBy({ sourceHash });
    if (same) return existingOf(same, true);
    if (!header.number) return null;
    const numbered = await this.notices.find({
      where: { number: header.number },
      order: { createdAt: 'DESC' },
      take: 20,
    });
    const match = numbered.find(
      (n) => !n.issuedOn || !header.issuedOn || n.issuedOn === header.issuedOn,
    );
    return match ? existingOf(match, false) : null;
  }

  async confirm(dto: ConfirmNoticeDto, user: AuthenticatedUser): Promise<ConfirmResult> {
    if (dto.text === undefined && dto.parsed === undefined) {
      throw ApiError.badRequest(
        'VALIDATION_FAILED',
        'Cần gửi nội dung thông báo (text) hoặc kết quả phân tích (parsed).',
      );
    }
    const { directory, codes, agencies } = await this.directory();
    const parsed: ParsedNotice | null =
      dto.parsed !== undefined
        ? (dto.parsed as unknown as ParsedNotice)
        : await this.parser.parse({ text: dto.text as string, agencies });
    const items: ConfirmItemInput[] = dto.items ?? parsedItems(parsed);
    if (items.length === 0) {
      throw ApiError.badRequest(
        'NOTICE_WITHOUT_ITEMS',
        'Thông báo không có nhiệm vụ nào để theo dõi.',
      );
    }
    const periodsFrom = firstPeriodFrom(civilDateAt(Date.now()), parsed?.notice?.issuedOn);
    const plan = planNoticeItems(items, directory, codes, vnPublicSectorCalendar, periodsFrom);
    if (!plan.ok) {
      throw ApiError.badRequest(
        'NOTICE_ITEMS_INVALID',
        plan.problems.map((p) => p.problem).join(' '),
        { items: plan.problems },
      );
    }
    const sourceHash = createHash('sha256')
      .update(
        dto.text !== undefined
          ? normalizeNoticeText(dto.text)
          : JSON.stringify({ notice: parsed?.notice, items }),
      )
      .digest('hex');

    const existing = await this.notices.findOneBy({ sourceHash });
    if (existing) return this.resume(existing, user);

    const noticeId = randomUUID();
    const meta = parsed?.notice;
    try {
      await this.db.transaction(async (em) => {
        await em.insert(NoticeEntity, {
          id: noticeId,
          sourceHash,
          number: meta?.number ?? null,
          title: meta?.title ?? null,
          issuedOn: meta?.issuedOn ?? null,
          meetingDate: meta?.meetingDate ?? null,
          chair: meta?.chair ?? null,
          text: dto.text ?? '',
          parsed: { ...(parsed ?? {}), items } as Record<string, unknown>,
          createdBy: user.id,
        });
        await this.rows.insertPending(
          plan.items.map((p) => ({
            ...p,
            id: randomUUID(),
            workflowId: noticeItemWorkflowId(noticeId, p.position),
            noticeId,
          })),
          em,
        );
      });
    } catch (err) {
      // A concurrent confirm of the same notice won the race: answer as a repeat.
      if (
        err instanceof QueryFailedError &&
        (err.driverError as { code?: string }).code === PG_UNIQUE_VIOLATION
      ) {
        const winner = await this.notices.findOneBy({ sourceHash });
        if (winner) return this.resume(winner, user);
      }
      throw err;
    }
    const notice = await this.notices.findOneByOrFail({ id: noticeId });
    const started = await this.startPending(noticeId, user);
    return { ...(await this.view(notice)), created: true, started };
  }

  /** A repeated confirm: stores nothing, starts only what a crash left pending. */
  private async resume(notice: NoticeEntity, user: AuthenticatedUser): Promise<ConfirmResult> {
    const started = await this.startPending(notice.id, user);
    return { ...(await this.view(notice)), created: false, started };
  }

  private async startPending(noticeId: string, user: AuthenticatedUser): Promise<number> {
    const pending = await this.rows.pendingOfNotice(noticeId);
    // Starts are independent and idempotent: a few in flight at once instead of one by one.
    let started = 0;
    for (let i = 0; i < pending.length; i += START_CONCURRENCY) {
      const batch = pending.slice(i, i + START_CONCURRENCY);
      const results = await Promise.all(batch.map((row) => this.starter.tryStart(row, user.email)));
      started += results.filter(Boolean).length;
    }
    return started;
  }

  /**
   * The notice with the items the caller may read: all of them for the secretariat and the
   * committee head; for an agency those it leads or co-ordinates, and 403 for a notice without any.
   */
  async get(id: string, user: AuthenticatedUser): Promise<NoticeResponse> {
    const notice = await this.notices.findOneBy({ id });
    if (!notice) throw ApiError.notFound('NOTICE_NOT_FOUND', 'Không tìm thấy thông báo.');
    const view = await this.view(notice, visibleTo(user));
    if (user.role === 'agency' && view.items.length === 0) {
      throw ApiError.forbidden('Thông báo này không có nhiệm vụ nào của cơ quan bạn.');
    }
    return view;
  }

  /** Newest first; for an agency only the notices with items it leads or co-ordinates. */
  list(user: AuthenticatedUser): Promise<NoticeSummary[]> {
    return this.read.noticeSummaries(Date.now(), visibleTo(user));
  }

  private async view(notice: NoticeEntity, visibleTo?: string): Promise<NoticeResponse> {
    const items = await this.read.ofNotice(notice.id, Date.now(), visibleTo);
    return { ...meta(notice), counts: countByLiveStatus(items), items };
  }
}

/** An agency reads only the items it leads or co-ordinates (the items list's rule, `canRead`). */
const visibleTo = (user: AuthenticatedUser): string | undefined =>
  user.role === 'agency' ? (user.agencyCode ?? '') : undefined;

const meta = (n: NoticeEntity): Omit<NoticeResponse, 'items' | 'counts'> => ({
  id: n.id,
  number: n.number,
  title: n.title,
  issuedOn: n.issuedOn,
  meetingDate: n.meetingDate,
  chair: n.chair,
  createdAt: toVnIso(n.createdAt.getTime()),
});

/**
 * The items of a ParsedNotice sent by the client (or parsed here). A `parsed` body is not validated
 * by the DTO beyond being an object, so its items are checked here: a malformed one is a 400.
 */
function parsedItems(parsed: ParsedNotice | null): ConfirmItemInput[] {
  const raw: unknown = parsed?.items ?? [];
  const strings = (v: unknown): v is string[] =>
    Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (!Array.isArray(raw)) throw malformed();
  return raw.map((i: unknown, n) => {
    if (typeof i !== 'object' || i === null) throw malformed(n);
    const item = i as Record<string, unknown>;
    const { code, text, lead, support, reportTo, deadline } = item;
    if (
      typeof text !== 'string' ||
      !strings(lead) ||
      (support !== undefined && !strings(support))
    ) {
      throw malformed(n);
    }
    return {
      ...(typeof code === 'string' ? { code } : {}),
      text,
      lead,
      ...(support ? { support } : {}),
      ...(typeof reportTo === 'string' && reportTo ? { reportTo } : {}),
      ...(typeof deadline === 'object' && deadline !== null
        ? { deadline: deadline as Record<string, unknown> }
        : {}),
    };
  });
}

function malformed(n?: number): ApiError {
  const where = n === undefined ? '' : ` (nhiệm vụ thứ ${n + 1})`;
  return ApiError.badRequest(
    'VALIDATION_FAILED',
    `Kết quả phân tích (parsed) không đúng định dạng${where}.`,
  );
}
