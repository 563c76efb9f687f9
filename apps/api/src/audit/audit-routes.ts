/**
 * What the audit log records for each route that changes something (ADR 0020): a stable action
 * code, its target and a few non-secret facts of the request. A route missing here is recorded
 * only when refused (401/403); `null` says on purpose that a route is not an audited change.
 * audit-routes.spec.ts fails when a route of the API that is not a GET is in neither list.
 */
export interface AuditRouteContext {
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
  /** The handler's result (undefined when it failed). */
  readonly result: unknown;
}

export interface RouteAudit {
  readonly action: string;
  readonly targetType?: 'user' | 'agency' | 'item' | 'notice' | 'digest';
  readonly target?: (c: AuditRouteContext) => string | null;
  /** Facts worth keeping; never a password, a token or free text the history already holds. */
  readonly detail?: (c: AuditRouteContext) => Record<string, unknown> | null;
  /** Who acted when no session says so: the address typed at the login, the link's agency. */
  readonly actorEmail?: (c: AuditRouteContext) => string | null;
  /** A signed mail link (ADR 0011): the item and the agency come from the token's claims. */
  readonly link?: true;
}

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[name]
    : undefined;

const text = (value: unknown, name: string): string | null => {
  const v = field(value, name);
  return typeof v === 'string' ? v : null;
};

/** Only the named fields of the body that are present, as sent (validated by then). */
const pick =
  (...names: string[]) =>
  ({ body }: AuditRouteContext): Record<string, unknown> | null => {
    const out: Record<string, unknown> = {};
    for (const name of names) {
      const v = field(body, name);
      if (v !== undefined) out[name] = v;
    }
    return Object.keys(out).length > 0 ? out : null;
  };

const param =
  (name: string) =>
  ({ params }: AuditRouteContext): string | null =>
    params[name] ?? null;
const resultId = ({ result }: AuditRouteContext): string | null => text(result, 'id');
const bodyEmail = ({ body }: AuditRouteContext): string | null =>
  text(body, 'email')?.trim().toLowerCase() ?? null;

const itemCommand = (action: string, detail?: RouteAudit['detail']): RouteAudit => ({
  action,
  targetType: 'item',
  target: param('id'),
  ...(detail ? { detail } : {}),
});

const linkCommand = (action: string, detail?: RouteAudit['detail']): RouteAudit => ({
  action,
  targetType: 'item',
  link: true,
  ...(detail ? { detail } : {}),
});

export const AUDITED_ROUTES: Readonly<Record<string, RouteAudit | null>> = {
  'POST /api/auth/login': { action: 'auth.login', actorEmail: bodyEmail },
  'POST /api/auth/logout': { action: 'auth.logout' },
  'POST /api/auth/logout-all': { action: 'auth.logout_all' },
  'POST /api/auth/password': { action: 'auth.password_change' },
  'POST /api/auth/password-reset': { action: 'auth.password_reset_request', actorEmail: bodyEmail },
  'POST /api/auth/password-links/:token': {
    action: 'auth.password_set',
    actorEmail: ({ result }) => text(result, 'email'),
  },

  'POST /api/users': {
    action: 'user.create',
    targetType: 'user',
    target: resultId,
    detail: pick('email', 'name', 'role', 'agency'),
  },
  'PATCH /api/users/:id': {
    action: 'user.update',
    targetType: 'user',
    target: param('id'),
    detail: pick('name', 'role', 'agency', 'disabled'),
  },
  'POST /api/users/:id/password-reset': {
    action: 'user.password_mail',
    targetType: 'user',
    target: param('id'),
    detail: ({ result }) => {
      const purpose = text(result, 'purpose');
      return purpose ? { purpose } : null;
    },
  },

  'POST /api/agencies': {
    action: 'agency.create',
    targetType: 'agency',
    target: ({ body }) => text(body, 'code'),
    detail: pick('name', 'aliases', 'contactEmail', 'headEmail'),
  },
  'PATCH /api/agencies/:code': {
    action: 'agency.update',
    targetType: 'agency',
    target: param('code'),
    detail: pick('name', 'aliases', 'contactEmail', 'headEmail', 'active'),
  },

  'POST /api/items': {
    action: 'item.create',
    targetType: 'item',
    target: resultId,
    detail: pick('lead', 'support', 'due'),
  },
  'POST /api/items/:id/progress': itemCommand('item.progress', pick('percent')),
  'POST /api/items/:id/submit': itemCommand('item.submit'),
  'POST /api/items/:id/extension-requests': itemCommand('item.extension_request', pick('due')),
  'POST /api/items/:id/extension-requests/:rid/approve': itemCommand(
    'item.extension_approve',
    ({ params }) => ({ requestId: params.rid }),
  ),
  'POST /api/items/:id/extension-requests/:rid/reject': itemCommand(
    'item.extension_reject',
    ({ params }) => ({ requestId: params.rid }),
  ),
  'POST /api/items/:id/accept': itemCommand('item.accept'),
  'POST /api/items/:id/return': itemCommand('item.return'),
  'POST /api/items/:id/reassign': itemCommand('item.reassign', pick('lead')),
  'POST /api/items/:id/cancel': itemCommand('item.cancel'),
  'POST /api/items/:id/deadline': itemCommand('item.deadline_change', pick('due')),

  'POST /api/links/:token/progress': linkCommand('item.progress', pick('percent')),
  'POST /api/links/:token/submit': linkCommand('item.submit'),
  'POST /api/links/:token/extension-requests': linkCommand('item.extension_request', pick('due')),

  'POST /api/notices': {
    action: 'notice.confirm',
    targetType: 'notice',
    target: resultId,
    detail: ({ result }) => {
      const created = field(result, 'created');
      const started = field(result, 'started');
      return result === undefined ? null : { created, started };
    },
  },
  // Parses and stores nothing.
  'POST /api/notices/preview': null,

  'POST /api/digests/:kind/pause': {
    action: 'digest.pause',
    targetType: 'digest',
    target: param('kind'),
  },
  'POST /api/digests/:kind/resume': {
    action: 'digest.resume',
    targetType: 'digest',
    target: param('kind'),
  },
  'POST /api/digests/:kind/send': {
    action: 'digest.send',
    targetType: 'digest',
    target: param('kind'),
    detail: ({ result }) => {
      const sent = field(result, 'sent');
      return result === undefined || sent === undefined ? null : { sent };
    },
  },
};
