import createClient, { type Middleware } from 'openapi-fetch';
import { sessionEndedUrl } from '../auth/session-end';
import { readToken, writeToken } from '../auth/session-store';
import type { components, paths } from './schema';

export type Item = components['schemas']['ItemResponse'];
export type ItemEvent = components['schemas']['ItemEventResponse'];
export type ItemStatus = Item['status'];
export type Agency = components['schemas']['AgencyResponse'];
export type NoticeSummary = components['schemas']['NoticeSummaryResponse'];
export type Me = components['schemas']['MeResponse'];
export type ApiErrorBody = components['schemas']['ApiErrorResponse'];
export type Digest = components['schemas']['DigestResponse'];
export type ItemCommand = components['schemas']['ItemActionsResponse']['actions'][number];

/** Adds the session's bearer token to every request that has none. */
const bearer: Middleware = {
  onRequest({ request }) {
    const token = readToken();
    if (token && !request.headers.has('authorization')) {
      request.headers.set('authorization', `Bearer ${token}`);
    }
    return request;
  },
};

/**
 * A session that expired, stayed idle too long or was revoked while a page was open: forget it and
 * go to the login page, which says why (the API's code) and comes back here after. Logging in and
 * mail links answer 401 for their own reasons, and "Đăng xuất" goes to the login page anyway.
 */
const expiredSession: Middleware = {
  async onResponse({ request, response }) {
    const path = new URL(request.url).pathname;
    const own =
      ['/api/auth/login', '/api/auth/logout'].includes(path) || path.startsWith('/api/links/');
    if (response.status !== 401 || own) return response;
    if (readToken() !== null) {
      // Forgotten before the body is read: a second refused request at the same time does nothing.
      writeToken(null);
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => null);
      const code = typeof body === 'object' && body !== null && 'code' in body ? body.code : null;
      const next = window.location.pathname + window.location.search;
      window.location.assign(
        sessionEndedUrl('/dang-nhap', next, typeof code === 'string' ? code : null),
      );
    }
    return response;
  },
};

/** The typed client of the API (same origin), generated from its OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '' });
api.use(bearer, expiredSession);
