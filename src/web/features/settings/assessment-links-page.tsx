import { useState } from 'react';
import { CreateNamedForm } from '../../components/create-named-form';
import { RevokeDialog } from '../../components/revoke-dialog';
import { ShownOnce } from '../../components/shown-once';
import { ErrorState, Loading } from '../../components/states';
import { useGate, useWorkspace } from '../workspaces/workspace-context';
import { AssessmentLeads } from './assessment-leads';
import {
  type AssessmentLink,
  type CreatedAssessmentLink,
  useAssessmentLinks,
  useCreateAssessmentLink,
  useRevokeAssessmentLink,
} from './assessment-links-api';

const dateOf = (iso: string) => new Date(iso).toLocaleDateString();

/** Settings → Published assessment: links anyone can answer without an account, and the leads. */
export function AssessmentLinksPage() {
  const { workspace } = useWorkspace();
  const links = useAssessmentLinks(workspace.id);
  const gate = useGate('roadmap');
  const [created, setCreated] = useState<CreatedAssessmentLink | null>(null);
  const [revoking, setRevoking] = useState<AssessmentLink | null>(null);
  return (
    <div className="page page-assessment-links">
      <header className="page-header">
        <h1>Published assessment</h1>
      </header>
      <p className="muted">
        A link to the free assessment of a development setup: anyone who has it answers the short
        questionnaire without an account and gets the report and growth plan, with your workspace’s name on
        the page. Their answers come to you as a lead only when they agree and give an e-mail.
      </p>
      {gate.allowed ? (
        <CreateLinkForm onCreated={setCreated} />
      ) : (
        <p className="notice" role="note">
          Publishing the assessment speaks for the product function, like the roadmap. {gate.reason}.
        </p>
      )}
      {created && <NewLink link={created} onDone={() => setCreated(null)} />}
      <section className="card-section" aria-labelledby="links-heading">
        <h2 id="links-heading">Links</h2>
        {links.isPending ? (
          <Loading label="Loading the links" />
        ) : links.isError ? (
          <ErrorState error={links.error} onRetry={() => void links.refetch()} />
        ) : links.data.length === 0 ? (
          <p className="muted">No published links.</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="link-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Published</th>
                  <th scope="col">Leads</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {links.data.map((l) => (
                  <tr key={l.id}>
                    <th scope="row">{l.name}</th>
                    <td>
                      {dateOf(l.createdAt)}
                      {l.createdByName ? ` by ${l.createdByName}` : ''}
                    </td>
                    <td>{l.leads}</td>
                    <td>
                      <button
                        type="button"
                        className="button"
                        disabled={!gate.allowed}
                        title={gate.reason ?? undefined}
                        aria-label={`Revoke ${l.name}`}
                        onClick={() => setRevoking(l)}
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
      <AssessmentLeads />
      {revoking && <RevokeLinkDialog link={revoking} onClose={() => setRevoking(null)} />}
    </div>
  );
}

function CreateLinkForm({ onCreated }: { onCreated: (link: CreatedAssessmentLink) => void }) {
  const { workspace } = useWorkspace();
  const create = useCreateAssessmentLink(workspace.id);
  return (
    <section className="card-section" aria-labelledby="new-link-heading">
      <h2 id="new-link-heading">New link</h2>
      <CreateNamedForm
        create={create}
        onCreated={onCreated}
        label="Where it goes"
        placeholder="e.g. website, newsletter"
        submitLabel="Publish link"
      />
    </section>
  );
}

/** The address of a link just published: shown here once, with a copy button. */
function NewLink({ link, onDone }: { link: CreatedAssessmentLink; onDone: () => void }) {
  return (
    <section className="card-section new-token" aria-labelledby="created-link-heading">
      <h2 id="created-link-heading">Link “{link.name}” published</h2>
      <ShownOnce
        noun="link"
        label="Public address"
        value={`${window.location.origin}${link.path}`}
        testId="new-link"
        notice="Copy it now: it will not be shown again. Revoke it here when it should stop answering."
        onDone={onDone}
      />
    </section>
  );
}

function RevokeLinkDialog({ link, onClose }: { link: AssessmentLink; onClose: () => void }) {
  const { workspace } = useWorkspace();
  return (
    <RevokeDialog
      title={`Revoke “${link.name}”?`}
      confirmLabel="Revoke link"
      revoke={useRevokeAssessmentLink(workspace.id)}
      id={link.id}
      doneNotice={`Link “${link.name}” revoked`}
      onClose={onClose}
    >
      <p>Anyone opening it will be told it is no longer available. The leads it brought stay.</p>
    </RevokeDialog>
  );
}
