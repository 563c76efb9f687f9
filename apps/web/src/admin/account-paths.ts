/** The addresses of the account pages (ADR 0020). */
export const SET_PASSWORD_PATH = '/dat-mat-khau';
export const FORGOT_PASSWORD_PATH = '/quen-mat-khau';
export const CHANGE_PASSWORD_PATH = '/doi-mat-khau';
export const ACCOUNTS_PATH = '/tai-khoan';
export const AGENCIES_PATH = '/co-quan';
export const AUDIT_PATH = '/nhat-ky';
export const DIGESTS_PATH = '/thu-tong-hop';

/** What a page that sends the user to the login page may tell it (router state). */
export interface LoginNotice {
  readonly email?: string;
  readonly notice: string;
}

/** The login page's query after "Đăng xuất khỏi mọi thiết bị" (a reload: no router state). */
export const LOGGED_OUT_EVERYWHERE = 'da-dang-xuat=moi-thiet-bi';
