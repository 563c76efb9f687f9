import { Injectable, type PipeTransform } from '@nestjs/common';
import { userNotFound } from './account-errors';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a UUID names no account: 404, not a database error. */
@Injectable()
export class UserIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID_RE.test(value)) throw userNotFound();
    return value.toLowerCase();
  }
}
