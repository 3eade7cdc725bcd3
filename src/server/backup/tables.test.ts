import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { backupTables, orderByReferences } from './tables';

describe('backupTables', () => {
  it('should list every table of the schema once, each after every other table it references', () => {
    const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));
    const order = backupTables().map((t) => t.name);
    expect([...order].sort()).toEqual(tables.map((t) => getTableConfig(t).name).sort());
    for (const table of tables) {
      const config = getTableConfig(table);
      for (const key of config.foreignKeys) {
        const target = getTableConfig(key.reference().foreignTable).name;
        if (target !== config.name)
          expect(order.indexOf(target), `${config.name} → ${target}`).toBeLessThan(
            order.indexOf(config.name),
          );
      }
    }
  });

  it('should restore self-references in a second pass: an item parent, an amended decision, a carried-over cycle', () => {
    const selfReferencing = backupTables()
      .filter((t) => t.selfReferences.length > 0)
      .map((t) => `${t.name}.${t.selfReferences.join(',')}`);
    expect(selfReferencing).toEqual([
      'cycles.carried_to_cycle_id',
      'items.parent_id',
      'decision_log.amends_id',
    ]);
  });
});

describe('orderByReferences', () => {
  it('should order by references, ties by name, and refuse a cycle', () => {
    const ordered = orderByReferences([
      { name: 'c', references: ['a'] },
      { name: 'b', references: [] },
      { name: 'a', references: ['b'] },
    ]);
    expect(ordered.map((t) => t.name)).toEqual(['b', 'a', 'c']);
    expect(() =>
      orderByReferences([
        { name: 'x', references: ['y'] },
        { name: 'y', references: ['x'] },
      ]),
    ).toThrow(/cycle: x, y/);
  });
});
