import { Button, Drawer, Grid, Layout, Typography } from 'antd';
import { useId, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import {
  ACCOUNTS_PATH,
  AGENCIES_PATH,
  AUDIT_PATH,
  DIGESTS_PATH,
  CHANGE_PASSWORD_PATH,
} from '../admin/account-paths';
import type { Me } from '../api/client';
import { useSession } from '../auth/session';
import { useAgencies } from '../items/use-items';
import { ROLE_LABELS } from '../labels';
import './app.css';
import { useMessagesBelow } from './header-offset';

export const REPORTS_PATH = '/bao-cao';

type Role = Me['role'];
const ALL: readonly Role[] = ['secretariat', 'committee_head', 'agency'];
const OFFICE: readonly Role[] = ['secretariat', 'committee_head'];
const SECRETARIAT: readonly Role[] = ['secretariat'];

/** The menu's entries and who sees each. */
const ENTRIES: readonly { to: string; label: string; roles: readonly Role[] }[] = [
  { to: '/items', label: 'Nhiệm vụ', roles: ALL },
  // An agency's list holds only the notices with items it leads or co-ordinates (the API's rule).
  { to: '/notices', label: 'Thông báo', roles: ALL },
  { to: '/nhap-thong-bao', label: 'Nhập thông báo', roles: SECRETARIAT },
  { to: REPORTS_PATH, label: 'Báo cáo', roles: OFFICE },
  { to: ACCOUNTS_PATH, label: 'Tài khoản', roles: SECRETARIAT },
  { to: AGENCIES_PATH, label: 'Cơ quan', roles: SECRETARIAT },
  { to: DIGESTS_PATH, label: 'Thư tổng hợp', roles: SECRETARIAT },
  { to: AUDIT_PATH, label: 'Nhật ký', roles: SECRETARIAT },
];

/** Three lines: the menu button's icon. */
const MenuIcon = () => (
  <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
    <path d="M2 4h14M2 9h14M2 14h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
  </svg>
);

/**
 * The frame of every signed-in page: the product, the menu, who is signed in, "Đăng xuất". On a
 * desk the menu is a row of links in the header; under 768 px (app.css) the header keeps the
 * product and a "Chức năng" button, and the menu opens in a drawer (a dialog: focus inside, Escape
 * closes it). The current page is marked (aria-current) in both.
 */
export function AppLayout({ children }: { children: ReactNode }) {
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const header = useRef<HTMLElement>(null);
  useMessagesBelow(header);
  const [menuOpen, setMenuOpen] = useState(false);
  const drawerId = useId();
  // A drawer left open while the window grows to a desk's width closes (the row shows instead).
  const phone = Grid.useBreakpoint().md === false;
  const entries = ENTRIES.filter((e) => me && e.roles.includes(me.role));
  const links = (onPick?: () => void) =>
    entries.map((e) => (
      <NavLink key={e.to} to={e.to} end={e.to === '/items'} onClick={onPick}>
        {e.label}
      </NavLink>
    ));
  // An agency's account reads as its agency's name ("Sở Tài chính"), its code until the list loads.
  const agencies = useAgencies().data;
  const agency = me?.agencyCode
    ? (agencies?.find((a) => a.code === me.agencyCode)?.name ?? me.agencyCode)
    : null;
  const who = me && `${agency ?? ROLE_LABELS[me.role]} · ${me.email}`;
  const signOutAndLeave = () => {
    setMenuOpen(false);
    void signOut().then(() => navigate('/dang-nhap'));
  };
  return (
    <Layout className="app">
      {/* The first Tab stop: past the menu's eleven links, to the page itself. */}
      <a href="#noi-dung" className="skip-link">
        Chuyển đến nội dung chính
      </a>
      <Layout.Header className="app-header" ref={header}>
        <Link to="/items" className="app-brand">
          Đôn Đốc
        </Link>
        <nav aria-label="Chức năng" className="app-nav">
          {links()}
        </nav>
        <div className="app-user">
          {who && <Typography.Text className="app-user-name">{who}</Typography.Text>}
          <NavLink to={CHANGE_PASSWORD_PATH}>Đổi mật khẩu</NavLink>
          <Button size="small" onClick={signOutAndLeave}>
            Đăng xuất
          </Button>
        </div>
        <Button
          className="app-menu-button"
          icon={<MenuIcon />}
          aria-haspopup="dialog"
          aria-expanded={menuOpen && phone}
          aria-controls={menuOpen && phone ? drawerId : undefined}
          onClick={() => setMenuOpen(true)}
        >
          Chức năng
        </Button>
      </Layout.Header>
      <Drawer
        id={drawerId}
        title="Chức năng"
        placement="right"
        size={280}
        open={menuOpen && phone}
        onClose={() => setMenuOpen(false)}
        destroyOnHidden
        className="app-drawer"
      >
        <nav aria-label="Chức năng" className="app-drawer-nav">
          {links(() => setMenuOpen(false))}
        </nav>
        <div className="app-drawer-user">
          {who && <Typography.Text className="app-user-name">{who}</Typography.Text>}
          <NavLink to={CHANGE_PASSWORD_PATH} onClick={() => setMenuOpen(false)}>
            Đổi mật khẩu
          </NavLink>
          <Button onClick={signOutAndLeave}>Đăng xuất</Button>
        </div>
      </Drawer>
      {/* Layout.Content is the page's one <main> landmark (a <main> inside it was a second). */}
      <Layout.Content className="app-content" id="noi-dung" tabIndex={-1}>
        {children}
      </Layout.Content>
    </Layout>
  );
}
