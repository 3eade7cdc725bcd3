import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { describeScoreKey } from '../../../domain/prioritization';
import { describeError } from '../../api/client';
import { backlogCsvUrl, useItems } from '../../api/item-hooks';
import { useCreateItem, useMoveItem } from '../../api/item-write-hooks';
import { useMembers } from '../../api/team-hooks';
import type { MoveTarget } from '../../api/types';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useToast } from '../../components/toast';
import { useSaveItem } from '../item/conflict-provider';
import { useExplainRefusal } from '../workspaces/refusals';
import { useGate, useWorkspace } from '../workspaces/workspace-context';
import { BacklogList } from './backlog-list';
import type { RowActions } from './backlog-row';
import { buildRows, describeEdge, findDropMove, findStepMove } from './backlog-rows';
import { BacklogToolbar, NewItemForm } from './backlog-toolbar';
import { BulkBar } from './bulk-bar';
import { ClosedToggle, isClosed } from './closed-toggle';
import { GettingStarted } from './getting-started';
import { MoveToastBody } from './move-toast';
import { SavedViews } from './saved-views';
import { useBacklogParams } from './use-backlog-filters';

// The detail panel brings Markdown rendering with it: load it when an item is opened.
const ItemPanel = lazy(() => import('../item/item-panel').then((m) => ({ default: m.ItemPanel })));

const DEFAULT_SCORE_KEYS = ['rice_reach', 'rice_impact', 'rice_confidence', 'rice_effort', 'moscow'];

