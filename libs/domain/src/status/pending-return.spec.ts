import { pendingReturnReason } from './pending-return';

describe('pendingReturnReason', () => {
  const submitted = { type: 'submitted', detail: { note: 'Xong' } };
  const returned = { type: 'returned', detail: { reason: ' Thiếu số liệu ' } };
  const progress = { type: 'progress', detail: { percent: 50 } };

  it('is the last return’s reason while the item is open or overdue again', () => {
    expect(pendingReturnReason('open', [submitted, returned, progress])).toBe('Thiếu số liệu');
    expect(pendingReturnReason('overdue', [submitted, returned])).toBe('Thiếu số liệu');
    expect(pendingReturnReason('open', [submitted, { type: 'returned', detail: null }])).toBe('');
  });

  it('is null once the agency reported again, the item is closed, or nothing was returned', () => {
    expect(pendingReturnReason('submitted', [submitted, returned, submitted])).toBeNull();
    expect(pendingReturnReason('open', [submitted, returned, submitted])).toBeNull();
    expect(pendingReturnReason('completed', [submitted, returned])).toBeNull();
    expect(pendingReturnReason('open', [submitted, progress])).toBeNull();
    expect(pendingReturnReason('open', [])).toBeNull();
  });
});
