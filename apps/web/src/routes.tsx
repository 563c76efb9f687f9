import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation, useSearchParams } from 'react-router';
import { useSession } from './auth/session';
import { AppLayout, REPORTS_PATH } from './layout/AppLayout';
import { Loading } from './layout/Loading';
import { IntakePage, INTAKE_PATH } from './pages/IntakePage';
import { ItemPage } from './pages/ItemPage';
import { ItemsPage } from './pages/ItemsPage';
import { LinkItemPage } from './pages/LinkItemPage';
import { LoginPage, LOGIN_PATH } from './pages/LoginPage';
import { NoticePage } from './pages/NoticePage';
import { NoticesPage } from './pages/NoticesPage';
import { NotFoundPage } from './pages/NotFoundPage';
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
  { path: '/login', element: <Navigate to={LOGIN_PATH} replace /> },
  { path: '/', element: <Navigate to="/items" replace /> },
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
