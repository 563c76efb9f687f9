import { startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let token: string;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  token = await stack.login('stc@dondoc.local');
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

describe('GET /api/health', () => {
  const health = () => stack.http().get('/api/health').set('Authorization', `Bearer ${token}`);

  it('503 naming the worker while none polls the task queue, 200 once one does', async () => {
    // Without a valid token: up or down, nothing else (what is down is not for strangers).
    for (const auth of [undefined, 'Bearer forged']) {
      const req = stack.http().get('/api/health');
      const anonymous = await (auth ? req.set('Authorization', auth) : req);
      expect(anonymous.status).toBe(503);
      expect(anonymous.body).toEqual({
        statusCode: 503,
        code: 'UNHEALTHY',
        message: 'Hệ thống chưa sẵn sàng.',
      });
    }
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      statusCode: 503,
      code: 'UNHEALTHY',
      error: { worker: { status: 'down' } },
    });
    expect(down.body).toMatchObject({
      info: { database: { status: 'up' }, temporal: { status: 'up' } },
    });
    expect((down.body as { message: string }).message).toContain('worker');

    await stack.startWorker();
    const deadline = Date.now() + 20_000;
    let res = await health();
    while (res.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      res = await health();
    }
    expect(res.status).toBe(200);
    expect((await stack.http().get('/api/health')).body).toEqual({ status: 'ok' });
    expect(res.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, temporal: { status: 'up' }, worker: { status: 'up' } },
    });
  }, 60_000);

  it('is public and documented: OpenAPI at /api/docs', async () => {
    const json = await stack.http().get('/api/docs-json').expect(200);
    const paths = Object.keys((json.body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/items',
        '/api/items/{id}/history',
        '/api/reports/overdue',
        '/api/health',
      ]),
    );
  });

  it('is documented as bearer or none: it answers without a token (up or down only)', async () => {
    const json = await stack.http().get('/api/docs-json').expect(200);
    const doc = json.body as { paths: Record<string, { get: { security?: unknown } }> };
    expect(doc.paths['/api/health']?.get.security).toEqual([{ bearer: [] }, {}]);
    // Every other operation but the public ones still needs the token.
    expect(doc.paths['/api/items']?.get.security).toEqual([{ bearer: [] }]);
  });
});
