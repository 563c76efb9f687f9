import { HttpException, Injectable } from '@nestjs/common';
import { hashOpaqueToken } from '../../../../libs/security/src';
import { AuthService } from '../auth/auth.service';

/** How long a token checked here still counts while tokens cannot be checked. */
const REMEMBERED_MS = 10 * 60_000;
/** Tokens remembered at most (the oldest check is forgotten first). */
const REMEMBERED_MAX = 1000;

/**
 * Who may read the health details: the bearer of a valid token (issue 9). While the database is
 * down no token can be checked, and that is when an operator needs the details most (fault test
 * (c)): a token this process found valid within the last 10 minutes still counts then. Only a
 * failure to check falls back on that memory; a token found invalid is forgotten at once.
 */
@Injectable()
export class HealthViewers {
  /** sha256 of a token → when it was last found valid (insertion order: oldest first). */
  private readonly valid = new Map<string, number>();

  constructor(private readonly auth: AuthService) {}

  async mayReadDetails(token: string | null): Promise<boolean> {
    if (!token) return false;
    const id = hashOpaqueToken(token);
    try {
      await this.auth.authenticate(token);
    } catch (err) {
      // An HTTP error is the token's verdict (unknown, expired, idle, disabled); anything else
      // is a failure to check it (the database does not answer).
      if (err instanceof HttpException) {
        this.valid.delete(id);
        return false;
      }
      const at = this.valid.get(id);
      return at !== undefined && Date.now() - at < REMEMBERED_MS;
    }
    this.valid.delete(id);
    this.valid.set(id, Date.now());
    if (this.valid.size > REMEMBERED_MAX) {
      const oldest = this.valid.keys().next();
      if (!oldest.done) this.valid.delete(oldest.value);
    }
    return true;
  }
}
