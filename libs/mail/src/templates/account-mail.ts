import { vnDateTime } from '../vn-format';
import { type Block, toHtml, toText } from './mail-layout';

/** The two mails of an account (ADR 0020): both carry a one-time set-password link. */
export type AccountMailKind = 'invitation' | 'reset';

export interface AccountMailData {
  readonly kind: AccountMailKind;
  readonly name: string;
  readonly email: string;
  readonly role: 'secretariat' | 'committee_head' | 'agency';
  /** The agency's name, for an agency user. */
  readonly agencyName: string | null;
  /** `PUBLIC_BASE_URL/dat-mat-khau?t=…` */
  readonly url: string;
  readonly expiresAtMs: number;
}

export interface RenderedAccountMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const ROLE_NAMES: Readonly<Record<AccountMailData['role'], string>> = {
  secretariat: 'Văn phòng (quản trị hệ thống)',
  committee_head: 'Trưởng Ban Chỉ đạo',
  agency: 'Cơ quan thực hiện',
};

export function renderAccountMail(d: AccountMailData): RenderedAccountMail {
  const until = `dùng được một lần, đến ${vnDateTime(d.expiresAtMs)}`;
  const account: Block = {
    facts: [
      ['Thư điện tử đăng nhập', d.email],
      ['Vai trò', ROLE_NAMES[d.role]],
      ...(d.agencyName ? [['Cơ quan', d.agencyName] as const] : []),
    ],
  };
  const invitation = d.kind === 'invitation';
  const subject = invitation
    ? 'Mời sử dụng Đôn Đốc: đặt mật khẩu cho tài khoản của bạn'
    : 'Đặt lại mật khẩu tài khoản Đôn Đốc';
  const blocks: Block[] = invitation
    ? [
        { p: `Kính gửi ${d.name},` },
        {
          p: 'Văn phòng đã tạo cho bạn một tài khoản trên hệ thống Đôn Đốc — theo dõi, đôn đốc thực hiện kết luận của Ban Chỉ đạo.',
        },
        account,
        { p: `Để bắt đầu, hãy đặt mật khẩu tại liên kết sau (${until}):`, strong: true },
        { p: d.url },
        {
          p: 'Sau đó đăng nhập bằng địa chỉ thư điện tử trên và mật khẩu vừa đặt. Nếu bạn không chờ thư này, hãy bỏ qua: tài khoản không dùng được khi chưa đặt mật khẩu.',
        },
      ]
    : [
        { p: `Kính gửi ${d.name},` },
        { p: `Có yêu cầu đặt lại mật khẩu cho tài khoản ${d.email} trên hệ thống Đôn Đốc.` },
        { p: `Đặt mật khẩu mới tại liên kết sau (${until}):`, strong: true },
        { p: d.url },
        {
          p: 'Khi mật khẩu mới được đặt, mọi phiên đăng nhập cũ của tài khoản sẽ kết thúc. Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn dùng được.',
        },
      ];
  return { subject, text: toText(blocks), html: toHtml(subject, blocks) };
}
