import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { startTestStack, type TestStack, type TestStackOptions } from '../../support/stack';

/**
 * Makes the in-process API of a test stack listen on a free loopback port (the browser needs a real
 * HTTP server; supertest does not open one) and returns its origin, e.g. http://127.0.0.1:41234.
 * The app's own close() (stack.close()) stops listening.
 */
export async function listen(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as { address(): AddressInfo | string | null }).address();
  if (!address || typeof address === 'string') {
    throw new Error(`listen(): the API listens on ${String(address)}, not a TCP port`);
  }
  return `http://127.0.0.1:${address.port}`;
}

export interface BrowserStack extends TestStack {
  /** The origin the browser opens: the API and, at `/`, the web app it serves. */
  readonly baseUrl: string;
}

/**
 * startTestStack() (fresh seeded database, own task queue, SMTP server, worker) whose API listens on
 * a free port. The worker starts after the port is known, with config.publicBaseUrl set to it, so
 * the links in the mails it sends open this server.
 */
export async function startBrowserStack(options: TestStackOptions = {}): Promise<BrowserStack> {
  const stack = await startTestStack({ ...options, worker: false });
  try {
    const baseUrl = await listen(stack.app);
    // The stack's config is the object the API and the worker's activities read (APP_CONFIG).
    (stack.config as { publicBaseUrl: string }).publicBaseUrl = baseUrl;
    if (options.worker !== false) await stack.startWorker();
    return Object.assign(stack, { baseUrl });
  } catch (err) {
    await stack.close();
    throw err;
  }
}

/** What POST /api/items takes, as the browser tests create their items. */
export interface NewItem {
  readonly text: string;
  readonly lead: string;
  readonly due?: string;
  readonly support?: readonly string[];
  readonly policy?: { readonly remindBefore?: string[]; readonly escalateAfter?: string[] };
}

/** Creates an item as the secretariat (POST /api/items, expecting 201); its id. */
export async function createItem(stack: BrowserStack, item: NewItem): Promise<string> {
  const secretariat = await stack.login('secretariat@dondoc.local');
  const res = await stack
    .http()
    .post('/api/items')
    .set('authorization', `Bearer ${secretariat}`)
    .send(item)
    .expect(201);
  return (res.body as { id: string }).id;
}
