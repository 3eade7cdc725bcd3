import { useEffect, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { PortalSubmission, PublicIdea } from '../../../contract';
import { PORTAL_TEXT_MAX, PORTAL_TITLE_MAX } from '../../../contract/portal-limits';
import { describeError, isApiError } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { DecisionStatus } from '../ideas/decision-status';
import '../ideas/ideas.css';
import '../public-assessment/public-assessment.css';
import './portal.css';
import { usePublicPortal, useStopPortalNotices, useSubmitToPortal, useVerifyPortal } from './portal-api';

const IMPORTANCE = ['0 · nice to have', '1 · useful', '2 · important', '3 · critical'];

/** The frame of a public portal: outside the app, with whose portal it is. */
function PortalFrame({ name, children }: { name?: string; children: React.ReactNode }) {
  return (
    <main className="public-page portal-page">
      <header className="public-header">
        <p className="brand" aria-hidden="true">
          <span className="brand-mark" /> Headway
        </p>
        {name && (
          <p className="public-publisher">
            Ideas portal of <strong>{name}</strong>
          </p>
        )}
      </header>
      {children}
    </main>
  );
}

/** The decision on an idea, its why, and the forecast of a promised date, as plain text (never HTML). */
export function PublicDecision({ idea }: { idea: PublicIdea }) {
  return (
    <DecisionStatus
      decision={idea.decision}
      promise={idea.promise}
      unplanned={(day) => `Promised for ${day}`}
    />
  );
}

function ImportanceSelect({
  value,
  onChange,
  label,
}: {
  value: number;
  onChange: (v: number) => void;
  label: string;
}) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {IMPORTANCE.map((text, i) => (
        <option key={text} value={i}>
          {text}
        </option>
      ))}
    </select>
  );
}

/** What a send answered: the link to confirm, or what to fix. */
function SendResult({ send }: { send: ReturnType<typeof useSubmitToPortal> }) {
  if (send.isSuccess) {
    return (
      <p className="alert" role="status">
        {send.data.message}
      </p>
    );
  }
  if (send.isError) {
    return (
      <p className="alert alert-error" role="alert">
        {describeError(send.error)}
      </p>
    );
  }
  return null;
}

/** Vote on an idea with an importance, add a note to it, or follow it. */
function IdeaActions({ slug, idea, email }: { slug: string; idea: PublicIdea; email: string }) {
  const send = useSubmitToPortal(slug);
  const [importance, setImportance] = useState(2);
  const [note, setNote] = useState('');
  const submit = (submission: PortalSubmission) => send.mutate(submission);
  return (
    <form
      className="portal-actions"
      aria-label={`Vote on ${idea.title}`}
      onSubmit={(e) => {
        e.preventDefault();
        const text = note.trim();
        submit(
          text === ''
            ? { kind: 'vote', email, ideaNumber: idea.number, importance }
            : { kind: 'evidence', email, ideaNumber: idea.number, text, importance },
        );
      }}
    >
      <ImportanceSelect
        label={`How much ${idea.title} matters to you`}
        value={importance}
        onChange={setImportance}
      />
      <input
        aria-label={`Your case for ${idea.title} (optional)`}
        placeholder="Why it matters to you (optional)"
        maxLength={PORTAL_TEXT_MAX}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="button" disabled={send.isPending || email === ''}>
        Vote
      </button>
      <button
        type="button"
        className="button button-ghost"
        disabled={send.isPending || email === ''}
        onClick={() => submit({ kind: 'follow', email, ideaNumber: idea.number })}
      >
        Follow
      </button>
      <SendResult send={send} />
    </form>
  );
}

/** Suggest a new idea. */
function SuggestIdea({ slug, email }: { slug: string; email: string }) {
  const send = useSubmitToPortal(slug);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [importance, setImportance] = useState(2);
  return (
    <section className="public-card" aria-labelledby="suggest-heading">
      <h2 id="suggest-heading">Suggest an idea</h2>
      <form
        className="public-submit"
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate({ kind: 'idea', email, title, text, importance });
        }}
      >
        <label className="field">
          <span>Title</span>
          <input
            value={title}
            required
            maxLength={PORTAL_TITLE_MAX}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label className="field">
          <span>What you need, and why</span>
          <textarea
            value={text}
            required
            maxLength={PORTAL_TEXT_MAX}
            rows={4}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <ImportanceSelect label="How much it matters to you" value={importance} onChange={setImportance} />
        <button type="submit" className="button" disabled={send.isPending || email === ''}>
          Send idea
        </button>
        <SendResult send={send} />
      </form>
    </section>
  );
}

