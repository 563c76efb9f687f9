import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError, type ParsedNotice } from '../../../../libs/domain/src';
import { parseJob, type ParseJob } from './notice-parse';

/**
 * Below this many characters a parse takes a few milliseconds: done in line. Above it (up to the
 * 500,000 accepted, a few hundred milliseconds) it runs on a worker thread, so one large notice
 * does not hold up every other request of the API (issue 9).
 */
export const OFF_THREAD_FROM_CHARS = 20_000;

type Answer =
  { id: number; result: ParsedNotice } | { id: number; error: { code?: string; message: string } };

interface Pending {
  resolve(parsed: ParsedNotice): void;
  reject(err: Error): void;
}

/** Parses notices, large ones on one long-lived worker thread (started on first need). */
@Injectable()
export class NoticeParser implements OnModuleDestroy {
  private readonly logger = new Logger(NoticeParser.name);
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** How many parses went to the worker thread (observability, and what the tests check). */
  offThreadParses = 0;

  parse(job: ParseJob): Promise<ParsedNotice> {
    if (job.text.length < OFF_THREAD_FROM_CHARS) {
      return new Promise((resolve) => resolve(parseJob(job)));
    }
    return this.offThread(job);
  }

  async onModuleDestroy(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private offThread(job: ParseJob): Promise<ParsedNotice> {
    const id = this.nextId++;
    this.offThreadParses += 1;
    return new Promise<ParsedNotice>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.thread().postMessage({ id, job });
    });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.unref(); // an idle parser never keeps the process alive
    worker.on('message', (answer: Answer) => {
      const waiting = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if (!waiting) return;
      if ('result' in answer) waiting.resolve(answer.result);
      else if (answer.error.code) {
        waiting.reject(new DomainError(answer.error.code, answer.error.message));
      } else waiting.reject(new Error(answer.error.message));
    });
    const fail = (err: Error) => {
      this.logger.error(`Notice parser thread failed: ${err.message}`);
      if (this.worker === worker) this.worker = undefined;
      for (const waiting of this.pending.values()) waiting.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.worker === worker) fail(new Error(`parser thread exited (${code})`));
    });
    this.worker = worker;
    return worker;
  }
}

/** The compiled worker beside this file (dist), else its TypeScript through ts-node (tests). */
function startWorker(): Worker {
  const compiled = join(__dirname, 'notice-parse.worker.js');
  if (existsSync(compiled)) return new Worker(compiled);
  return new Worker(join(__dirname, 'notice-parse.worker.ts'), {
    execArgv: ['-r', 'ts-node/register/transpile-only'],
  });
}
