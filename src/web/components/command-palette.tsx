import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useItemSearch } from '../api/item-hooks';
import type { Item } from '../api/types';
import { searchDelay, useDebouncedValue } from './use-debounced-value';
import { WORKSPACE_PAGES } from './workspace-pages';

interface Choice {
  id: string;
  label: string;
  hint: string;
  to: string;
}

/** Pages first, then items; an item whose number is the query comes before title matches. */
function buildChoices(slug: string, query: string, items: readonly Item[]): Choice[] {
  const q = query.trim().toLowerCase();
  const pages = WORKSPACE_PAGES.filter((p) => p.label.toLowerCase().includes(q)).map((p) => ({
    id: `page-${p.to}`,
    label: p.label,
    hint: 'Go to page',
    to: `/w/${slug}/${p.to}`,
  }));
  if (!q) return pages;
  const number = /^#?(\d+)$/.exec(q)?.[1];
  const ranked = [...items].sort(
    (a, b) => Number(String(b.number) === number) - Number(String(a.number) === number),
  );
  return [
    ...pages,
    ...ranked.map((it) => ({
      id: `item-${it.id}`,
      label: `#${it.number} ${it.title}`,
      hint: 'Open item',
      to: `/w/${slug}/backlog?item=${it.id}`,
    })),
  ];
}

interface PaletteProps {
  workspaceId: string;
  slug: string;
  onClose: () => void;
}

/** ⌘K / Ctrl+K: go to a page of the workspace or open an item by number or title. */
export function CommandPalette({ workspaceId, slug, onClose }: PaletteProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const navigate = useNavigate();
  const listId = useId();
  // Pages filter on every keystroke; the item search waits for a pause in typing.
  const [searched, searchNow] = useDebouncedValue(query, searchDelay);
  const search = useItemSearch(workspaceId, searched);
  const settled = searched.trim() === query.trim() && !search.isFetching;
  const [enterPending, setEnterPending] = useState(false);
  const choices = useMemo(() => buildChoices(slug, query, search.data ?? []), [slug, query, search.data]);
  const current = choices[Math.min(active, choices.length - 1)];

  useEffect(() => {
    const dialog = ref.current;
    // Focus goes back where it was once the palette closes.
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      before?.focus();
    };
  }, []);

  const choose = (choice: Choice | undefined) => {
    if (!choice) return;
    onClose();
    void navigate(choice.to);
  };

  // Enter typed before the results of the last keystrokes came: take the first choice once they have.
  useEffect(() => {
    if (!enterPending || !settled) return;
    setEnterPending(false);
    choose(current);
  });

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(
        (i) => (Math.min(i, choices.length - 1) + step + choices.length) % Math.max(choices.length, 1),
      );
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // A choice picked with the arrows is the one meant, even among the previous results.
      if (settled || active > 0) choose(current);
      else {
        searchNow();
        setEnterPending(true);
      }
    } else if (event.key === 'Tab') {
      // The input is the only stop: Tab stays in it.
      event.preventDefault();
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog palette"
      aria-modal="true"
      aria-label="Go to a page or an item"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <input
        className="palette-input"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={current ? `${listId}-${current.id}` : undefined}
        aria-label="Page, item number or title"
        placeholder="Go to a page, #number or title…"
        value={query}
        autoFocus
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <div className="palette-list" id={listId} role="listbox" aria-label="Results">
        {choices.map((choice) => (
          <div
            key={choice.id}
            id={`${listId}-${choice.id}`}
            role="option"
            aria-selected={choice === current}
            className={choice === current ? 'palette-option is-active' : 'palette-option'}
            tabIndex={-1}
            onClick={() => choose(choice)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') choose(choice);
            }}
          >
            <span className="palette-label">{choice.label}</span>
            <span className="muted palette-hint">{choice.hint}</span>
          </div>
        ))}
        {choices.length === 0 && (
          <p className="muted palette-empty">{settled ? 'Nothing matches' : 'Searching…'}</p>
        )}
      </div>
    </dialog>
  );
}
