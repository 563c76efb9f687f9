import createClient, { type Middleware } from 'openapi-fetch';
import { readToken, writeToken } from '../auth/session-store';
import type { components, paths } from './schema';

export type Item = components['schemas']['ItemResponse'];
export type ItemEvent = components['schemas']['ItemEventResponse'];
export type ItemStatus = Item['status'];
export type Agency = components['schemas']['AgencyResponse'];
export type NoticeSummary = components['schemas']['NoticeSummaryResponse'];
export type Me = components['schemas']['MeResponse'];
export type ApiErrorBody = components['schemas']['ApiErrorResponse'];
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
 * A session that expired or was revoked while a page was open: forget it and go to the login page,
 * coming back here after. Logging in and mail links answer 401 for their own reasons: not these.
 */
const expiredSession: Middleware = {
  onResponse({ request, response }) {
    const path = new URL(request.url).pathname;
    if (response.status !== 401 || path === '/api/auth/login' || path.startsWith('/api/links/')) {
      return response;
    }
    if (readToken() !== null) {
      writeToken(null);
      const next = encodeURIComponent(window.location.pathname + window.location.search);
      window.location.assign(`/dang-nhap?next=${next}`);
    }
    return response;
  },
};

/** The typed client of the API (same origin), generated from its OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '' });
api.use(bearer, expiredSession);
