import { Result, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Button } from 'antd';
import { createBrowserRouter, Navigate, RouterProvider, useLocation, useRouteError } from 'react-router-dom';
import { useAuth, useMe } from './auth/auth-context';
import { AppLayout, PageFallback } from './components/app-layout';
import { canOpen, type PageKey } from './lib/nav';

// Every screen is its own chunk.
const pages = {
  login: () => import('./pages/login-page').then((m) => ({ default: m.LoginPage })),
  home: () => import('./pages/home-page').then((m) => ({ default: m.HomePage })),
  intake: () => import('./pages/intake/intake-page').then((m) => ({ default: m.IntakePage })),
  dispatch: () => import('./pages/dispatch-page').then((m) => ({ default: m.DispatchPage })),
  inbox: () => import('./pages/inbox-page').then((m) => ({ default: m.InboxPage })),
  callback: () => import('./pages/callback-page').then((m) => ({ default: m.CallbackPage })),
  supervision: () => import('./pages/supervision-page').then((m) => ({ default: m.SupervisionPage })),
  tickets: () => import('./pages/tickets-page').then((m) => ({ default: m.TicketsPage })),
  ticket: () => import('./pages/ticket-page').then((m) => ({ default: m.TicketPage })),
  ticketPrint: () => import('./pages/ticket-print-page').then((m) => ({ default: m.TicketPrintPage })),
  admin: () => import('./pages/admin/admin-page').then((m) => ({ default: m.AdminPage })),
  incidents: () => import('./pages/incidents/incidents-page').then((m) => ({ default: m.IncidentsPage })),
  enterprises: () =>
    import('./pages/enterprises/enterprises-page').then((m) => ({ default: m.EnterprisesPage })),
  publicDirectory: () =>
    import('./pages/enterprises/public-directory-page').then((m) => ({ default: m.PublicDirectoryPage })),
  publicApply: () =>
    import('./pages/enterprises/public-apply-page').then((m) => ({ default: m.PublicApplyPage })),
  'service-numbers': () =>
    import('./pages/service-numbers/service-numbers-page').then((m) => ({ default: m.ServiceNumbersPage })),
  'enterprise-desk': () =>
    import('./pages/enterprises/enterprise-desk-page').then((m) => ({ default: m.EnterpriseDeskPage })),
  kb: () => import('./pages/kb/kb-page').then((m) => ({ default: m.KbPage })),
  statistics: () => import('./pages/statistics/statistics-page').then((m) => ({ default: m.StatisticsPage })),
  assessment: () => import('./pages/assessment/assessment-page').then((m) => ({ default: m.AssessmentPage })),
  'assessment-warnings': () =>
    import('./pages/assessment/warnings-page').then((m) => ({ default: m.WarningsPage })),
  portal: () => import('./pages/portal/portal-page').then((m) => ({ default: m.PortalPage })),
  reports: () => import('./pages/reports/reports-page').then((m) => ({ default: m.ReportsPage })),
  bigscreen: () => import('./pages/bigscreen-page').then((m) => ({ default: m.BigscreenPage })),
  publicNumbers: () =>
    import('./pages/service-numbers/public-numbers-page').then((m) => ({ default: m.PublicNumbersPage })),
};
const LoginPage = lazy(pages.login);
const HomePage = lazy(pages.home);
const IntakePage = lazy(pages.intake);
const DispatchPage = lazy(pages.dispatch);
const InboxPage = lazy(pages.inbox);
const CallbackPage = lazy(pages.callback);
const SupervisionPage = lazy(pages.supervision);
const TicketsPage = lazy(pages.tickets);
const TicketPage = lazy(pages.ticket);
const TicketPrintPage = lazy(pages.ticketPrint);
const AdminPage = lazy(pages.admin);
const IncidentsPage = lazy(pages.incidents);
const EnterprisesPage = lazy(pages.enterprises);
const PublicDirectoryPage = lazy(pages.publicDirectory);
const PublicApplyPage = lazy(pages.publicApply);
const ServiceNumbersPage = lazy(pages['service-numbers']);
const PublicNumbersPage = lazy(pages.publicNumbers);
const EnterpriseDeskPage = lazy(pages['enterprise-desk']);
const KbPage = lazy(pages.kb);
const AssessmentPage = lazy(pages.assessment);
const WarningsPage = lazy(pages['assessment-warnings']);
const StatisticsPage = lazy(pages.statistics);
const PortalPage = lazy(pages.portal);
const ReportsPage = lazy(pages.reports);
const BigscreenPage = lazy(pages.bigscreen);

/** Starts loading the first screen's chunk while the session is checked. */
function preloadCurrentPage(pathname: string): void {
  const first = pathname.split('/')[1] ?? '';
  const loader =
    first === ''
      ? pages.home
      : first === 'tickets'
        ? pathname.split('/')[2]
          ? pages.ticket
          : pages.tickets
        : (pages as Record<string, (() => Promise<unknown>) | undefined>)[first];
  void loader?.().catch(() => undefined);
}
preloadCurrentPage(window.location.pathname);

