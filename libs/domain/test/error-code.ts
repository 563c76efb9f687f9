import { DomainError } from '../src/errors';

/** The DomainError code `fn` throws, 'not-a-domain-error' for another error, undefined if none. */
export function errorCodeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? e.code : 'not-a-domain-error';
  }
  return undefined;
}
