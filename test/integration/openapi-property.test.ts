/**
 * Issue 9 (ADR 0021): 10,000 requests generated from the OpenAPI document over all its routes, as
 * the secretariat, against the in-process API (real PostgreSQL, Temporal, worker, SMTP): bodies,
 * query and path parameters as the document describes them ("valid-ish": agencies that do not
 * exist, ids of nothing, any year) and broken (any JSON, a field replaced, dropped or added,
 * malformed JSON). Never a 5xx; every 4xx is `{statusCode, code, message}` with a stable code and a
 * Vietnamese message.
 *
 *   PROPERTY_RUNS (default 10000), PROPERTY_SEED (default: fast-check's random seed, printed)
 */
import fc, { type Arbitrary } from 'fast-check';
import type { OpenAPIObject, OperationObject, ParameterObject } from '@nestjs/swagger';
import { brokenValueOf, type Components, type Schema, valueOf } from '../support/openapi-arbitrary';
import { startTestStack, type TestStack } from '../support/stack';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 10_000);
const SEED =
  process.env.PROPERTY_SEED === undefined ? undefined : Number(process.env.PROPERTY_SEED);

/** They end or change the session the requests authenticate with (as in the Schemathesis run). */
const EXCLUDED = new Set([
  'post /api/auth/logout',
  'post /api/auth/logout-all',
  'post /api/auth/password',
]);

/** A letter only Vietnamese writes among the Latin scripts (or đ): the message is Vietnamese. */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
const CODE = /^[A-Z][A-Z0-9_]*$/;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface Operation {
  readonly method: (typeof METHODS)[number];
  readonly path: string;
  readonly params: readonly ParameterObject[];
  readonly body?: Schema;
}

interface Request {
  readonly op: Operation;
  readonly url: string;
  readonly query: Record<string, string>;
  readonly body?: { readonly raw: string };
}

let stack: TestStack;
let token: string;
let document: OpenAPIObject;
/** Ids of items that exist (grown by every 201 of POST /api/items), so commands reach workflows. */
const itemIds: string[] = [];
const requestIds: string[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  token = await stack.login('secretariat@dondoc.local');
  document = (await stack.http().get('/api/docs-json').expect(200)).body as OpenAPIObject;
  for (const due of ['2026-01-22', '2099-06-30', new Date(Date.now() + 86_400_000).toISOString()]) {
    const res = await stack
      .http()
      .post('/api/items')
      .set(auth())
      .send({ text: 'Nhiệm vụ để thử', lead: 'STC', support: ['SXD'], due })
      .expect(201);
    itemIds.push((res.body as { id: string }).id);
  }
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

const auth = () => ({ Authorization: `Bearer ${token}` });

function operations(doc: OpenAPIObject): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op: OperationObject | undefined = item[method];
      if (!op || EXCLUDED.has(`${method} ${path}`)) return [];
      const body = op.requestBody;
      const schema =
        body && 'content' in body ? body.content['application/json']?.schema : undefined;
      const params = (op.parameters ?? []).filter((p): p is ParameterObject => 'in' in p);
      return [{ method, path, params, ...(schema ? { body: schema } : {}) }];
    }),
  );
}

const anyText = fc.string({ unit: 'grapheme', maxLength: 40 });

function pathValue(name: string, schema: Schema, components: Components): Arbitrary<string> {
  const generated = valueOf(schema, components).map(String);
  if (name === 'id') return fc.oneof(fc.constantFrom(...itemIds), fc.uuid(), generated, anyText);
  if (name === 'rid') {
    return fc.oneof(
      fc.constant(null).map(() => requestIds.at(-1) ?? 'none'),
      fc.uuid(),
      anyText,
    );
  }
  return fc.oneof(generated, anyText);
}

function requestOf(op: Operation, components: Components): Arbitrary<Request> {
  const path = op.params
    .filter((p) => p.in === 'path')
    .map((p) => pathValue(p.name, (p.schema ?? {}) as Schema, components).map((v) => [p.name, v]));
  const query = op.params
    .filter((p) => p.in === 'query')
    .map((p) =>
      fc
        .option(fc.oneof(valueOf((p.schema ?? {}) as Schema, components).map(String), anyText), {
          freq: 2,
        })
        .map((v) => [p.name, v]),
    );
  const body: Arbitrary<{ raw: string } | undefined> = op.body
    ? fc.oneof(
        {
          weight: 3,
          arbitrary: valueOf(op.body, components).map((v) => ({ raw: JSON.stringify(v) })),
        },
        {
          weight: 3,
          arbitrary: brokenValueOf(op.body, components).map((v) => ({
            raw: JSON.stringify(v) ?? 'null',
          })),
        },
        { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map((raw) => ({ raw: `{${raw}` })) },
      )
    : fc.constant(undefined);
  return fc.record({ path: fc.tuple(...path), query: fc.tuple(...query), body }).map((r) => ({
    op,
    url: r.path.reduce(
      (url, [name, v]) => url.replace(`{${name!}}`, encodeURIComponent(v!)),
      op.path,
    ),
    query: Object.fromEntries(r.query.filter(([, v]) => v !== null)) as Record<string, string>,
    ...(r.body ? { body: r.body } : {}),
  }));
}

function problemOf(status: number, body: unknown): string | null {
  if (status >= 500) return `a server error ${status}`;
  if (status < 400) return null;
  // The bodies generated here are a few kilobytes: far from any size the API refuses.
  if (status === 413) return 'a 413 for a small body';
  if (typeof body !== 'object' || body === null) return `${status} without a JSON body`;
  const { statusCode, code, message } = body as Record<string, unknown>;
  if (statusCode !== status) return `statusCode ${String(statusCode)} for a ${status}`;
  if (typeof code !== 'string' || !CODE.test(code)) return `code ${JSON.stringify(code)}`;
  if (typeof message !== 'string' || !VIETNAMESE.test(message)) {
    return `a message that is not Vietnamese: ${JSON.stringify(message)}`;
  }
  return null;
}

it(
  `${RUNS} requests over every route: no 5xx, every 4xx {statusCode, code, message} in Vietnamese`,
  async () => {
    const components = (document.components?.schemas ?? {}) as Components;
    const ops = operations(document);
    expect(ops.length).toBeGreaterThan(20);
    const requests = fc.oneof(...ops.map((op) => requestOf(op, components)));
    const byStatus = new Map<number, number>();
    let sent = 0;
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(requests, async (r) => {
        let req = stack.http()[r.op.method](r.url).set(auth()).query(r.query);
        if (r.body) req = req.set('Content-Type', 'application/json').send(r.body.raw);
        const res = await req;
        sent++;
        byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
        const body = res.body as { id?: unknown; pendingExtension?: { id?: unknown } | null };
        if (r.op.path === '/api/items' && res.status === 201 && typeof body.id === 'string') {
          itemIds.push(body.id);
        }
        if (typeof body.pendingExtension?.id === 'string') {
          requestIds.push(body.pendingExtension.id);
        }
        const problem = problemOf(res.status, res.body);
        if (problem) {
          throw new Error(
            `${r.op.method.toUpperCase()} ${r.url} ${JSON.stringify(r.query)} ${r.body?.raw.slice(0, 500) ?? ''}\n` +
              `→ ${problem}: ${res.text.slice(0, 1000)}`,
          );
        }
      }),
      { numRuns: RUNS, endOnFailure: true, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const statuses = [...byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
    process.stderr.write(
      `[property] ${sent} requests over ${ops.length} operations in ${seconds} s; ${statuses.join(', ')}\n`,
    );
    expect(sent).toBeGreaterThanOrEqual(RUNS);
  },
  15 * 60_000,
);
