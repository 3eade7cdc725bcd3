import { useState } from 'react';
import type { ApiToken, CreatedToken } from '../../../contract';
import { CreateNamedForm } from '../../components/create-named-form';
import { RevokeDialog } from '../../components/revoke-dialog';
import { ShownOnce } from '../../components/shown-once';
import { ErrorState, Loading } from '../../components/states';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from './tokens-api';

/** The choices offered for a new token's life; the API takes any whole number from 1 to 365. */
const EXPIRY_DAYS = [7, 30, 90, 180, 365];
const DEFAULT_EXPIRY_DAYS = 90;

const dateOf = (iso: string) => new Date(iso).toLocaleDateString();
const dateTimeOf = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Settings → API tokens: create (shown once), list with last use and expiry, revoke. */
export function TokensPage() {
  const tokens = useApiTokens();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  return (
    <div className="page page-tokens">
      <header className="page-header">
        <h1>API tokens</h1>
      </header>
      <p className="muted">
        A token lets a script, an integration or the <code>headway</code> CLI act as you through the API (
        <code>Authorization: Bearer …</code>). Tokens are separate from your session: signing out does not end
        them. They stop working when they expire or when you revoke them here.
      </p>
      <CreateTokenForm onCreated={setCreated} />
      {created && <NewToken token={created} onDone={() => setCreated(null)} />}
      <section className="card-section" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">Your tokens</h2>
        {tokens.isPending ? (
          <Loading label="Loading your tokens" />
        ) : tokens.isError ? (
          <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : tokens.data.length === 0 ? (
          <p className="muted">No tokens yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="token-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Expires</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.data.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">{t.name}</th>
                    <td>{dateOf(t.createdAt)}</td>
                    <td>{t.lastUsedAt ? dateTimeOf(t.lastUsedAt) : 'Never'}</td>
                    <td>
                      {t.expiresAt === null
                        ? 'Never'
                        : t.expired
                          ? `Expired on ${dateOf(t.expiresAt)}`
                          : dateOf(t.expiresAt)}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button"
                        aria-label={`Revoke ${t.name}`}
                        onClick={() => setRevoking(t)}
                      >
                        Revoke
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {revoking && <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />}
    </div>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const create = useCreateApiToken();
  const [days, setDays] = useState(String(DEFAULT_EXPIRY_DAYS));
  return (
    <section className="card-section" aria-labelledby="new-token-heading">
      <h2 id="new-token-heading">New token</h2>
      <CreateNamedForm
        create={create}
        toInput={(name) => ({ name, expiresInDays: Number(days) })}
        onCreated={onCreated}
        label="Token name"
        placeholder="e.g. laptop, CI"
        submitLabel="Create token"
      >
        <label className="field">
          <span>Expires after</span>
          <select value={days} onChange={(e) => setDays(e.target.value)}>
            {EXPIRY_DAYS.map((d) => (
              <option key={d} value={d}>
                {d} days
              </option>
            ))}
          </select>
        </label>
      </CreateNamedForm>
    </section>
  );
}

/** The secret of a token just made: shown here once, with a copy button and a warning. */
function NewToken({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  return (
    <section className="card-section new-token" aria-labelledby="created-heading">
      <h2 id="created-heading">Token “{token.name}” created</h2>
      <ShownOnce
        noun="token"
        label="Your new token"
        value={token.token}
        testId="new-token"
        notice={`Copy it now and keep it somewhere safe: it will not be shown again. Anyone holding it can act as you until ${dateOf(token.expiresAt)}.`}
        onDone={onDone}
      />
      <p className="muted">
        Try it:{' '}
        <code>
          curl -H "Authorization: Bearer {token.token.slice(0, 8)}…" {window.location.origin}/api/me
        </code>
      </p>
    </section>
  );
}

function RevokeTokenDialog({ token, onClose }: { token: ApiToken; onClose: () => void }) {
  return (
    <RevokeDialog
      title={`Revoke “${token.name}”?`}
      confirmLabel="Revoke token"
      revoke={useRevokeApiToken()}
      id={token.id}
      doneNotice={`Token “${token.name}” revoked`}
      onClose={onClose}
    >
      <p>Anything using this token stops working at once. This cannot be undone.</p>
    </RevokeDialog>
  );
}
