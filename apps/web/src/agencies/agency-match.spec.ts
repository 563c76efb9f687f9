import { describe, expect, it } from '@jest/globals';
import type { Agency } from '../api/client';
import { agencyMatches, agencyOptions, foldVi } from './agency-match';

const agencies = [
  { code: 'SXD', name: 'Sở Xây dựng', aliases: ['Sở XD', 'Sở GTVT'] },
  { code: 'STC', name: 'Sở Tài chính', aliases: ['Sở TC', 'Sở KH&ĐT'] },
  { code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường', aliases: ['Sở TN&MT'] },
  { code: 'SDT', name: 'Sở Dân tộc và Tôn giáo', aliases: [] },
  { code: 'BQL', name: 'Ban Quản lý Khu kinh tế', aliases: [] },
  { code: 'DTN', name: 'Đoàn Thanh niên', aliases: [] },
] as unknown as Agency[];

const options = agencyOptions(agencies);
const found = (input: string): string[] =>
  options.filter((o) => agencyMatches(input, o)).map((o) => o.value);

describe('foldVi', () => {
  it('drops diacritics and case, đ is d, no spaces around &', () => {
    expect(foldVi('Sở Kế hoạch  và Đầu tư')).toBe('so ke hoach va dau tu');
    expect(foldVi('KH & ĐT')).toBe('kh&dt');
    expect(foldVi('Sở Tài chính'.normalize('NFD'))).toBe('so tai chinh');
  });
});

describe('agencyMatches', () => {
  it('finds by name without diacritics, any case', () => {
    expect(found('tai chinh')).toEqual(['STC']);
    expect(found('Xay dung')).toEqual(['SXD']);
    expect(found('TÀI CHÍNH')).toEqual(['STC']);
    expect(found('doan')).toEqual(['DTN']);
  });
  it('finds by code and by alias', () => {
    expect(found('STC')).toEqual(['STC']);
    expect(found('stc')).toEqual(['STC']);
    expect(found('KH&ĐT')).toEqual(['STC']);
    expect(found('kh & dt')).toEqual(['STC']);
    expect(found('TN&MT')).toEqual(['SNNMT']);
    expect(found('GTVT')).toEqual(['SXD']);
  });
  it('needs every word typed in one field; nothing typed matches all', () => {
    expect(found('so chinh')).toEqual(['STC']);
    expect(found('chinh xay')).toEqual([]);
    expect(found('')).toHaveLength(agencies.length);
    expect(agencyMatches('x', undefined)).toBe(false);
  });
  it('matches the beginnings of words, not letters inside them', () => {
    const health = agencyOptions([
      { code: 'SYT', name: 'Sở Y tế', aliases: [] },
      {
        code: 'BQLKKT',
        name: 'Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn',
        aliases: [],
      },
    ] as unknown as Agency[]);
    expect(health.filter((o) => agencyMatches('so y te', o)).map((o) => o.value)).toEqual(['SYT']);
    expect(found('ai chinh')).toEqual([]);
  });
});

describe('agencyOptions', () => {
  it('sorts by name in Vietnamese alphabetical order (Đ after D, before E)', () => {
    expect(options.map((o) => o.label)).toEqual([
      'Ban Quản lý Khu kinh tế',
      'Đoàn Thanh niên',
      'Sở Dân tộc và Tôn giáo',
      'Sở Nông nghiệp và Môi trường',
      'Sở Tài chính',
      'Sở Xây dựng',
    ]);
  });
});
