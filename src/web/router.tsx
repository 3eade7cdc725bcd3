import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { useSession } from './api/session-hooks';
import { WorkspaceLayout } from './components/app-shell';
import { ErrorState, Loading } from './components/states';
import { JoinPage, SignInPage, SignUpPage } from './features/auth/auth-pages';
import { BacklogPage } from './features/backlog/backlog-page';
import { HomeRedirect, WorkspacesPage } from './features/workspaces/workspaces-page';

// Pages beyond the backlog load on demand, so the first screen ships less JavaScript.
const BoardPage = lazy(() => import('./features/board/board-page').then((m) => ({ default: m.BoardPage })));
const InboxPage = lazy(() => import('./features/inbox/inbox-page').then((m) => ({ default: m.InboxPage })));
const PortfolioPage = lazy(() =>
  import('./features/portfolio/portfolio-page').then((m) => ({ default: m.PortfolioPage })),
);
const BriefPage = lazy(() => import('./features/brief/brief-page').then((m) => ({ default: m.BriefPage })));
const IdeasPage = lazy(() => import('./features/ideas/ideas-page').then((m) => ({ default: m.IdeasPage })));
const TeamPage = lazy(() => import('./features/team/team-page').then((m) => ({ default: m.TeamPage })));
const RoadmapPage = lazy(() =>
  import('./features/roadmap/roadmap-page').then((m) => ({ default: m.RoadmapPage })),
);
const ForecastsPage = lazy(() =>
  import('./features/forecasts/forecasts-page').then((m) => ({ default: m.ForecastsPage })),
);
const DeliveryPage = lazy(() =>
  import('./features/delivery/delivery-page').then((m) => ({ default: m.DeliveryPage })),
);
const CyclesPage = lazy(() =>
  import('./features/cycles/cycles-page').then((m) => ({ default: m.CyclesPage })),
);
const TrackRecordPage = lazy(() =>
  import('./features/forecasts/track-record-page').then((m) => ({ default: m.TrackRecordPage })),
);
const PrioritizationPage = lazy(() =>
  import('./features/prioritization/prioritization-page').then((m) => ({ default: m.PrioritizationPage })),
);
const EstimationPage = lazy(() =>
  import('./features/estimation/estimation-page').then((m) => ({ default: m.EstimationPage })),
);
const EstimationSessionsPage = lazy(() =>
  import('./features/estimation/session-page').then((m) => ({ default: m.EstimationSessionsPage })),
);
const DecisionLogPage = lazy(() =>
  import('./features/decisions/decision-log-page').then((m) => ({ default: m.DecisionLogPage })),
);
const WaitingPage = lazy(() =>
  import('./features/decisions/waiting-page').then((m) => ({ default: m.WaitingPage })),
);
const AssessmentPage = lazy(() =>
  import('./features/assessment/assessment-page').then((m) => ({ default: m.AssessmentPage })),
);

const PublicAssessmentPage = lazy(() =>
  import('./features/public-assessment/public-assessment-page').then((m) => ({
    default: m.PublicAssessmentPage,
  })),
);
const PortalPage = lazy(() =>
  import('./features/portal/portal-page').then((m) => ({ default: m.PortalPage })),
);
const PortalVerifyPage = lazy(() =>
  import('./features/portal/portal-page').then((m) => ({ default: m.PortalVerifyPage })),
);
const PortalStopPage = lazy(() =>
  import('./features/portal/portal-page').then((m) => ({ default: m.PortalStopPage })),
);
const AssessmentLinksPage = lazy(() =>
  import('./features/settings/assessment-links-page').then((m) => ({ default: m.AssessmentLinksPage })),
);

const ImportPage = lazy(() =>
  import('./features/settings/import-page').then((m) => ({ default: m.ImportPage })),
);
const WebhooksPage = lazy(() =>
  import('./features/settings/webhooks-page').then((m) => ({ default: m.WebhooksPage })),
);
const GithubPage = lazy(() =>
  import('./features/settings/github-page').then((m) => ({ default: m.GithubPage })),
);
const TokensPage = lazy(() =>
  import('./features/settings/tokens-page').then((m) => ({ default: m.TokensPage })),
);

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** Lets signed-in people through; others go to sign-in and come back afterwards. */
function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

