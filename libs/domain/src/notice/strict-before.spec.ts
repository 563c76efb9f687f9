import { strictBeforeWords } from './strict-before';

describe('strictBeforeWords', () => {
  it('names the date the notice gave when the deadline is the day before it', () => {
    expect(strictBeforeWords('hoàn thành trước ngày 15/01/2027', '2027-01-14')).toBe(
      'trước ngày 15/01/2027',
    );
    expect(strictBeforeWords('trước ngày 1/3/2027', '2027-02-28')).toBe('trước ngày 01/03/2027');
    expect(strictBeforeWords('Trước ngày 05 tháng 02 năm 2027', '2027-02-04')).toBe(
      'trước ngày 05/02/2027',
    );
  });

  it('says nothing of a deadline moved since, or of other words', () => {
    expect(strictBeforeWords('trước ngày 15/01/2027', '2027-01-20')).toBeNull();
    expect(strictBeforeWords('chậm nhất ngày 15/01/2027', '2027-01-14')).toBeNull();
    expect(strictBeforeWords('trước ngày 31/02/2027', '2027-03-02')).toBeNull();
    expect(strictBeforeWords(null, '2027-01-14')).toBeNull();
  });
});
