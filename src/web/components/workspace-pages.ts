/** The pages of a workspace, as the sidebar and the command palette list them; `key` follows `g`. */
export const WORKSPACE_PAGES: readonly { to: string; label: string; key: string }[] = [
  { to: 'backlog', label: 'Backlog', key: 'b' },
  { to: 'board', label: 'Board', key: 'o' },
  { to: 'brief', label: 'Brief', key: 'w' },
  { to: 'inbox', label: 'Inbox', key: 'i' },
  { to: 'estimation', label: 'Estimation', key: 'e' },
  { to: 'decisions', label: 'Decisions', key: 'd' },
  { to: 'team', label: 'Team', key: 't' },
  { to: 'roadmap', label: 'Roadmap', key: 'r' },
  { to: 'forecasts', label: 'Forecasts', key: 'f' },
  { to: 'cycles', label: 'Cycles', key: 'y' },
  { to: 'delivery', label: 'Delivery', key: 'l' },
  { to: 'ideas', label: 'Ideas', key: 'n' },
  { to: 'prioritize', label: 'Prioritize', key: 'p' },
  { to: 'assessment', label: 'Assessment', key: 'a' },
  { to: 'settings/import', label: 'Import', key: 'm' },
];
