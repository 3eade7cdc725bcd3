import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { isOneOf } from '../../../domain/shared';
import { useItem } from '../../api/item-hooks';
import { useMembers } from '../../api/team-hooks';
import type { Item } from '../../api/types';
import { InlineEdit } from '../../components/inline-edit';
import { SafeMarkdown } from '../../components/markdown';
import { ErrorState, Loading } from '../../components/states';
import { ITEM_STATES, ITEM_TYPES, STATE_LABELS, TYPE_LABELS } from '../backlog/labels';
import { CycleField } from '../cycles/cycle-field';
import { CalibratedEstimate } from '../estimation/calibrated-estimate';
import { HealthSection } from '../roadmap/health-updates';
import { useExplainRefusal } from '../workspaces/refusals';
import type { Gate } from '../workspaces/workspace-context';
import { useGate, useWorkspace } from '../workspaces/workspace-context';
import { useSaveItem } from './conflict-provider';
import { DependenciesPanel } from './dependencies-panel';
import { useEditBase } from './edit-base';
import { EstimatePanel } from './estimate-panel';
import { ChildrenSection, CommentsSection, DecisionsSection, HistorySection } from './item-activity';
import { ProposeChange } from './propose-change';
import { SlipsSection, TargetDateField } from './target-date';

interface ItemPanelProps {
  itemId: string;
  onClose: () => void;
  onOpen: (id: string) => void;
}

/** The detail of one item beside the list: everything about it, each control behind its decision. */
export function ItemPanel({ itemId, onClose, onOpen }: ItemPanelProps) {
  const { workspace } = useWorkspace();
  const item = useItem(workspace.id, itemId);
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !document.querySelector('dialog[open]')) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  useEffect(() => ref.current?.focus(), []);

  return (
    <aside ref={ref} className="item-panel" aria-label="Item detail" tabIndex={-1} data-testid="item-panel">
      <div className="item-panel-bar">
        <span className="muted">{item.data ? `#${item.data.number}` : ''}</span>
        <button type="button" className="icon-button" aria-label="Close item" onClick={onClose}>
          ×
        </button>
      </div>
      {item.isPending ? (
        <Loading label="Loading the item" />
      ) : item.isError ? (
        <ErrorState error={item.error} onRetry={() => void item.refetch()} />
      ) : (
        <ItemDetail key={item.data.id} item={item.data} onOpen={onOpen} />
      )}
    </aside>
  );
}

