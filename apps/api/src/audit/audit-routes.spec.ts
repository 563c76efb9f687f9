import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { openApiDocument } from '../openapi';
import { AUDITED_ROUTES } from './audit-routes';
import { requestActionLabel } from '../../../web/src/admin/admin-labels';
import { storable } from './audit.service';

/** Every route of the API, as `METHOD /api/path/:param` (Express's spelling). */
async function routes(): Promise<string[]> {
  const app = await NestFactory.create(AppModule, { preview: true, logger: false });
  app.setGlobalPrefix('api');
  const document = openApiDocument(app);
  await app.close();
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
}

describe('AUDITED_ROUTES', () => {
  let all: string[];
  beforeAll(async () => (all = await routes()), 60_000);

  it('says, for every route that is not a GET, what the audit log records (or null)', () => {
    const changes = all.filter((r) => !r.startsWith('GET '));
    expect(changes.length).toBeGreaterThan(20);
    expect(changes.filter((r) => !(r in AUDITED_ROUTES))).toEqual([]);
  });

  it('lets the audit page say in words what every route of the API does, when refused', () => {
    expect(all.filter((r) => requestActionLabel(r) === null)).toEqual([]);
  });

  it('names only routes that exist', () => {
    expect(Object.keys(AUDITED_ROUTES).filter((r) => !all.includes(r))).toEqual([]);
  });

  it('records every item command, by HTTP and by signed link', () => {
    const itemCommands = all.filter((r) => /^POST \/api\/(items|links)\//.test(r));
    expect(itemCommands.length).toBeGreaterThanOrEqual(12);
    for (const r of itemCommands) expect(AUDITED_ROUTES[r]?.action).toMatch(/^item\./);
  });

  it('keeps no password, token or free text in what it records', () => {
    const body = {
      email: 'A@x.vn',
      password: 'secret-password',
      current: 'old-secret',
      next: 'new-secret',
      note: 'báo cáo',
      reason: 'lý do',
      text: 'nội dung',
      role: 'agency',
      percent: 50,
    };
    for (const [route, audit] of Object.entries(AUDITED_ROUTES)) {
      const detail = audit?.detail?.({
        params: { id: 'i', rid: 'r', code: 'C' },
        body,
        result: {},
      });
      const kept = JSON.stringify(detail ?? {});
      for (const secret of ['secret', 'báo cáo', 'lý do', 'nội dung']) {
        expect({ route, kept: kept.includes(secret) }).toEqual({ route, kept: false });
      }
    }
  });
});

describe('storable', () => {
  it('replaces U+0000, which PostgreSQL text and jsonb refuse, in strings, arrays, keys and values', () => {
    expect(storable('a\u0000b')).toBe('a\uFFFDb');
    expect(storable({ 'k\u0000': ['x\u0000', 1, null, true], n: { m: '\u0000' } })).toEqual({
      'k\uFFFD': ['x\uFFFD', 1, null, true],
      n: { m: '\uFFFD' },
    });
    expect(storable(null)).toBeNull();
  });
});
