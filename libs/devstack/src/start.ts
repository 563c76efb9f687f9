/* eslint-disable no-console -- this is the terminal UI of `npm start` */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { DEV_DEFAULTS } from '../../config/src/app-config';
import { DEV_SEED_PASSWORD } from '../../config/src/production-checks';
import { bannerLogins, withoutCredentials } from './banner';
import { dataSourceOptions } from '../../persistence/src/data-source-options';
import { runMigrations } from '../../persistence/src/migrate';
import { seedDevData } from '../../persistence/src/seed/dev-seed';
import { startProcess, type ManagedProcess } from './child-process';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres';
import { assertPortFree, PortInUseError, waitForPort } from './ports';
import { checkPostgres, checkReachable, StartError } from './preflight';
import { supervise } from './supervisor';
import { resolveTemporalCli } from './temporal-binaries';

/** The project root, from dist/libs/devstack/src (the build) or libs/devstack/src (ts-node). */
const root = [resolve(__dirname, '../../..'), resolve(__dirname, '../../../..')].find((dir) =>
  existsSync(join(dir, 'nest-cli.json')),
) as string;
const say = (line: string) => console.log(line);

interface Stack {
  processes: Pick<ManagedProcess, 'stop'>[];
  postgres?: EmbeddedPostgresHandle;
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const env = process.env;
  const port = Number(env.PORT ?? DEV_DEFAULTS.port);
  const dataDir = resolve(env.DATA_DIR ?? join(root, '.data'));
  const seedPassword = env.SEED_PASSWORD ?? DEV_SEED_PASSWORD;
  await mkdir(dataDir, { recursive: true });
  const stack: Stack = { processes: [] };
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('\nStopping Đôn Đốc …');
    for (const p of [...stack.processes].reverse()) await p.stop();
    await stack.postgres?.stop();
    say('Stopped.');
    process.exit(code);
  };
  /**
   * embedded-postgres installs async-exit-hook, whose SIGINT/SIGTERM handler exits the process as
   * soon as PostgreSQL is down, orphaning the other children. Ours stops everything, then exits.
   */
  const takeSignals = (): void => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, () => void stopAll(0));
    }
  };
  takeSignals();

  try {
    await assertPortFree(port, 'API', 'PORT');
    const urls = {
      temporalAddress: env.TEMPORAL_ADDRESS,
      temporalUi: undefined as string | undefined,
      databaseUrl: env.DATABASE_URL,
      smtpUrl: env.SMTP_URL,
      mailUi: undefined as string | undefined,
    };

    // Temporal: an external cluster when TEMPORAL_ADDRESS is set, else the dev server (CLI).
    if (urls.temporalAddress) {
      await checkReachable(urls.temporalAddress, 'Temporal', 'TEMPORAL_ADDRESS');
    } else {
      const tp = DEV_DEFAULTS.temporalPort;
      const uiPort = DEV_DEFAULTS.temporalUiPort;
      await assertPortFree(tp, 'Temporal dev server', 'TEMPORAL_ADDRESS');
      await assertPortFree(uiPort, 'Temporal Web UI', 'TEMPORAL_ADDRESS');
      const cli = resolveTemporalCli();
      if (cli.type !== 'existing-path') {
        throw new StartError(
          'No Temporal CLI: install Go (to build it) or set TEMPORAL_CLI_PATH, then run `npm run provision`.',
        );
      }
      // `--db-filename` makes workflows, timers and history survive a restart of the stack.
      const temporal = startProcess(
        'temporal',
        cli.path,
        [
          'server',
          'start-dev',
          '--ip',
          '127.0.0.1',
          '--port',
          String(tp),
          '--ui-port',
          String(uiPort),
          '--db-filename',
          join(dataDir, 'temporal.db'),
          '--namespace',
          'default',
          '--log-level',
          'error',
        ],
        env,
        say,
      );
      stack.processes.push(temporal);
      await waitForPort('127.0.0.1', tp, 60000);
      urls.temporalAddress = `127.0.0.1:${tp}`;
      urls.temporalUi = `http://127.0.0.1:${uiPort}`;
    }

    // PostgreSQL: external when DATABASE_URL is set, else embedded in DATA_DIR.
    if (urls.databaseUrl) {
      await checkPostgres(urls.databaseUrl);
    } else {
      await assertPortFree(DEV_DEFAULTS.postgresPort, 'embedded PostgreSQL', 'DATABASE_URL');
      stack.postgres = await startEmbeddedPostgres({
        dataDir,
        port: DEV_DEFAULTS.postgresPort,
        persistent: true,
      });
      urls.databaseUrl = stack.postgres.url;
      takeSignals();
    }

    // Mail: external SMTP when SMTP_URL is set, else MailDev (SMTP catcher with a web view).
    if (!urls.smtpUrl) {
      const smtpPort = DEV_DEFAULTS.smtpPort;
      const webPort = DEV_DEFAULTS.mailUiPort;
      await assertPortFree(smtpPort, 'mail catcher SMTP', 'SMTP_URL');
      await assertPortFree(webPort, 'mail catcher web view', 'SMTP_URL');
      const maildev = startProcess(
        'maildev',
        process.execPath,
        [
          maildevBin(),
          '--smtp',
          String(smtpPort),
          '--web',
          String(webPort),
          '--ip',
          '127.0.0.1',
          '--web-ip',
          '127.0.0.1',
          '--silent',
        ],
        env,
        say,
      );
      stack.processes.push(maildev);
      await waitForPort('127.0.0.1', smtpPort, 30000);
      urls.smtpUrl = `smtp://127.0.0.1:${smtpPort}`;
      urls.mailUi = `http://127.0.0.1:${webPort}`;
    }

    const applied = await runMigrations(urls.databaseUrl);
    if (applied.length > 0) say(`Migrations applied: ${applied.join(', ')}`);
    if (env.NODE_ENV !== 'production') {
      const ds = new DataSource(dataSourceOptions(urls.databaseUrl));
      await ds.initialize();
      try {
        await seedDevData(ds, seedPassword);
      } finally {
        await ds.destroy();
      }
    }

    const childEnv: NodeJS.ProcessEnv = {
      ...env,
      TZ: 'UTC',
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: urls.databaseUrl,
      TEMPORAL_ADDRESS: urls.temporalAddress,
      SMTP_URL: urls.smtpUrl,
    };
    for (const app of ['worker', 'api']) {
      const command = appCommand(app);
      const supervised = supervise(
        app,
        () => startProcess(app, process.execPath, command, childEnv, say),
        say,
      );
      stack.processes.push(supervised);
      void supervised.gaveUp.then(() => {
        if (!stopping) {
          say(`${app} keeps crashing; stopping the stack.`);
          void stopAll(1);
        }
      });
    }

    const apiUrl = `http://localhost:${port}/api`;
    await waitHealthy(`${apiUrl}/health`, 180000);
    const line = '─'.repeat(72);
    say(
      [
        line,
        ` Đôn Đốc is running (healthy after ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
        line,
        ` Web app       http://localhost:${port}/${existsSync(join(root, 'dist', 'web', 'index.html')) ? '' : '   (not built: run `npm run build`)'}`,
        ...bannerLogins(env),
        ` API           ${apiUrl}`,
        ` OpenAPI docs  ${apiUrl}/docs`,
        ` Health        ${apiUrl}/health`,
        ` Temporal      ${withoutCredentials(urls.temporalAddress ?? '')}${urls.temporalUi ? `   Web UI ${urls.temporalUi}` : ''}`,
        ` Mail          ${withoutCredentials(urls.smtpUrl)}${urls.mailUi ? `   Web UI ${urls.mailUi}` : ''}`,
        ` Data          ${dataDir}`,
        '',
        ' Ctrl-C stops everything; `npm start` again resumes the same data.',
        line,
      ].join('\n'),
    );
  } catch (err) {
    const message =
      err instanceof StartError || err instanceof PortInUseError
        ? err.message
        : String(err instanceof Error ? err.stack : err);
    console.error(`\nCannot start Đôn Đốc: ${message}`);
    await stopAll(1);
  }
}

/**
 * How an app is run: its build (`npm run build`), or, with DONDOC_APPS_FROM_SOURCE=1 (the
 * supervisor's test, which has no build), its TypeScript through ts-node.
 */
function appCommand(app: string): string[] {
  if (process.env.DONDOC_APPS_FROM_SOURCE === '1') {
    return ['-r', 'ts-node/register/transpile-only', join(root, 'apps', app, 'src', 'main.ts')];
  }
  const dist = join(root, 'dist', 'apps', app, 'src', 'main.js');
  if (!existsSync(dist)) throw new StartError(`${dist} is missing: run \`npm run build\` first.`);
  return ['--enable-source-maps', dist];
}

/** MailDev's CLI (its package exports only the ESM API, so resolve the bin by path). */
function maildevBin(): string {
  const bin = join(root, 'node_modules', 'maildev', 'dist', 'bin', 'maildev.js');
  if (!existsSync(bin)) throw new StartError(`MailDev is missing (${bin}): run \`npm install\`.`);
  return bin;
}

async function waitHealthy(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new StartError(
    `the API did not become healthy within ${timeoutMs / 1000} s (last answer: ${last})`,
  );
}

void main();
