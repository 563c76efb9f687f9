import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config/src';
import { canPerform, pendingReturnReason, type ItemAction } from '../../../../libs/domain/src';
import { ItemReadRepository, type ItemEntity } from '../../../../libs/persistence/src';
import { itemLinkScope, verifyItemLink } from '../../../../libs/security/src';
import { AgenciesService } from '../agencies/agencies.module';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  ItemCommandsService,
  type ExtensionRequestDto,
  type ItemResponse,
  type ProgressDto,
  type SubmitDto,
} from '../items/items.module';
import { linkExpired, linkInvalid, linkRevoked } from './link-errors';
import type { LinkAction, LinkReadOnlyReason, LinkResponse } from './link-response';

/** The domain action behind each link action. */
const ACTIONS: readonly (readonly [LinkAction, ItemAction])[] = [
  ['progress', 'progress'],
  ['submit', 'submit'],
  ['extension-request', 'requestExtension'],
];

/**
 * The lead agency's commands as GET /api/items/:id/actions gives them to its login: the status
 * allows them, and a second extension request waits for the decision on the first.
 */
export const linkActions = (row: Pick<ItemEntity, 'status' | 'pendingExtension'>): LinkAction[] =>
  ACTIONS.filter(
    ([name, action]) =>
      canPerform(row.status, action) &&
      !(name === 'extension-request' && row.pendingExtension !== null),
  ).map(([name]) => name);

/** Whom a link speaks for: the item's lead agency, as its contact address (ADR 0011). */
interface LinkHolder {
  readonly row: ItemEntity;
  readonly user: AuthenticatedUser;
  readonly agencyName: string;
}

/**
 * A link of the agency that leads (or led, to its close) the item still shows it, without its
 * commands: the agency sees how the item ended, or that a newer mail carries the link that acts.
 */
const READ_ONLY: Readonly<Record<LinkReadOnlyReason, string>> = {
  closed: 'Nhiệm vụ đã kết thúc; liên kết này chỉ còn dùng để xem.',
  deadline_changed:
    'Thời hạn nhiệm vụ đã thay đổi sau khi gửi thư này; liên kết chỉ còn dùng để xem. Để báo cáo hoặc đề nghị gia hạn, dùng liên kết trong thư mới nhất về nhiệm vụ hoặc đăng nhập.',
};

/**
 * Why the link only reads: a closed item says how it ended, a cancelled one why (issue 8 blind
 * check: the agency saw "đã kết thúc" without the reason the Văn phòng gave).
 */
function readOnlyMessage(
  reason: LinkReadOnlyReason,
  row: { readonly status: string },
  history: readonly { readonly type: string; readonly detail: unknown }[],
  office: string,
): string {
  if (reason !== 'closed') return READ_ONLY[reason];
  if (row.status === 'completed') {
    return `Nhiệm vụ đã được ${office} xác nhận hoàn thành; liên kết này chỉ còn dùng để xem.`;
  }
  if (row.status !== 'cancelled') return READ_ONLY.closed;
  const cancel = [...history].reverse().find((e) => e.type === 'cancelled');
  const why = (cancel?.detail as { reason?: unknown } | null | undefined)?.reason;
  return typeof why === 'string' && why.trim() !== ''
    ? `Nhiệm vụ đã được ${office} hủy. Lý do: ${why.trim().replace(/[.\s]+$/u, '')}. Liên kết này chỉ còn dùng để xem.`
    : `Nhiệm vụ đã được ${office} hủy; liên kết này chỉ còn dùng để xem.`;
}

/**
 * The login-free signed links of the lead agency's mails: each request checks the signature and
 * the 30 days (libs/security), then the item as it is now (closed, reassigned, deadline changed),
 * and runs the same commands as the agency's login, recorded with the channel 'link'.
 */
@Injectable()
export class LinksService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly read: ItemReadRepository,
    private readonly agencies: AgenciesService,
    private readonly commands: ItemCommandsService,
  ) {}

  async open(token: string): Promise<LinkResponse> {
    const { row, agencyName, readOnly } = await this.holder(token, { reading: true });
    const [item, history] = await Promise.all([
      this.read.record(row, Date.now()),
      this.read.history(row.workflowId),
    ]);
    return {
      item,
      agency: { code: row.leadCode, name: agencyName },
      actions: readOnly ? [] : linkActions(row),
      returnReason: readOnly ? null : pendingReturnReason(row.status, history),
      readOnly: readOnly
        ? {
            reason: readOnly,
            message: readOnlyMessage(readOnly, row, history, this.config.officeName),
          }
        : null,
    };
  }

  async progress(token: string, dto: ProgressDto): Promise<ItemResponse> {
    const { row, user } = await this.holder(token);
    return this.commands.progress(row.id, dto, user, 'link');
  }

  async submit(token: string, dto: SubmitDto): Promise<ItemResponse> {
    const { row, user } = await this.holder(token);
    return this.commands.submit(row.id, dto, user, 'link');
  }

  async requestExtension(
    token: string,
    dto: ExtensionRequestDto,
  ): Promise<ItemResponse & { requestId: string }> {
    const { row, user } = await this.holder(token);
    return this.commands.requestExtension(row.id, dto, user, 'link');
  }

  /** The link's holder; reading, a link that only reads (READ_ONLY) is no refusal. */
  private async holder(
    token: string,
    { reading = false } = {},
  ): Promise<LinkHolder & { readOnly: LinkReadOnlyReason | null }> {
    const verified = verifyItemLink(token, this.config.linkSigningSecret, Date.now());
    if (!verified.ok) throw verified.reason === 'expired' ? linkExpired() : linkInvalid();
    const row = await this.read.findRow(verified.claims.itemId);
    if (!row) throw linkInvalid();
    const scope = itemLinkScope(verified.claims, row);
    if (scope === 'other_item') throw linkInvalid();
    // The agency it was sent to must still be the lead (a closed item's last lead).
    const sameLead = verified.claims.agencyCode === row.leadCode;
    if (scope === 'closed' && !sameLead) throw linkRevoked('reassigned');
    const readOnly = scope === 'closed' || scope === 'deadline_changed' ? scope : null;
    if (scope !== 'ok' && !(reading && readOnly)) throw linkRevoked(scope);
    const [agency] = await this.agencies.require([row.leadCode]);
    return {
      row,
      readOnly,
      agencyName: agency!.name,
      user: {
        id: `link:${agency!.code}`,
        email: agency!.contactEmail,
        role: 'agency',
        agencyCode: agency!.code,
      },
    };
  }
}
