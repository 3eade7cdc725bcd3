import { useEffect } from 'react';
import { Dialog } from './dialog';

/** True when a key press belongs to a text field rather than to a shortcut. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** Calls the handler for key presses outside text fields and dialogs. */
export function useShortcut(handler: (event: KeyboardEvent) => void): void {
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (isTyping(event) || event.ctrlKey || event.metaKey) return;
      if (document.querySelector('dialog[open]')) return;
      handler(event);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [handler]);
}

const SHORTCUTS: [string, string][] = [
  ['?', 'Show this help'],
  ['⌘K / Ctrl+K', 'Go to a page or an item by number or title'],
  ['g then b', 'Go to the backlog'],
  ['g then o', 'Go to the board'],
  ['g then i', 'Go to the inbox'],
  ['g then d', 'Go to the decision log'],
  ['g then t', 'Go to the team'],
  ['/', 'Search the backlog'],
  ['j / k or ↓ / ↑', 'Next / previous item'],
  ['Alt + ↑ / Alt + ↓', 'Move the focused item up / down in the order'],
  ['x', 'Select or unselect the focused item'],
  ['Enter', 'Open the focused item'],
  ['c', 'New item'],
  ['Esc', 'Close the item panel or a dialog'],
];

/** The `?` overlay listing every keyboard shortcut. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="table shortcuts">
        <caption className="sr-only">Keyboard shortcuts</caption>
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
