import { describe, expect, it } from 'vitest';
import { placeItem } from './place-item';
import type { Item } from './types';

const list = ['a', 'b', 'c', 'd'].map((id) => ({ id }) as Item);
const ids = (items: Item[]) => items.map((it) => it.id).join('');

describe('placeItem', () => {
  it('should put the item right after the anchor when the move names afterId', () => {
    expect(ids(placeItem(list, 'a', { afterId: 'c' }))).toBe('bcad');
  });

  it('should put the item first when afterId is null', () => {
    expect(ids(placeItem(list, 'c', { afterId: null }))).toBe('cabd');
  });

  it('should put the item right before the anchor when the move names beforeId', () => {
    expect(ids(placeItem(list, 'd', { beforeId: 'b' }))).toBe('adbc');
  });

  it('should put the item last when beforeId is null', () => {
    expect(ids(placeItem(list, 'b', { beforeId: null }))).toBe('acdb');
  });

  it('should leave the list as it is when the anchor is not in a filtered list', () => {
    expect(ids(placeItem(list, 'b', { afterId: 'zz' }))).toBe('abcd');
  });
});
