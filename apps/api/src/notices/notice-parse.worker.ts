import { parentPort } from 'node:worker_threads';
import { isDomainError } from '../../../../libs/domain/src';
import { parseJob, type ParseJob } from './notice-parse';

/** The worker thread of NoticeParser: one parse per message, answered with its id. */
parentPort?.on('message', ({ id, job }: { id: number; job: ParseJob }) => {
  try {
    parentPort?.postMessage({ id, result: parseJob(job) });
  } catch (err) {
    const error = isDomainError(err)
      ? { code: err.code, message: err.message }
      : { message: err instanceof Error ? err.message : String(err) };
    parentPort?.postMessage({ id, error });
  }
});
