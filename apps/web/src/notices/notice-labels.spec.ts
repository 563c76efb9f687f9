import { describe, expect, it } from '@jest/globals';
import { noticeHeading, noticeNumber, truncate } from './notice-labels';

describe('noticeHeading', () => {
  it('names the number, or says the notice has none', () => {
    expect(noticeHeading({ number: '12/TB-BCĐ' })).toBe('Thông báo số 12/TB-BCĐ');
    expect(noticeHeading({ number: null })).toBe('Thông báo (không số)');
    expect(noticeNumber({ number: null })).toBe('(không số)');
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
