import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Company, CompanyList, CreateCompany, UpdateCompany } from '../../../contract';
import { describeError, requestApi } from '../../api/client';
import { keys } from '../../api/query-keys';
import { useMembers } from '../../api/team-hooks';
import { ErrorState, Loading } from '../../components/states';
import { useWorkspace } from '../workspaces/workspace-context';

const money = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });

function useCompanies(ws: string) {
  return useQuery({
    queryKey: keys.companies(ws),
    queryFn: ({ signal }) => requestApi<CompanyList>(`/workspaces/${ws}/companies`, { signal }),
  });
}

function useSaveCompany(ws: string) {
  return useMutation({
    mutationFn: (input: { id: string; patch: UpdateCompany } | { id: null; create: CreateCompany }) =>
      input.id === null
        ? requestApi<Company>(`/workspaces/${ws}/companies`, { method: 'POST', body: input.create })
        : requestApi<Company>(`/workspaces/${ws}/companies/${input.id}`, {
            method: 'PATCH',
            body: input.patch,
          }),
    // An owner hears of the ideas their accounts asked for: the ideas and the brief read it again.
    meta: { invalidates: [keys.ideas(ws), keys.inbox(ws)] },
  });
}

/** Who may be an account owner: the members, and "nobody". */
function OwnerSelect({
  label,
  value,
  disabled,
  onChange,
}: {
  label: string;
  value: string | null;
  disabled: boolean;
  onChange: (userId: string | null) => void;
}) {
  const { workspace } = useWorkspace();
  const members = useMembers(workspace.id);
  return (
    <select
      aria-label={label}
      value={value ?? ''}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
    >
      <option value="">No owner</option>
      {members.data?.map((m) => (
        <option key={m.userId} value={m.userId}>
          {m.name}
        </option>
      ))}
    </select>
  );
}

/**
 * The customer accounts and their owners: the member who hears of decisions on, and risks to,
 * what the account asked for. Anyone but a viewer adds a company or changes its owner.
 */
export function CompaniesPanel() {
  const { workspace } = useWorkspace();
  const list = useCompanies(workspace.id);
  const save = useSaveCompany(workspace.id);
  const [name, setName] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const readOnly = workspace.role === 'viewer';
  return (
    <section className="card companies-panel" aria-labelledby="companies-heading">
      <h2 id="companies-heading">Companies and their account owners</h2>
      {list.isPending ? (
        <Loading label="Loading the companies" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.companies.length === 0 ? (
        <p className="muted">No companies yet: import a company CSV or add one below.</p>
      ) : (
        <table className="table companies-table">
          <thead>
            <tr>
              <th scope="col">Company</th>
              <th scope="col">Revenue (ARR)</th>
              <th scope="col">Tier</th>
              <th scope="col">Account owner</th>
            </tr>
          </thead>
          <tbody>
            {list.data.companies.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{c.arr === null ? '—' : money.format(c.arr)}</td>
                <td>{c.tier ?? '—'}</td>
                <td>
                  <OwnerSelect
                    label={`Account owner of ${c.name}`}
                    value={c.owner?.userId ?? null}
                    disabled={readOnly || save.isPending}
                    onChange={(userId) =>
                      save.mutate({ id: c.id, patch: { version: c.version, ownerUserId: userId } })
                    }
                  />
                  {c.owner === null && c.importedOwner && (
                    <span className="muted"> (was {c.importedOwner}, not a member here)</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!readOnly && (
        <form
          className="button-row companies-add"
          aria-label="Add a company"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(
              { id: null, create: { name, ownerUserId: owner } },
              {
                onSuccess: () => {
                  setName('');
                  setOwner(null);
                },
              },
            );
          }}
        >
          <label className="field-inline">
            Company <input value={name} required maxLength={200} onChange={(e) => setName(e.target.value)} />
          </label>
          <OwnerSelect
            label="Account owner of the new company"
            value={owner}
            disabled={false}
            onChange={setOwner}
          />
          <button type="submit" className="button" disabled={save.isPending}>
            Add company
          </button>
        </form>
      )}
      {save.isError && (
        <p className="alert alert-error" role="alert">
          {describeError(save.error)}
        </p>
      )}
    </section>
  );
}