function ItemDetail({ item, onOpen }: { item: Item; onOpen: (id: string) => void }) {
  const { workspace } = useWorkspace();
  const save = useSaveItem();
  const members = useMembers(workspace.id);
  const requirements = useGate('requirements');
  const scope = useGate('scope');
  const assignment = useGate('assignment');
  const titleBase = useEditBase(item);
  const labelsBase = useEditBase(item);

  return (
    <div className="item-detail">
      <ItemRefusals
        refused={[
          { what: 'title, labels and description', gate: requirements },
          { what: 'type and parent', gate: scope },
          { what: 'assignee', gate: assignment },
        ]}
      />
      <ProposeChange item={item} />
      <h2 className="item-title">
        <InlineEdit
          value={item.title}
          label={`title of #${item.number}`}
          disabled={!requirements.allowed}
          disabledReason={requirements.reason}
          onBegin={titleBase.begin}
          onSave={(title) => void save(titleBase.base(), { title })}
        />
      </h2>
      <dl className="props">
        <dt>Type</dt>
        <dd>
          <select
            aria-label="Type"
            value={item.type}
            disabled={!scope.allowed}
            title={scope.reason ?? undefined}
            onChange={(e) => isOneOf(ITEM_TYPES, e.target.value) && void save(item, { type: e.target.value })}
          >
            {ITEM_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </dd>
        <dt>State</dt>
        <dd>
          <select
            aria-label="State"
            value={item.state}
            onChange={(e) =>
              isOneOf(ITEM_STATES, e.target.value) && void save(item, { state: e.target.value })
            }
          >
            {ITEM_STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </dd>
        <dt>Assignee</dt>
        <dd>
          <select
            aria-label="Assignee"
            value={item.assigneeId ?? ''}
            disabled={!assignment.allowed}
            title={assignment.reason ?? undefined}
            onChange={(e) => void save(item, { assigneeId: e.target.value || null })}
          >
            <option value="">Nobody</option>
            {(members.data ?? []).map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
          {!item.assigneeId && item.imported?.assignee && (
            <span className="muted small imported-attribution">
              {' '}
              Assigned to {item.imported.assignee} in the imported file
            </span>
          )}
        </dd>
        {(item.imported?.createdBy || item.imported?.estimatedBy) && (
          <>
            <dt>Imported</dt>
            <dd className="muted small imported-attribution">
              {item.imported.createdBy ? `Created by ${item.imported.createdBy} in the imported file. ` : ''}
              {item.imported.estimatedBy
                ? `Estimated by ${item.imported.estimatedBy} in the imported file.`
                : ''}
            </dd>
          </>
        )}
        <dt>Target date</dt>
        <dd>
          <TargetDateField item={item} />
        </dd>
        <CycleField item={item} />
        <dt>Labels</dt>
        <dd>
          <InlineEdit
            value={item.labels.join(', ')}
            label="labels"
            disabled={!requirements.allowed}
            disabledReason={requirements.reason}
            onBegin={labelsBase.begin}
            onSave={(value) =>
              void save(labelsBase.base(), {
                labels: value
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean),
              })
            }
          />
        </dd>
      </dl>
      {item.scopeQuestion && (
        <p className="notice" role="note">
          <strong>Scope question:</strong> {item.scopeQuestion}
        </p>
      )}
      {(item.type === 'initiative' || item.type === 'epic') && (
        <Link className="button" to={`/w/${workspace.slug}/forecasts?mode=milestone&milestone=${item.id}`}>
          Forecast when it is done
        </Link>
      )}
      <Description item={item} allowed={requirements.allowed} reason={requirements.reason} />
      <EstimatePanel item={item} />
      <CalibratedEstimate item={item} />
      <DependenciesPanel item={item} onOpen={onOpen} />
      {(item.type === 'initiative' || item.type === 'epic') && <HealthSection itemId={item.id} />}
      <SlipsSection itemId={item.id} />
      <ChildrenSection itemId={item.id} onOpen={onOpen} />
      <DecisionsSection itemId={item.id} />
      <HistorySection itemId={item.id} />
      <CommentsSection itemId={item.id} />
    </div>
  );
}

function Description({ item, allowed, reason }: { item: Item; allowed: boolean; reason: string | null }) {
  const save = useSaveItem();
  const explain = useExplainRefusal();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(item.description);
  const descriptionBase = useEditBase(item);
  return (
    <section className="panel-section" aria-labelledby="description-heading">
      <div className="section-head">
        <h3 id="description-heading">Description</h3>
        {!editing && (
          <button
            type="button"
            className={`button button-ghost${allowed ? '' : ' is-refused'}`}
            aria-disabled={!allowed || undefined}
            title={reason ?? undefined}
            onClick={() => {
              if (!allowed) {
                explain({ allowed, reason });
                return;
              }
              setDraft(item.description);
              descriptionBase.begin();
              setEditing(true);
            }}
          >
            Edit description
          </button>
        )}
      </div>
      {editing ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            setEditing(false);
            void save(descriptionBase.base(), { description: draft });
          }}
        >
          <textarea
            aria-label="Description (Markdown)"
            rows={8}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <div className="form-actions">
            <button type="button" className="button button-ghost" onClick={() => setEditing(false)}>
              Cancel
            </button>
            <button type="submit" className="button button-primary">
              Save description
            </button>
          </div>
        </form>
      ) : item.description ? (
        <div data-testid="description">
          <SafeMarkdown>{item.description}</SafeMarkdown>
        </div>
      ) : (
        <p className="muted">No description yet.</p>
      )}
    </section>
  );
}

/**
 * The fields of this item the person may not change, each with who decides, as visible text
 * (the target date says its own reason beside the field).
 */
function ItemRefusals({ refused }: { refused: { what: string; gate: Gate }[] }) {
  const list = refused.filter((r) => !r.gate.allowed && r.gate.reason);
  if (list.length === 0) return null;
  return (
    <div className="notice small refusals" role="note" data-testid="item-refusals">
      <strong>Not yours to change here:</strong>
      <ul>
        {list.map((r) => (
          <li key={r.what}>
            {r.what}: {r.gate.reason}.
          </li>
        ))}
      </ul>
    </div>
  );
}
