import { Injectable } from '@nestjs/common';
import {
  type CompletionReport,
  ItemReadRepository,
  type OverdueReport,
} from '../../../../libs/persistence/src';

/** Reports are plain SQL over the projection (the item read repository), never workflow queries. */
@Injectable()
export class ReportsService {
  constructor(private readonly read: ItemReadRepository) {}

  overdue(): Promise<OverdueReport> {
    return this.read.overdueReport(Date.now());
  }

  completion(): Promise<CompletionReport> {
    return this.read.completionReport(Date.now());
  }
}
