import { Injectable, type PipeTransform } from '@nestjs/common';
import { ApiError } from './api-error';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a UUID cannot name anything: 404, not a database error. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  constructor(private readonly what: 'item' | 'notice' = 'item') {}
  transform(value: string): string {
    if (!UUID_RE.test(value)) {
      throw this.what === 'item'
        ? ApiError.notFound('ITEM_NOT_FOUND', 'Không tìm thấy nhiệm vụ.')
        : ApiError.notFound('NOTICE_NOT_FOUND', 'Không tìm thấy thông báo.');
    }
    return value.toLowerCase();
  }
}
