import { describe, expect, it } from '@jest/globals';
import { addressNames, recipientsText } from './recipients';

const names = addressNames([
  { name: 'Sở Tài chính', contactEmail: 'stc@dondoc.local', headEmail: 'stc-head@dondoc.local' },
  { name: 'Sở Xây dựng', contactEmail: 'SXD@dondoc.local', headEmail: null },
]);

describe("the recipients of an item's mail, in the history", () => {
  it('names agencies and their heads; other addresses stay as they are', () => {
    expect(
      recipientsText(
        [
          'stc@dondoc.local',
          'sxd@dondoc.local',
          'stc-head@dondoc.local',
          'secretariat@dondoc.local',
        ],
        names,
      ),
    ).toBe('Sở Tài chính, Sở Xây dựng, Thủ trưởng Sở Tài chính, secretariat@dondoc.local');
  });

  it('keeps the address beside the name where it matters (a mail not delivered)', () => {
    expect(recipientsText(['stc@dondoc.local'], names, true)).toBe(
      'Sở Tài chính (stc@dondoc.local)',
    );
  });
});