/** The ordered backlog: filter, reorder by drag or keyboard, select many, edit inline. */
export function BacklogPage() {
  const { workspace } = useWorkspace();
  const [params, setParams] = useBacklogParams();
  const items = useItems(workspace.id, params.filters);
  const members = useMembers(workspace.id);
  const move = useMoveItem(workspace.id);
  const create = useCreateItem(workspace.id);
  const save = useSaveItem();
  const { notify } = useToast();
  const order = useGate('backlog_order');
  const explain = useExplainRefusal();
  // Read through a ref so the row actions stay the same object and the rows do not re-render.
  const orderRef = useRef(order);
  orderRef.current = order;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const lastSelected = useRef<string | null>(null);

  const showClosed = params.showClosed || params.filters.state !== undefined;
  const visible = useMemo(
    () => (showClosed ? (items.data ?? []) : (items.data ?? []).filter((it) => !isClosed(it.state))),
    [items.data, showClosed],
  );
  const hidden = (items.data?.length ?? 0) - visible.length;
  const rows = useMemo(() => buildRows(visible, params.view), [visible, params.view]);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const memberNames = useMemo(
    () => new Map((members.data ?? []).map((m) => [m.userId, m.name] as const)),
    [members.data],
  );
  const scoreKeys = useMemo(() => {
    const found = new Set(DEFAULT_SCORE_KEYS);
    for (const it of (items.data ?? []).slice(0, 500)) for (const k of Object.keys(it.scores)) found.add(k);
    found.add(params.scoreKey);
    return [...found].sort();
  }, [items.data, params.scoreKey]);

  const runMove = useCallback(
    (id: string, target: MoveTarget) => {
      // Where the item was, so Undo can put it back next to the same neighbour.
      const list = rowsRef.current;
      const at = list.findIndex((r) => r.item.id === id);
      const above = list[at - 1]?.item.id;
      const below = list[at + 1]?.item.id;
      const back: MoveTarget | null = above ? { afterId: above } : below ? { beforeId: below } : null;
      const name = list[at] ? `#${list[at].item.number} “${list[at].item.title}”` : null;
      move.mutate(
        { id, target },
        {
          onError: (error) => notify(describeError(error), 'error'),
          onSuccess: (moved) =>
            notify(`Moved ${name ?? `#${moved.number}`}`, 'info', {
              duration: 8000,
              body: (close) => (
                <MoveToastBody
                  workspaceId={workspace.id}
                  decision={moved.decision}
                  close={close}
                  onUndo={
                    back
                      ? () =>
                          move.mutate(
                            { id, target: back, rationale: 'Undid the previous move' },
                            {
                              onSuccess: () => notify(`Put #${moved.number} back`),
                              onError: (error) => notify(describeError(error), 'error'),
                            },
                          )
                      : undefined
                  }
                />
              ),
            }),
        },
      );
    },
    [move, notify, workspace.id],
  );

  const actions = useMemo<Omit<RowActions, 'focus'>>(
    () => ({
      open: (id) => setParams({ item: id }),
      toggleSelect: (id, range) => {
        setSelected((current) => {
          const next = new Set(current);
          const ids = rowsRef.current.map((r) => r.item.id);
          if (range && lastSelected.current) {
            const a = ids.indexOf(lastSelected.current);
            const b = ids.indexOf(id);
            for (const rid of ids.slice(Math.min(a, b), Math.max(a, b) + 1)) next.add(rid);
          } else if (next.has(id)) next.delete(id);
          else next.add(id);
          lastSelected.current = id;
          return next;
        });
      },
      step: (index, direction) => {
        const row = rowsRef.current[index];
        const target = findStepMove({ rows: rowsRef.current, index, direction, view: params.view });
        if (row && target) runMove(row.item.id, target);
      },
      explainEdge: (index, direction) => {
        const reason = describeEdge({ rows: rowsRef.current, index, direction, view: params.view });
        const row = rowsRef.current[index];
        if (reason && row) notify(`#${row.item.number} is ${reason.toLowerCase()}`);
      },
      refuseOrder: () => explain(orderRef.current),
      rename: (item, title) => void save(item, { title }),
      setState: (item, state) => void save(item, { state }),
      setScore: (item, key, value) => {
        const scores = { ...item.scores };
        if (value === '') delete scores[key];
        else scores[key] = Number.isFinite(Number(value)) ? Number(value) : value;
        void save(item, { scores });
      },
    }),
    [params.view, runMove, save, setParams, explain, notify],
  );

  const onDrop = useCallback(
    (activeId: string, overId: string) => {
      const target = findDropMove({ rows: rowsRef.current, activeId, overId, view: params.view });
      if (target) runMove(activeId, target);
      else if (activeId !== overId && params.view === 'grouped') {
        notify('In the grouped view an item moves among its siblings; change its parent in the item panel');
      }
    },
    [params.view, runMove, notify],
  );

  const selectedItems = visible.filter((it) => selected.has(it.id));
  const bulkMove = async (where: 'top' | 'bottom') => {
    // Keep the selection's own order: to the top, place the last first.
    const list = where === 'top' ? [...selectedItems].reverse() : selectedItems;
    for (const it of list) {
      await move
        .mutateAsync({ id: it.id, target: where === 'top' ? { afterId: null } : { beforeId: null } })
        .catch((error: unknown) => notify(describeError(error), 'error'));
    }
  };

  const filtered = Object.values(params.filters).some(Boolean);

  return (
    <div className="page page-backlog">
      <header className="page-header">
        <h1>
          Backlog{' '}
          {items.data && (
            <span className="muted count" data-testid="backlog-count">
              {visible.length}
              {items.isFetching && !items.isPending ? '…' : ''} items
            </span>
          )}
        </h1>
        <NewItemForm
          onCreate={(input) =>
            create.mutateAsync(input).then(
              (item) => notify(`#${item.number} added at the bottom, waiting to be ordered`),
              (error: unknown) => notify(describeError(error), 'error'),
            )
          }
        />
      </header>
      <GettingStarted refreshKey={items.dataUpdatedAt} />
      <div className="backlog-view-bar">
        <SavedViews members={members.data ?? []} onApply={setParams} />
        <a
          className="button"
          href={backlogCsvUrl(workspace.id, params.filters, params.showClosed)}
          download
          title="Download the items shown, with these filters, as a spreadsheet"
        >
          Export CSV
        </a>
      </div>
      <BacklogToolbar
        filters={params.filters}
        view={params.view}
        scoreKey={params.scoreKey}
        scoreKeys={scoreKeys}
        members={members.data ?? []}
        onChange={setParams}
      >
        <ClosedToggle
          shown={params.showClosed}
          hidden={hidden}
          stateFiltered={params.filters.state !== undefined}
          onChange={(show) => setParams({ closed: show ? 'show' : null })}
        />
      </BacklogToolbar>
      {!order.allowed && (
        <p className="notice" role="note" data-testid="order-refusal">
          <strong>Reordering is not yours to decide.</strong> {order.reason}.
        </p>
      )}
      {selected.size > 0 && (
        <BulkBar
          items={selectedItems}
          members={members.data ?? []}
          onMove={bulkMove}
          onClear={() => setSelected(new Set())}
        />
      )}
      <div className="backlog-head" aria-hidden="true">
        <span />
        <span />
        <span>#</span>
        <span>Type</span>
        <span>Title</span>
        <span>State</span>
        <span className="cell-score">{describeScoreKey(params.scoreKey)}</span>
        <span className="cell-assignee">Assignee</span>
        <span className="cell-estimate">Estimate</span>
        <span>Order</span>
      </div>
      {items.isPending ? (
        <Loading label="Loading the backlog" />
      ) : items.isError ? (
        <ErrorState error={items.error} onRetry={() => void items.refetch()} />
      ) : rows.length === 0 ? (
        <Empty
          title={
            filtered ? 'No items match these filters' : hidden > 0 ? 'No open work' : 'The backlog is empty'
          }
        >
          <p className="muted">
            {filtered
              ? 'Clear a filter to see more.'
              : hidden > 0
                ? 'Every item is done or cancelled: show them with the switch above.'
                : 'Add the first item above: an initiative, an epic, or a feature.'}
          </p>
        </Empty>
      ) : (
        <BacklogList
          rows={rows}
          view={params.view}
          selected={selected}
          scoreKey={params.scoreKey}
          memberNames={memberNames}
          order={order}
          scoring={order}
          actions={actions}
          onDrop={onDrop}
          onRefused={(reason) => notify(reason, 'error')}
        />
      )}
      {params.openId && (
        <Suspense fallback={null}>
          <ItemPanel itemId={params.openId} onClose={() => setParams({ item: null })} onOpen={actions.open} />
        </Suspense>
      )}
    </div>
  );
}
