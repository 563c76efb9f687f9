import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { startSmtpServer, type TestSmtpServer } from './smtp';

/** The fault tests' SMTP server: a real one that requires a login, behind a port that can go dark. */
export interface FaultySmtpServer extends TestSmtpServer {
  /** Nothing listens on the server's port any more: every connection is refused (ECONNREFUSED). */
  refuseConnections(): Promise<void>;
  /** Every login is answered 535 5.7.8 (a password the server no longer takes). */
  refuseLogins(): void;
  /** Connections and logins work again. */
  heal(): Promise<void>;
}

const USER = 'dondoc';
const PASS = 'smtp-test-password';

/**
 * A real SMTP server (test/support/smtp.ts) that requires AUTH, reached through a TCP front on
 * a port of its own: closing the front's listener makes connections to `url` fail as a server
 * that is down does, and reopening it on the same port brings it back.
 */
export async function startFaultySmtpServer(): Promise<FaultySmtpServer> {
  const smtp = await startSmtpServer({ auth: { user: USER, pass: PASS } });
  const sockets = new Set<Socket>();
  const front: Server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: smtp.port });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      front.once('error', reject);
      front.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
        front.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const address = front.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  let dark = false;
  const closeFront = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      front.close(() => resolve());
    });
  const reopen = async () => {
    // The port was free while dark; retry briefly should another process have bound it meanwhile.
    for (let attempt = 0; ; attempt++) {
      try {
        await listen(port);
        return;
      } catch (err) {
        if (attempt >= 50) throw err;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  };

  return {
    ...smtp,
    url: `smtp://${USER}:${PASS}@127.0.0.1:${port}`,
    port,
    async refuseConnections() {
      if (dark) return;
      dark = true;
      await closeFront();
    },
    refuseLogins() {
      smtp.rejectLogins(535);
    },
    async heal() {
      smtp.rejectLogins(null);
      if (!dark) return;
      dark = false;
      await reopen();
    },
    async close() {
      if (!dark) await closeFront();
      await smtp.close();
    },
  };
}
