/**
 * An error of the domain rules. `code` is stable and machine-readable (the HTTP API returns it as is);
 * `message` is Vietnamese, with diacritics, and may be shown to users.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(e: unknown, code?: string): e is DomainError {
  return e instanceof DomainError && (code === undefined || e.code === code);
}
