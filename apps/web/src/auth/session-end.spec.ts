import { describe, expect, it } from '@jest/globals';
import { sessionEndedUrl, sessionEndMessage } from './session-end';

const messageOf = (url: string) => sessionEndMessage(new URL(url, 'http://x').searchParams);

describe('why a session ended, on the login page', () => {
  it('names idleness, expiry, a revoked session and a disabled account apart', () => {
    const idle = sessionEndedUrl('/dang-nhap', '/items?x=1', 'SESSION_IDLE');
    expect(idle).toBe('/dang-nhap?next=%2Fitems%3Fx%3D1&phien=khong-hoat-dong');
    expect(messageOf(idle)).toBe(
      'Phiên làm việc đã hết hạn do không hoạt động. Vui lòng đăng nhập lại.',
    );
    const messages = ['SESSION_IDLE', 'TOKEN_EXPIRED', 'UNAUTHENTICATED', 'ACCOUNT_DISABLED'].map(
      (code) => messageOf(sessionEndedUrl('/dang-nhap', '/', code)),
    );
    expect(new Set(messages).size).toBe(4);
    expect(messages.every((m) => m !== null)).toBe(true);
  });

  it('says nothing for a code it does not know, none, or a reason made up in the address', () => {
    expect(sessionEndedUrl('/dang-nhap', '/items', 'SOMETHING_ELSE')).toBe(
      '/dang-nhap?next=%2Fitems',
    );
    expect(sessionEndedUrl('/dang-nhap', '/items', null)).toBe('/dang-nhap?next=%2Fitems');
    expect(sessionEndedUrl('/dang-nhap', '/items', 'toString')).toBe('/dang-nhap?next=%2Fitems');
    expect(messageOf('/dang-nhap?phien=toString')).toBeNull();
    expect(messageOf('/dang-nhap')).toBeNull();
  });
});
