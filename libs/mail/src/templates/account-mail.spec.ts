import { renderAccountMail, type AccountMailData } from './account-mail';

const data: AccountMailData = {
  kind: 'invitation',
  name: 'Nguyễn Thị Hoa',
  email: 'hoa@stc.gov.vn',
  role: 'agency',
  agencyName: 'Sở Tài chính',
  url: 'https://dondoc.tinh.gov.vn/dat-mat-khau?t=abc_DEF-123',
  // 09:30 on 9 March 2026 in UTC+7
  expiresAtMs: Date.parse('2026-03-09T02:30:00Z'),
};

describe('renderAccountMail', () => {
  it('invites: the account, its agency, the one-time link and until when (UTC+7)', () => {
    const mail = renderAccountMail(data);
    expect(mail.subject).toBe('Mời sử dụng Đôn Đốc: đặt mật khẩu cho tài khoản của bạn');
    expect(mail.text).toContain('Kính gửi Nguyễn Thị Hoa,');
    expect(mail.text).toContain('- Thư điện tử đăng nhập: hoa@stc.gov.vn');
    expect(mail.text).toContain('- Vai trò: Cơ quan thực hiện');
    expect(mail.text).toContain('- Cơ quan: Sở Tài chính');
    expect(mail.text).toContain('(dùng được một lần, đến 09:30 09/03/2026)');
    expect(mail.text).toContain(data.url);
    expect(mail.html).toContain(`<a href="${data.url}" style="`);
    expect(mail.html).toContain(`>${data.url}</a>`);
    expect(mail.html).toContain('<html lang="vi">');
  });

  it('resets: no agency line for a secretariat, says the old sessions end', () => {
    const mail = renderAccountMail({
      ...data,
      kind: 'reset',
      role: 'secretariat',
      agencyName: null,
      email: 'vp@tinh.gov.vn',
    });
    expect(mail.subject).toBe('Đặt lại mật khẩu tài khoản Đôn Đốc');
    expect(mail.text).toContain('Có yêu cầu đặt lại mật khẩu cho tài khoản vp@tinh.gov.vn');
    expect(mail.text).toContain('mọi phiên đăng nhập cũ của tài khoản sẽ kết thúc');
    expect(mail.text).not.toContain('Cơ quan:');
  });

  it('escapes what users typed in the HTML', () => {
    const mail = renderAccountMail({ ...data, name: '<b>Hoa</b> & co' });
    expect(mail.html).toContain('Kính gửi &lt;b&gt;Hoa&lt;/b&gt; &amp; co,');
  });
});
