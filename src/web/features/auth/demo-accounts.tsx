import { ROLE_LABELS } from '../../../domain/decision-rights';
import { describeError } from '../../api/client';
import { useInstance } from '../../api/instance';
import { useAuthenticate } from '../../api/session-hooks';

/**
 * On a server that runs the demo, the demo people to sign in as with one click; nothing on any
 * other server.
 */
export function DemoAccounts({ onDone }: { onDone: () => void }) {
  const instance = useInstance();
  const authenticate = useAuthenticate();
  const demo = instance.data?.demo;
  if (!demo) return null;
  return (
    <section className="demo-accounts" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">Try the demo workspace</h2>
      <p className="muted">
        Sign in as one of the demo team (password <code>{demo.password}</code>):
      </p>
      <ul>
        {demo.accounts.map((account) => (
          <li key={account.email}>
            <button
              type="button"
              className="button"
              disabled={authenticate.isPending}
              onClick={() =>
                authenticate.mutate(
                  { mode: 'signin', email: account.email, password: demo.password },
                  { onSuccess: onDone },
                )
              }
            >
              {account.name} <span className="muted">· {ROLE_LABELS[account.role]}</span>
            </button>
          </li>
        ))}
      </ul>
      {authenticate.isError && (
        <p className="form-error" role="alert">
          {describeError(authenticate.error)}
        </p>
      )}
    </section>
  );
}
