import { createServer } from 'node:net';
import { assertPortFree, freePort, PortInUseError } from './ports';
import { checkPostgres, checkReachable, StartError } from './preflight';

describe('start-up pre-flight checks', () => {
  it('names the port and the variable when a port is taken', async () => {
    const server = createServer();
    const port = await freePort();
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
    try {
      const check = assertPortFree(port, 'API', 'PORT');
      await expect(check).rejects.toBeInstanceOf(PortInUseError);
      await expect(assertPortFree(port, 'API', 'PORT')).rejects.toThrow(
        `Port ${port} (API) is already in use`,
      );
    } finally {
      server.close();
    }
  });

  it('explains an unreachable DATABASE_URL in one line', async () => {
    const port = await freePort();
    const check = checkPostgres(`postgres://u:p@127.0.0.1:${port}/dondoc`);
    await expect(check).rejects.toBeInstanceOf(StartError);
    await expect(checkPostgres(`postgres://u:p@127.0.0.1:${port}/dondoc`)).rejects.toThrow(
      new RegExp(
        `PostgreSQL is not reachable at 127\\.0\\.0\\.1:${port}/dondoc \\(DATABASE_URL\\)`,
      ),
    );
  });

  it('explains an unreachable TEMPORAL_ADDRESS', async () => {
    const port = await freePort();
    await expect(
      checkReachable(`127.0.0.1:${port}`, 'Temporal', 'TEMPORAL_ADDRESS'),
    ).rejects.toThrow(/Temporal does not answer at .* \(TEMPORAL_ADDRESS\)/);
  }, 15000);
});
