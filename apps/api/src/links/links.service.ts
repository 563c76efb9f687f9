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
import type { LinkAction, LinkResponse } from './link-response';

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
    const { row, agencyName } = await this.holder(token);
    const [item, history] = await Promise.all([
      this.read.record(row, Date.now()),
      this.read.history(row.workflowId),
    ]);
    return {
      item,
      agency: { code: row.leadCode, name: agencyName },
      actions: linkActions(row),
      returnReason: pendingReturnReason(row.status, history),
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

  private async holder(token: string): Promise<LinkHolder> {
    const verified = verifyItemLink(token, this.config.linkSigningSecret, Date.now());
    if (!verified.ok) throw verified.reason === 'expired' ? linkExpired() : linkInvalid();
    const row = await this.read.findRow(verified.claims.itemId);
    if (!row) throw linkInvalid();
    const scope = itemLinkScope(verified.claims, row);
    if (scope === 'other_item') throw linkInvalid();
    if (scope !== 'ok') throw linkRevoked(scope);
    const [agency] = await this.agencies.require([row.leadCode]);
    return {
      row,
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
