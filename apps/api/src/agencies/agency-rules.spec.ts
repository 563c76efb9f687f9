import { cleanAliases, spellingClash } from './agency-rules';

const directory = [
  { code: 'STC', name: 'Sở Tài chính', aliases: ['Sở TC', 'Sở Kế hoạch và Đầu tư'] },
  { code: 'SXD', name: 'Sở Xây dựng', aliases: ['Sở XD'] },
  { code: 'UBNDXP', name: 'UBND các xã, phường', aliases: [] },
];

describe('spellingClash', () => {
  it('accepts a new agency with spellings of its own', () => {
    expect(
      spellingClash({ code: 'SDL', name: 'Sở Du lịch', aliases: ['Sở DL'] }, directory),
    ).toBeNull();
  });

  it.each([
    ['an alias of another agency', 'Sở TC', 'STC'],
    ['another name with other case and tone placement', 'sở tài chính', 'STC'],
    ['another name followed by "tỉnh"', 'Sở Xây dựng tỉnh', 'SXD'],
    ['"Ủy ban nhân dân" for "UBND"', 'Ủy ban nhân dân các xã, phường', 'UBNDXP'],
    ['another code', 'SXD', 'SXD'],
  ])('refuses %s', (_name, alias, otherCode) => {
    expect(spellingClash({ code: 'SDL', name: 'Sở Du lịch', aliases: [alias] }, directory)).toEqual(
      { spelling: alias, otherCode },
    );
  });

  it('does not compare an agency with itself (a rename keeps its aliases)', () => {
    expect(
      spellingClash({ code: 'STC', name: 'Sở Tài chính', aliases: ['Sở TC', 'STC'] }, directory),
    ).toBeNull();
  });
});

describe('cleanAliases', () => {
  it('trims, collapses spaces, drops blanks, duplicates and the name', () => {
    expect(cleanAliases('Sở Du lịch', ['  Sở  DL ', '', 'sở dl', 'Sở du lịch', 'Sở VH'])).toEqual([
      'Sở DL',
      'Sở VH',
    ]);
  });
});
