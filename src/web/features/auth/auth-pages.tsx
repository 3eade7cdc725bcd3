import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { describeError } from '../../api/client';
import { useAcceptInvitation, useSession } from '../../api/session-hooks';
import { Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { AuthForm } from './auth-form';
import { DemoAccounts } from './demo-accounts';

function AuthLayout({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <p className="brand brand-large" aria-hidden="true">
          <span className="brand-mark" /> Headway
        </p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

/** Where to go after signing in: back to the page that asked, or home. */
function useNextPath(): string {
  const [params] = useSearchParams();
  const next = params.get('next');
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const navigate = useNavigate();
  const next = useNextPath();
  const session = useSession();
  if (session.data) return <Navigate to={next} replace />;
  return (
    <AuthLayout title="Sign in">
      <AuthForm mode="signin" onDone={() => void navigate(next)} />
      <p className="auth-switch">
        New to Headway?{' '}
        <Link to={`/signup${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>
          Create an account
        </Link>
      </p>
      <DemoAccounts onDone={() => void navigate(next)} />
    </AuthLayout>
  );
}

export function SignUpPage() {
  const navigate = useNavigate();
  const next = useNextPath();
  const session = useSession();
  if (session.data) return <Navigate to={next} replace />;
  return (
    <AuthLayout title="Create your account">
      <AuthForm mode="signup" onDone={() => void navigate(next)} />
      <p className="auth-switch">
        Already have an account?{' '}
        <Link to={`/signin${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`}>Sign in</Link>
      </p>
    </AuthLayout>
  );
}

/** /join/:token: sign up or sign in, then join the workspace the link invites to. */
export function JoinPage() {
  const { token = '' } = useParams();
  const session = useSession();
  const accept = useAcceptInvitation();
  const navigate = useNavigate();
  const { notify } = useToast();

  if (session.isPending) return <Loading />;
  const join = () =>
    accept.mutate(token, {
      onSuccess: (ws) => {
        notify(`You joined ${ws.name}`);
        void navigate(`/w/${ws.slug}/backlog`);
      },
    });

  if (!session.data) {
    return (
      <AuthLayout title="You are invited to a Headway workspace">
        <p className="muted">Create an account (or sign in) to join.</p>
        <AuthForm mode="signup" onDone={() => {}} />
        <p className="auth-switch">
          Already have an account?{' '}
          <Link to={`/signin?next=${encodeURIComponent(`/join/${token}`)}`}>Sign in</Link>
        </p>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title="Join the workspace">
      <p>Signed in as {session.data.user.email}.</p>
      {accept.isError && (
        <p className="form-error" role="alert">
          {describeError(accept.error)}
        </p>
      )}
      <button type="button" className="button button-primary" onClick={join} disabled={accept.isPending}>
        Join workspace
      </button>
    </AuthLayout>
  );
}
