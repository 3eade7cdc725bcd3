import { describe, expect, it } from 'vitest';
import { changesFor, describeQuery, queryFromParams, showsView } from './saved-view-query';

describe('saved view query', () => {
  it('should keep the view keys of the URL and leave out the open item and empty values', () => {
    const params = new URLSearchParams('type=bug&q=&item=abc&closed=show&utm=x');
    expect(queryFromParams(params)).toEqual({ type: 'bug', closed: 'show' });
  });

  it('should match a URL only when every view key is equal', () => {
    const view = { query: { type: 'bug' as const, state: 'ready' as const } };
    expect(showsView(new URLSearchParams('state=ready&type=bug&item=1'), view)).toBe(true);
    expect(showsView(new URLSearchParams('state=ready&type=bug&view=grouped'), view)).toBe(false);
    expect(showsView(new URLSearchParams('type=bug'), view)).toBe(false);
    expect(showsView(new URLSearchParams(''), { query: {} })).toBe(true);
  });

  it('should clear the view keys the view does not set when it is applied', () => {
    const changes = changesFor({ query: { label: 'api' } });
    expect(changes.label).toBe('api');
    expect(changes.type).toBeNull();
    expect(changes.closed).toBeNull();
    expect(Object.keys(changes)).not.toContain('item');
  });

  it('should describe a query in words, naming the assignee', () => {
    const names = (id: string) => (id === 'u1' ? 'Sam' : undefined);
    expect(describeQuery({ type: 'bug', state: 'ready', assignee: 'u1', view: 'grouped' }, names)).toBe(
      'type Bug, state Ready, assigned to Sam, grouped under parents',
    );
    expect(describeQuery({}, names)).toBe('the whole backlog, no filter');
  });
});
