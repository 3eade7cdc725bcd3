import { describe, expect, it } from 'vitest';
import type { FileSummary } from './import-report';
import { renderDryRun } from './import-report';

const summary: FileSummary = {
  format: 'jira',
  items: 2,
  done: 1,
  cancelled: 0,
  dependencies: 0,
  people: 2,
  historyEntries: 3,
  skipped: {},
  problems: [],
  peopleByMatch: { members: 1, invitations: 0, unmatched: 1 },
  errors: 0,
  assumptions: [],
  mapping: {
    states: { Done: 'done', 'To Do': 'ready' },
    dateFormat: null,
    types: { Story: 'feature' },
    priorities: { High: 'priority:high', None: null },
    people: {
      'Kwame Mensah': { kind: 'unmatched' },
      'ana@example.com': { kind: 'member', email: 'ana@example.com' },
    },
    points: 'story-points',
    timeEstimates: { mode: 'likely-only', basis: 'the file has no time estimates' },
  },
};

describe('renderDryRun', () => {
  it('should print every mapping table the dry run applied, as --mapping can change them', () => {
    const text = renderDryRun(summary, 'jira.csv');
    expect(text).toContain('Mapping (change any entry with --mapping map.json):');
    expect(text).toContain('states           Done → done; To Do → ready');
    expect(text).toContain('types            Story → feature');
    expect(text).toContain('priorities       High → priority:high; None → dropped');
    expect(text).toContain(
      'people           Kwame Mensah → name kept as text; ana@example.com → member ana@example.com',
    );
    expect(text).toContain('time estimates   likely only: the file has no time estimates');
  });

  it('should print no mapping for a file that needs none', () => {
    const empty = {
      ...summary,
      mapping: { ...summary.mapping, states: {}, types: {}, priorities: {}, people: {} },
    };
    expect(renderDryRun(empty, 'x.json')).not.toContain('Mapping');
  });
});
