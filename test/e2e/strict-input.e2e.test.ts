/**
 * Issue 9 (ADR 0021): every field typed at the edge (a numeric `lead` is a 400, never a 500), a
 * notice up to 500,000 characters taken and a longer one 413 NOTICE_TOO_LARGE, query parameters
 * read strictly, and a method the document does not list for a path 405 with `Allow`.
 */
import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let token: string;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  token = await stack.login('secretariat@dondoc.local');
});

afterAll(async () => {
  await stack?.close();
});

const auth = () => ({ Authorization: `Bearer ${token}` });
const post = (path: string, body: unknown) =>
  stack
    .http()
    .post(path)
    .set(auth())
    .send(body as object);

/** A notice of exactly `chars` code points: lines of Vietnamese text, one astral letter per line. */
function noticeOf(chars: number): string {
  const line = 'Giao Sở Tài chính chủ trì thực hiện nhiệm vụ 𝐀.\n';
  const points = [...line].length;
  const whole = line.repeat(Math.floor(chars / points));
  return whole + 'x'.repeat(chars - [...whole].length);
}

describe('every field typed', () => {
  it.each([
    ['a number', 42],
    ['an object', { code: 'STC' }],
    ['a list', ['STC']],
    ['null', null],
  ])('POST /api/items with %s as lead: 400 VALIDATION_FAILED', async (_, lead) => {
    const res = await post('/api/items', { text: 'Việc', lead, due: '2026-12-31' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect((res.body as { details: { field: string }[] }).details.map((d) => d.field)).toEqual([
      'lead',
    ]);
  });

  it('POST /api/notices with a numeric lead, in items or in parsed: 400, nothing stored', async () => {
    const before: unknown = await stack.db.dataSource.query('SELECT count(*)::int AS n FROM items');
    for (const body of [
      { text: 'Thông báo', items: [{ text: 'Việc', lead: 42 }] },
      { text: 'Thông báo', items: [{ text: 'Việc', lead: [42] }] },
      { parsed: { items: [{ code: '1', text: 'Việc', lead: 42 }] } },
      { parsed: { items: [{ code: '1', text: 'Việc', lead: ['STC'], deadline: 'mai' }] } },
      { text: 'Thông báo', items: [{ text: 'Việc', lead: 'STC', deadline: { kind: 'sớm' } }] },
      { text: 'Thông báo', items: [{ text: 'Việc', lead: 'STC', reportTo: null }] },
    ]) {
      const res = await post('/api/notices', body);
      expect({ body, status: res.status, code: (res.body as { code: string }).code }).toEqual({
        body,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    expect(await stack.db.dataSource.query('SELECT count(*)::int AS n FROM items')).toEqual(before);
  });

  it('a body with neither text nor parsed is refused at the edge', async () => {
    const res = await post('/api/notices', { items: [{ text: 'Việc', lead: 'STC' }] });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((res.body as { details: { field: string }[] }).details[0]?.field).toBe('text');
  });

  it('null is not an absent optional field; a blank note is refused', async () => {
    const res = await post('/api/items', {
      text: 'Việc',
      lead: 'STC',
      due: '2026-12-31',
      reportTo: null,
    });
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const blank = await post('/api/items', { text: ' \u00a0\n', lead: 'STC', due: '2026-12-31' });
    expect(blank.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('lengths count characters, as the document does (an astral letter is one)', async () => {
    const astral = '𝐀'.repeat(200);
    const res = await post('/api/items', {
      text: 'Việc',
      lead: 'STC',
      due: '2026-12-31',
      reportTo: astral,
    });
    expect(res.status).toBe(201);
    const over = await post('/api/items', {
      text: 'Việc',
      lead: 'STC',
      due: '2026-12-31',
      reportTo: `${astral}x`,
    });
    expect(over.status).toBe(400);
  });

  it('a malformed deadline or duration keeps its own code', async () => {
    const due = await post('/api/items', { text: 'Việc', lead: 'STC', due: '2026-12-31T17:00' });
    expect(due.body).toMatchObject({ statusCode: 400, code: 'INVALID_DUE' });
    const policy = await post('/api/items', {
      text: 'Việc',
      lead: 'STC',
      due: '2026-12-31',
      policy: { remindBefore: ['P1W'] },
    });
    expect(policy.body).toMatchObject({ statusCode: 400, code: 'INVALID_DURATION' });
  });
});

describe('a request body left out', () => {
  type Doc = { paths: Record<string, Record<string, { requestBody?: { required?: boolean } }>> };

  it('is `{}` where `{}` is valid (every field optional), and the document says so', async () => {
    const doc = (await stack.http().get('/api/docs-json').expect(200)).body as Doc;
    expect(doc.paths['/api/users/{id}']?.patch?.requestBody?.required).toBe(false);
    expect(doc.paths['/api/items/{id}/accept']?.post?.requestBody?.required).toBe(false);
    expect(doc.paths['/api/items']?.post?.requestBody?.required).toBe(true);
    expect(doc.paths['/api/notices']?.post?.requestBody?.required).toBe(true);

    const users = await stack.http().get('/api/users?q=head@').set(auth()).expect(200);
    const head = (users.body as { id: string; email: string; role: string }[])[0]!;
    expect(head.email).toBe('head@dondoc.local');
    const patched = await stack.http().patch(`/api/users/${head.id}`).set(auth()).expect(200);
    expect(patched.body).toMatchObject({ id: head.id, role: head.role, disabledAt: null });
  });

  it('is refused where a field is required: 400 naming the fields', async () => {
    for (const path of ['/api/items', '/api/notices']) {
      const res = await stack.http().post(path).set(auth());
      expect({ path, status: res.status, code: (res.body as { code?: string }).code }).toEqual({
        path,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
  });
});

describe('a notice up to 500,000 characters', () => {
  const body = (text: string) => ({ text });

  it('previews one of exactly 500,000 characters', async () => {
    const text = noticeOf(500_000);
    expect([...text]).toHaveLength(500_000);
    const res = await post('/api/notices/preview', body(text));
    expect(res.status).toBe(200);
  }, 60_000);

  it('answers 413 NOTICE_TOO_LARGE for 500,001 on preview and on confirm, storing nothing', async () => {
    const text = noticeOf(500_001);
    for (const path of ['/api/notices/preview', '/api/notices']) {
      const res = await post(path, body(text));
      expect({ path, status: res.status }).toEqual({ path, status: 413 });
      expect(res.body).toMatchObject({ statusCode: 413, code: 'NOTICE_TOO_LARGE' });
      expect((res.body as { message: string }).message).toContain('500.000 ký tự');
    }
    const notices: unknown = await stack.db.dataSource.query(
      'SELECT count(*)::int AS n FROM notices',
    );
    expect(notices).toEqual([{ n: 0 }]);
  }, 60_000);
});

describe('query parameters', () => {
  it('an empty one is absent; numbers and booleans are read strictly', async () => {
    await stack.http().get('/api/items?status=&lead=&limit=&overdue=').set(auth()).expect(200);
    for (const q of ['limit=0x10', 'limit=1.5', 'offset=%201', 'overdue=1', 'noticeId=nope']) {
      const res = await stack.http().get(`/api/items?${q}`).set(auth());
      expect({ q, status: res.status }).toEqual({ q, status: 400 });
    }
    await stack.http().get('/api/items?limit=10&offset=2&overdue=false').set(auth()).expect(200);
  });

  it('a date that does not exist is refused', async () => {
    const res = await stack.http().get('/api/reports/overdue?from=2026-02-30').set(auth());
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });
});

describe('methods', () => {
  it('405 with Allow for a method the document does not list; OPTIONS says what is allowed', async () => {
    const put = await stack.http().put('/api/items').set(auth()).send({});
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('GET, POST, HEAD, OPTIONS');
    expect(put.body).toMatchObject({ statusCode: 405, code: 'METHOD_NOT_ALLOWED' });
    const del = await stack
      .http()
      .delete('/api/items/00000000-0000-4000-8000-000000000000')
      .set(auth());
    expect(del.status).toBe(405);
    expect(del.headers.allow).toBe('GET, HEAD, OPTIONS');
    const options = await stack.http().options('/api/notices/preview');
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe('POST, OPTIONS');
    // Written out, `preview` is not a notice id: GET is not served there.
    const get = await stack.http().get('/api/notices/preview').set(auth());
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST, OPTIONS');
    // A path the document does not name stays a 404.
    const unknown = await stack.http().put('/api/nothing-here').set(auth());
    expect(unknown.status).toBe(404);
  });
});
