import { describe, expect, it } from '@jest/globals';
import { readUrlState, writeUrlState } from './url-state';

describe('url state', () => {
  const keys = ['role', 'q'] as const;
  it('reads the known, non-empty filters and a page of at least 1', () => {
    const s = readUrlState(new URLSearchParams('role=agency&q=&other=x&page=3'), keys);
    expect(s).toEqual({ filter: { role: 'agency' }, page: 3 });
    expect(readUrlState(new URLSearchParams('page=-2'), keys).page).toBe(1);
    expect(readUrlState(new URLSearchParams('page=abc'), keys).page).toBe(1);
  });
  it('writes what it reads, page 1 and empty filters left out', () => {
    const params = writeUrlState({ filter: { role: 'agency', q: '' }, page: 1 });
    expect(params.toString()).toBe('role=agency');
    expect(writeUrlState({ filter: { q: 'Hoa Lê' }, page: 2 }).toString()).toBe(
      'q=Hoa+L%C3%AA&page=2',
    );
  });
});
