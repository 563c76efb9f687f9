import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation, useSearchParams } from 'react-router';
import {
  ACCOUNTS_PATH,
  AGENCIES_PATH,
  AUDIT_PATH,
  DIGESTS_PATH,
  CHANGE_PASSWORD_PATH,
  FORGOT_PASSWORD_PATH,
  SET_PASSWORD_PATH,
} from './admin/account-paths';
import type { UserRole } from './admin/admin-types';
import { useSession } from './auth/session';
import { AppLayout, REPORTS_PATH } from './layout/AppLayout';
import { Loading } from './layout/Loading';
import { AccountsPage } from './pages/AccountsPage';
import { AgenciesPage } from './pages/AgenciesPage';
import { AuditPage } from './pages/AuditPage';
import { DigestsPage } from './pages/DigestsPage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { ForgotPasswordPage } from './pages/ForgotPasswordPage';
import { IntakePage, INTAKE_PATH } from './pages/IntakePage';
import { ItemPage } from './pages/ItemPage';
import { ItemsPage } from './pages/ItemsPage';
import { LinkItemPage } from './pages/LinkItemPage';
import { LoginPage, LOGIN_PATH } from './pages/LoginPage';
import { NoticePage } from './pages/NoticePage';
import { NoAccessPage } from './pages/NoAccessPage';
import { NoticesPage } from './pages/NoticesPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SetPasswordPage } from './pages/SetPasswordPage';
import { NOTICES_PATH } from './notices/notice-labels';

/** The reports pull in the chart library: loaded only when opened. */
const ReportsPage = lazy(() => import('./pages/ReportsPage'));

/** A page for signed-in users; others go to the login page and come back after. */
function RequireLogin({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!me) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`${LOGIN_PATH}?next=${next}`} replace />;
  }
  return <AppLayout>{children}</AppLayout>;
}

/** A page for one role (the API refuses the others anyway): others see why, not an error. */
function RequireRole({ role, children }: { role: UserRole; children: ReactNode }) {
  const { me } = useSession();
  if (me?.role !== role) return <NoAccessPage message="Trang này dành cho Văn phòng." />;
  return <>{children}</>;
}

/**
 * Where each role starts: the committee head at the report (overdue by agency, completion), the
 * others at their items.
 */
function Home() {
  const { me } = useSession();
  return <Navigate to={me?.role === 'committee_head' ? REPORTS_PATH : '/items'} replace />;
}

const secretariatPage = (page: ReactNode) => (
  <RequireLogin>
    <RequireRole role="secretariat">{page}</RequireRole>
  </RequireLogin>
);

/** An item's page: through a mail's signed link (`?t=`) without a login, else for signed-in users. */
function ItemRoute() {
  const [params] = useSearchParams();
  const token = params.get('t');
  if (token) return <LinkItemPage token={token} />;
  return (
    <RequireLogin>
      <ItemPage />
    </RequireLogin>
  );
}

export const router = createBrowserRouter([
  { path: LOGIN_PATH, element: <LoginPage /> },
  { path: SET_PASSWORD_PATH, element: <SetPasswordPage /> },
  { path: FORGOT_PASSWORD_PATH, element: <ForgotPasswordPage /> },
  {
    path: CHANGE_PASSWORD_PATH,
    element: (
      <RequireLogin>
        <ChangePasswordPage />
      </RequireLogin>
    ),
  },
  { path: ACCOUNTS_PATH, element: secretariatPage(<AccountsPage />) },
  { path: AGENCIES_PATH, element: secretariatPage(<AgenciesPage />) },
  { path: AUDIT_PATH, element: secretariatPage(<AuditPage />) },
  { path: DIGESTS_PATH, element: secretariatPage(<DigestsPage />) },
  { path: '/login', element: <Navigate to={LOGIN_PATH} replace /> },
  {
    path: '/',
    element: (
      <RequireLogin>
        <Home />
      </RequireLogin>
    ),
  },
  {
    path: '/items',
    element: (
      <RequireLogin>
        <ItemsPage />
      </RequireLogin>
    ),
  },
  { path: '/items/:id', element: <ItemRoute /> },
  {
    path: NOTICES_PATH,
    element: (
      <RequireLogin>
        <NoticesPage />
      </RequireLogin>
    ),
  },
  {
    path: `${NOTICES_PATH}/:id`,
    element: (
      <RequireLogin>
        <NoticePage />
      </RequireLogin>
    ),
  },
  {
    path: INTAKE_PATH,
    element: (
      <RequireLogin>
        <IntakePage />
      </RequireLogin>
    ),
  },
  {
    path: REPORTS_PATH,
    element: (
      <RequireLogin>
        <Suspense fallback={<Loading />}>
          <ReportsPage />
        </Suspense>
      </RequireLogin>
    ),
  },
  { path: '*', element: <NotFoundPage /> },
]);