function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const location = useLocation();
  if (me === undefined) {
    return (
      <div style={{ padding: 80, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  }
  if (me === null) {
    const next = location.pathname + location.search;
    return (
      <Navigate to={next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'} replace />
    );
  }
  return <>{children}</>;
}

function Guard({ page, children }: { page: PageKey; children: ReactNode }) {
  const me = useMe();
  if (!canOpen(page, me.role)) {
    return (
      <Result status="403" title="无权访问" subTitle="当前角色不能使用此功能，请从左侧菜单进入您的工作台" />
    );
  }
  return <>{children}</>;
}

/** Shown instead of a blank page when a screen fails (e.g. its code changed after an upgrade). */
function RouteError() {
  const error = useRouteError();
  const chunk =
    error instanceof Error && /dynamically imported module|Importing a module script/i.test(error.message);
  return (
    <Result
      status="warning"
      title={chunk ? '平台已更新，请刷新页面' : '页面出错了'}
      subTitle={
        chunk
          ? '刷新后即可继续使用，已填写的受理草稿会自动恢复'
          : '请刷新页面后重试；如仍有问题请联系系统管理员'
      }
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}

/** The rating link of the messages (`/public/track?no=`) opens the portal's tracking tab. */
function TrackRedirect() {
  const location = useLocation();
  const no = new URLSearchParams(location.search).get('no') ?? '';
  return <Navigate to={`/portal?tab=track&no=${encodeURIComponent(no)}`} replace />;
}

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
  // Public pages of franchise enterprises: no sign-in.
  { path: '/public/enterprises', element: <PublicDirectoryPage />, errorElement: <RouteError /> },
  { path: '/public/enterprises/apply', element: <PublicApplyPage />, errorElement: <RouteError /> },
  { path: '/public/service-numbers', element: <PublicNumbersPage />, errorElement: <RouteError /> },
  // The citizen portal (no sign-in); the rating link in messages points at /public/track?no=.
  { path: '/portal', element: <PortalPage />, errorElement: <RouteError /> },
  { path: '/public/track', element: <TrackRedirect />, errorElement: <RouteError /> },
  // The wall screen: signed in, without the frame.
  {
    path: '/bigscreen',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <Guard page="bigscreen">
          <BigscreenPage />
        </Guard>
      </RequireAuth>
    ),
  },
  {
    path: '/',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      {
        // Errors of a screen show inside the frame, the menu stays usable.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          {
            path: 'intake',
            element: (
              <Guard page="intake">
                <IntakePage />
              </Guard>
            ),
          },
          {
            path: 'dispatch',
            element: (
              <Guard page="dispatch">
                <DispatchPage />
              </Guard>
            ),
          },
          {
            path: 'inbox',
            element: (
              <Guard page="inbox">
                <InboxPage />
              </Guard>
            ),
          },
          {
            path: 'callback',
            element: (
              <Guard page="callback">
                <CallbackPage />
              </Guard>
            ),
          },
          {
            path: 'supervision',
            element: (
              <Guard page="supervision">
                <SupervisionPage />
              </Guard>
            ),
          },
          {
            path: 'incidents',
            element: (
              <Guard page="incidents">
                <IncidentsPage />
              </Guard>
            ),
          },
          {
            path: 'enterprises',
            element: (
              <Guard page="enterprises">
                <EnterprisesPage />
              </Guard>
            ),
          },
          {
            path: 'service-numbers',
            element: (
              <Guard page="service-numbers">
                <ServiceNumbersPage />
              </Guard>
            ),
          },
          {
            path: 'enterprise-desk',
            element: (
              <Guard page="enterprise-desk">
                <EnterpriseDeskPage />
              </Guard>
            ),
          },
          {
            path: 'kb',
            element: (
              <Guard page="kb">
                <KbPage />
              </Guard>
            ),
          },
          {
            path: 'assessment',
            element: (
              <Guard page="assessment">
                <AssessmentPage />
              </Guard>
            ),
          },
          {
            path: 'assessment/warnings',
            element: (
              <Guard page="assessment-warnings">
                <WarningsPage />
              </Guard>
            ),
          },
          {
            path: 'statistics',
            element: (
              <Guard page="statistics">
                <StatisticsPage />
              </Guard>
            ),
          },
          {
            path: 'reports',
            element: (
              <Guard page="reports">
                <ReportsPage />
              </Guard>
            ),
          },
          { path: 'tickets', element: <TicketsPage /> },
          { path: 'tickets/:id', element: <TicketPage /> },
          { path: 'tickets/:id/print', element: <TicketPrintPage /> },
          {
            path: 'admin',
            element: (
              <Guard page="admin">
                <AdminPage />
              </Guard>
            ),
          },
          { path: '*', element: <Result status="404" title="页面不存在" /> },
        ],
      },
    ],
  },
]);

export function App() {
  return (
    <Suspense fallback={<PageFallback />}>
      <RouterProvider router={router} />
    </Suspense>
  );
}