/** /portal/:slug : a workspace's published ideas, their decisions and why; vote, follow, suggest. */
export function PortalPage() {
  const slug = useParams().slug ?? '';
  const portal = usePublicPortal(slug);
  const [email, setEmail] = useState('');
  if (portal.isPending) {
    return (
      <PortalFrame>
        <Loading label="Loading the portal" />
      </PortalFrame>
    );
  }
  if (portal.isError) {
    return (
      <PortalFrame>
        {isApiError(portal.error, 'not_found') ? (
          <section className="public-card">
            <h1>This portal is not published</h1>
            <p>{describeError(portal.error)}</p>
          </section>
        ) : (
          <ErrorState error={portal.error} onRetry={() => void portal.refetch()} />
        )}
      </PortalFrame>
    );
  }
  return (
    <PortalFrame name={portal.data.workspaceName}>
      <h1>Ideas</h1>
      <section className="public-card">
        <label className="field">
          <span>Your e-mail (we send a link to confirm; it is never shown)</span>
          <input
            type="email"
            value={email}
            maxLength={200}
            onChange={(e) => setEmail(e.target.value.trim())}
          />
        </label>
      </section>
      {portal.data.ideas.length === 0 ? (
        <p className="muted">No ideas yet: be the first to suggest one.</p>
      ) : (
        <ul className="portal-ideas">
          {portal.data.ideas.map((idea) => (
            <li key={idea.number} className="public-card">
              <h2>
                #{idea.number} {idea.title}
              </h2>
              <p className="muted">
                {idea.requests} {idea.requests === 1 ? 'request' : 'requests'}
              </p>
              <PublicDecision idea={idea} />
              <IdeaActions slug={slug} idea={idea} email={email} />
            </li>
          ))}
        </ul>
      )}
      <SuggestIdea slug={slug} email={email} />
    </PortalFrame>
  );
}

/** /portal/:slug/verify?token=… : confirms what the visitor sent, once. */
export function PortalVerifyPage() {
  const slug = useParams().slug ?? '';
  const token = useSearchParams()[0].get('token') ?? '';
  const verify = useVerifyPortal(slug);
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    verify.mutate(token);
  }, [token, verify]);
  return (
    <PortalFrame>
      <section className="public-card">
        <h1>Confirming</h1>
        {verify.isSuccess ? (
          <p role="status">{verify.data.message}</p>
        ) : verify.isError ? (
          <p className="alert alert-error" role="alert">
            {describeError(verify.error)}
          </p>
        ) : (
          <Loading label="Confirming your e-mail" />
        )}
        <p>
          <a href={`/portal/${encodeURIComponent(slug)}`}>Back to the ideas</a>
        </p>
      </section>
    </PortalFrame>
  );
}

/**
 * /portal/:slug/stop?token=… : the link at the foot of a notice. It asks for a click, so a mail
 * program that opens links to scan them does not stop anyone's e-mails.
 */
export function PortalStopPage() {
  const slug = useParams().slug ?? '';
  const token = useSearchParams()[0].get('token') ?? '';
  const stop = useStopPortalNotices(slug);
  return (
    <PortalFrame>
      <section className="public-card">
        <h1>Stop e-mails from this portal</h1>
        {stop.isSuccess ? (
          <p role="status">{stop.data.message}</p>
        ) : (
          <>
            <p>
              You will get no more e-mails about ideas on this portal at the address this link was sent to.
            </p>
            <button
              type="button"
              className="button button-primary"
              disabled={stop.isPending}
              onClick={() => stop.mutate(token)}
            >
              Stop the e-mails
            </button>
          </>
        )}
        {stop.isError && (
          <p className="alert alert-error" role="alert">
            {describeError(stop.error)}
          </p>
        )}
        <p>
          <a href={`/portal/${encodeURIComponent(slug)}`}>Back to the ideas</a>
        </p>
      </section>
    </PortalFrame>
  );
}
