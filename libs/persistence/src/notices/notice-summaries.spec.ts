import type { ItemStatus } from '../../../domain/src';
import { countByLiveStatus } from './notice-summaries';

const item = (status: ItemStatus, overdue = false) => ({ status, overdue });

describe('countByLiveStatus', () => {
  it('counts an open item past its due instant as overdue, and the statuses add up', () => {
    expect(
      countByLiveStatus([
        item('open'),
        item('open', true),
        item('overdue', true),
        item('submitted'),
        item('completed'),
        item('completed'),
        item('cancelled'),
      ]),
    ).toEqual({ total: 7, open: 1, overdue: 2, submitted: 1, completed: 2, cancelled: 1 });
  });

  it('counts nothing as zeros', () => {
    expect(countByLiveStatus([])).toEqual({
      total: 0,
      open: 0,
      overdue: 0,
      submitted: 0,
      completed: 0,
      cancelled: 0,
    });
  });
});
