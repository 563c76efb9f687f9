import { Button, Layout, Space, Typography } from 'antd';
import { useRef, type ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import {
  ACCOUNTS_PATH,
  AGENCIES_PATH,
  AUDIT_PATH,
  CHANGE_PASSWORD_PATH,
} from '../admin/account-paths';
import { useSession } from '../auth/session';
import { ROLE_LABELS } from '../labels';
import './app.css';
import { useMessagesBelow } from './header-offset';

export const REPORTS_PATH = '/bao-cao';

/** The frame of every signed-in page: the product, who is signed in, "Đăng xuất". */
export function AppLayout({ children }: { children: ReactNode }) {
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const header = useRef<HTMLElement>(null);
  useMessagesBelow(header);
  return (
    <Layout className="app">
      <Layout.Header className="app-header" ref={header}>
        <nav aria-label="Chức năng" className="app-nav">
          <Link to="/items" className="app-brand">
            Đôn Đốc
          </Link>
          <NavLink to="/items" end>
            Nhiệm vụ
          </NavLink>
          {me && me.role !== 'agency' && <NavLink to="/notices">Thông báo</NavLink>}
          {me?.role === 'secretariat' && <NavLink to="/nhap-thong-bao">Nhập thông báo</NavLink>}
          {me && me.role !== 'agency' && <NavLink to={REPORTS_PATH}>Báo cáo</NavLink>}
          {me?.role === 'secretariat' && <NavLink to={ACCOUNTS_PATH}>Tài khoản</NavLink>}
          {me?.role === 'secretariat' && <NavLink to={AGENCIES_PATH}>Cơ quan</NavLink>}
          {me?.role === 'secretariat' && <NavLink to={AUDIT_PATH}>Nhật ký</NavLink>}
        </nav>
        <Space size="small" wrap className="app-user">
          {me && (
            <Typography.Text className="app-user-name">
              {me.agencyCode ?? ROLE_LABELS[me.role]} · {me.email}
            </Typography.Text>
          )}
          <NavLink to={CHANGE_PASSWORD_PATH}>Đổi mật khẩu</NavLink>
          <Button
            size="small"
            onClick={() => {
              void signOut().then(() => navigate('/dang-nhap'));
            }}
          >
            Đăng xuất
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="app-content">
        <main>{children}</main>
      </Layout.Content>
    </Layout>
  );
}
