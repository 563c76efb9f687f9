import { Inject, Injectable } from '@nestjs/common';
import { ScheduleNotFoundError, type Client } from '@temporalio/client';
import { APP_CONFIG, type AppConfig, type TimeOfDay } from '../../../../libs/config/src';
import {
  DIGEST_KINDS,
  DIGEST_LABELS,
  DIGEST_WORKFLOW_TYPE,
  digestScheduleId,
  type DigestInput,
  type DigestKind,
  type DigestSummary,
} from '../../../../libs/contracts/src';
import {
  civilDateAt,
  isDigestDay,
  toVnIso,
  vnPublicSectorCalendar,
} from '../../../../libs/domain/src';
import { ApiError } from '../common/api-error';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import type { DigestResponse } from './digest.responses';

const hhmm = (t: TimeOfDay): string =>
  `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;

/** The digests' Temporal Schedules as the secretariat sees and steers them (issue 11). */
@Injectable()
export class DigestsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private scheduleId(kind: DigestKind): string {
    return digestScheduleId(this.config.temporal.taskQueue, kind);
  }

  private describeKind(kind: DigestKind): Pick<DigestResponse, 'when' | 'recipients'> {
    const { dailyAt, weeklyAt } = this.config.digests;
    const at = kind === 'secretariat' ? dailyAt : weeklyAt;
    const when = !at
      ? 'Đã tắt trong cấu hình'
      : kind === 'secretariat'
        ? `${hhmm(at)} mỗi ngày làm việc`
        : `${hhmm(at)} thứ Hai hằng tuần (nếu là ngày làm việc)`;
    const recipients =
      kind === 'secretariat'
        ? this.config.secretariatEmail
        : kind === 'head'
          ? this.config.committeeHeadEmail
          : 'Địa chỉ liên hệ của từng cơ quan có nhiệm vụ đang thực hiện';
    return { when, recipients };
  }

  async get(kind: DigestKind): Promise<DigestResponse> {
    const scheduleId = this.scheduleId(kind);
    const base = { kind, label: DIGEST_LABELS[kind], scheduleId, ...this.describeKind(kind) };
    try {
      const d = await this.client.schedule.getHandle(scheduleId).describe();
      return {
        ...base,
        scheduled: true,
        paused: d.state.paused,
        note: d.state.paused ? (d.state.note ?? null) : null,
        // The Schedule's next starts on which a digest goes out (the calendar skips days off).
        nextRuns: d.info.nextActionTimes
          .filter((t) => isDigestDay(kind, civilDateAt(t.getTime()), vnPublicSectorCalendar))
          .slice(0, 3)
          .map((t) => toVnIso(t.getTime())),
      };
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
      return { ...base, scheduled: false, paused: false, note: null, nextRuns: [] };
    }
  }

  list(): Promise<DigestResponse[]> {
    return Promise.all(DIGEST_KINDS.map((k) => this.get(k)));
  }

  private async existing(kind: DigestKind) {
    const handle = this.client.schedule.getHandle(this.scheduleId(kind));
    try {
      await handle.describe();
      return handle;
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
      throw ApiError.notFound(
        'DIGEST_NOT_SCHEDULED',
        'Thư tổng hợp này chưa có lịch gửi (bộ xử lý chưa chạy, hoặc đã tắt trong cấu hình).',
      );
    }
  }

  async pause(kind: DigestKind, note: string | undefined, by: string): Promise<DigestResponse> {
    await (await this.existing(kind)).pause(note?.trim() || `Tạm dừng bởi ${by}`);
    return this.get(kind);
  }

  async resume(kind: DigestKind, by: string): Promise<DigestResponse> {
    await (await this.existing(kind)).unpause(`Tiếp tục bởi ${by}`);
    return this.get(kind);
  }

  /** Sends today's digest now (whatever the day) and says what went out; once a recipient and day. */
  async sendNow(kind: DigestKind): Promise<DigestSummary> {
    const input: DigestInput = { kind, force: true };
    return this.client.workflow.execute<(i: DigestInput) => Promise<DigestSummary>>(
      DIGEST_WORKFLOW_TYPE,
      {
        taskQueue: this.config.temporal.taskQueue,
        workflowId: `${this.scheduleId(kind)}-now-${civilDateAt(Date.now())}-${Date.now()}`,
        args: [input],
        workflowExecutionTimeout: '2m',
      },
    );
  }
}
