import { describe, expect, it } from '@jest/globals';
import {
  noticeHeading,
  noticeNumber,
  noticeShort,
  noticeShortHeading,
  truncate,
} from './notice-labels';

describe('noticeHeading', () => {
  it('names the number, or says the notice has none', () => {
    expect(noticeHeading({ number: '12/TB-BCĐ' })).toBe('Thông báo số 12/TB-BCĐ');
    expect(noticeHeading({ number: null })).toBe('Thông báo (không số)');
    expect(noticeNumber({ number: null })).toBe('(không số)');
  });
});

describe('noticeShort', () => {
  const title = 'Kết luận của Trưởng Ban Chỉ đạo tại phiên họp thứ 3 về chuyển đổi số';
  it('tells apart notices without a number by the start of their title', () => {
    expect(noticeShort({ number: '12/TB-BCĐ', title })).toBe('12/TB-BCĐ');
    expect(noticeShort({ number: null, title })).toBe(
      '(không số) Kết luận của Trưởng Ban Chỉ đạo tại…',
    );
    expect(noticeShort({ number: null, title: null })).toBe('(không số)');
    expect(noticeShortHeading({ number: null, title })).toBe(
      'Thông báo: Kết luận của Trưởng Ban Chỉ đạo tại…',
    );
    expect(noticeShortHeading({ number: '12/TB-BCĐ', title })).toBe('Thông báo số 12/TB-BCĐ');
  });
});

describe('truncate', () => {
  it('keeps a short text as it is', () => {
    expect(truncate('Rà soát quy hoạch.', 18)).toBe('Rà soát quy hoạch.');
  });

  it('cuts a long text at a word boundary, without trailing punctuation, with an ellipsis', () => {
    expect(truncate('Rà soát, tổng hợp kiến nghị của doanh nghiệp', 20)).toBe('Rà soát, tổng hợp…');
    expect(truncate('Chủ trì, phối hợp với các sở', 9)).toBe('Chủ trì…');
  });

  it('cuts inside a word that leaves no boundary late enough', () => {
    expect(truncate('Ab Cdefghijklmnopqrstuvwxyz', 10)).toBe('Ab Cdefghi…');
  });
});
