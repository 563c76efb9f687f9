/**
 * Why a signed-in session was refused (the API's 401 `code`, ADR 0020), as the login page's address
 * names it (`/dang-nhap?next=…&phien=khong-hoat-dong`: it survives the reload that forgets the
 * session), and what the login page then tells the user.
 */
const ENDS = {
  SESSION_IDLE: {
    slug: 'khong-hoat-dong',
    message: 'Phiên làm việc đã hết hạn do không hoạt động. Vui lòng đăng nhập lại.',
  },
  TOKEN_EXPIRED: {
    slug: 'het-han',
    message: 'Phiên làm việc đã hết thời hạn. Vui lòng đăng nhập lại.',
  },
  UNAUTHENTICATED: {
    slug: 'da-ket-thuc',
    message:
      'Phiên làm việc đã được kết thúc từ nơi khác (đăng xuất, đổi mật khẩu hoặc khóa tài khoản). Vui lòng đăng nhập lại.',
  },
  ACCOUNT_DISABLED: {
    slug: 'tai-khoan-bi-khoa',
    message: 'Tài khoản này đã bị khóa; vui lòng liên hệ Văn phòng để được mở lại.',
  },
} as const satisfies Record<string, { slug: string; message: string }>;

/** The login page's query parameter that says why the session ended. */
export const SESSION_END_PARAM = 'phien';

/**
 * The login page's address after the API refused the session with this code: back to `next` once
 * logged in, the reason named when the API gave one the page knows.
 */
export function sessionEndedUrl(loginPath: string, next: string, code: string | null): string {
  const params = new URLSearchParams({ next });
  const end = Object.entries(ENDS).find(([known]) => known === code)?.[1];
  if (end) params.set(SESSION_END_PARAM, end.slug);
  return `${loginPath}?${params.toString()}`;
}

/** What the login page says for the reason its address names, or null. */
export function sessionEndMessage(params: URLSearchParams): string | null {
  const slug = params.get(SESSION_END_PARAM);
  return Object.values(ENDS).find((e) => e.slug === slug)?.message ?? null;
}
