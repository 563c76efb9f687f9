import createClient, { type Middleware } from 'openapi-fetch';
import { readToken } from '../auth/session-store';
import type { components, paths } from './schema';

export type Item = components['schemas']['ItemResponse'];
export type ItemEvent = components['schemas']['ItemEventResponse'];
export type ItemStatus = Item['status'];
export type Agency = components['schemas']['AgencyResponse'];
export type NoticeSummary = components['schemas']['NoticeSummaryResponse'];
export type Me = components['schemas']['MeResponse'];
export type ApiErrorBody = components['schemas']['ApiErrorResponse'];

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

/** The typed client of the API (same origin), generated from its OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '' });
api.use(bearer);