function NotFound() {
  return <ErrorState error={new Error('There is no page at this address')} />;
}

/** Every route of the web app. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/signin" element={<SignInPage />} />
      <Route path="/signup" element={<SignUpPage />} />
      <Route path="/join/:token" element={<JoinPage />} />
      {/* The free assessment of a published link: no account, outside the app shell. */}
      <Route
        path="/a/:token"
        element={
          <Page>
            <PublicAssessmentPage />
          </Page>
        }
      />
      {/* A workspace's public ideas portal: no account, never a session, outside the app shell. */}
      <Route
        path="/portal/:slug"
        element={
          <Page>
            <PortalPage />
          </Page>
        }
      />
      <Route
        path="/portal/:slug/verify"
        element={
          <Page>
            <PortalVerifyPage />
          </Page>
        }
      />
      <Route
        path="/portal/:slug/stop"
        element={
          <Page>
            <PortalStopPage />
          </Page>
        }
      />
      <Route element={<RequireSession />}>
        <Route path="/" element={<HomeRedirect />} />
        <Route path="/workspaces" element={<WorkspacesPage />} />
        <Route
          path="/portfolio"
          element={
            <Page>
              <PortfolioPage />
            </Page>
          }
        />
        <Route path="/w/:slug" element={<WorkspaceLayout />}>
          <Route index element={<Navigate to="backlog" replace />} />
          <Route path="backlog" element={<BacklogPage />} />
          <Route
            path="board"
            element={
              <Page>
                <BoardPage />
              </Page>
            }
          />
          <Route
            path="brief"
            element={
              <Page>
                <BriefPage />
              </Page>
            }
          />
          <Route
            path="inbox"
            element={
              <Page>
                <InboxPage />
              </Page>
            }
          />
          <Route
            path="decisions"
            element={
              <Page>
                <DecisionLogPage />
              </Page>
            }
          />
          <Route
            path="waiting"
            element={
              <Page>
                <WaitingPage />
              </Page>
            }
          />
          <Route
            path="team"
            element={
              <Page>
                <TeamPage />
              </Page>
            }
          />
          <Route
            path="roadmap"
            element={
              <Page>
                <RoadmapPage />
              </Page>
            }
          />
          <Route
            path="forecasts"
            element={
              <Page>
                <ForecastsPage />
              </Page>
            }
          />
          <Route
            path="delivery"
            element={
              <Page>
                <DeliveryPage />
              </Page>
            }
          />
          <Route
            path="cycles"
            element={
              <Page>
                <CyclesPage />
              </Page>
            }
          />
          <Route
            path="forecasts/track-record"
            element={
              <Page>
                <TrackRecordPage />
              </Page>
            }
          />
          <Route
            path="ideas"
            element={
              <Page>
                <IdeasPage />
              </Page>
            }
          />
          <Route
            path="prioritize"
            element={
              <Page>
                <PrioritizationPage />
              </Page>
            }
          />
          <Route
            path="estimation"
            element={
              <Page>
                <EstimationPage />
              </Page>
            }
          />
          <Route
            path="estimation/sessions"
            element={
              <Page>
                <EstimationSessionsPage />
              </Page>
            }
          />
          <Route
            path="assessment/*"
            element={
              <Page>
                <AssessmentPage />
              </Page>
            }
          />
          <Route
            path="settings/import"
            element={
              <Page>
                <ImportPage />
              </Page>
            }
          />
          <Route
            path="settings/assessment-links"
            element={
              <Page>
                <AssessmentLinksPage />
              </Page>
            }
          />
          <Route
            path="settings/webhooks"
            element={
              <Page>
                <WebhooksPage />
              </Page>
            }
          />
          <Route
            path="settings/github"
            element={
              <Page>
                <GithubPage />
              </Page>
            }
          />
          <Route
            path="settings/tokens"
            element={
              <Page>
                <TokensPage />
              </Page>
            }
          />
        </Route>
      </Route>
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
