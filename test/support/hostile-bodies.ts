/**
 * Request bodies for schema-level fuzzing, generated from the JSON Schemas of the OpenAPI document:
 * a value shaped like the schema asks, with one node swapped for a hostile value that the schema
 * refuses (NUL, a lone surrogate, an integer past PostgreSQL's int4, a year outside 1900–2999, a
 * 5,000-deep JSON field, a wrong type, an unknown field…). Every body made here is invalid by
 * construction, so every one must be refused with a 4xx and change nothing.
 */

import fc from 'fast-check';

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
}

type Path = (string | number)[];

const DEEP_MARK = '@@deep@@';

/**
 * JSON nested `depth` levels deep (`{"a":{"a":…}}` or `[[…]]`), held as a placeholder until
 * serializeBody writes it out: building and stringifying it as objects would overflow this
 * process's stack before the server ever saw it.
 */
export function deeplyNested(depth: number, kind: 'object' | 'array' = 'object'): string {
  return `${DEEP_MARK}${kind}:${depth}${DEEP_MARK}`;
}

/** The JSON text of a body, with deeplyNested placeholders written out in full. */
export function serializeBody(body: unknown): string {
  const placeholder = new RegExp(`"${DEEP_MARK}(object|array):(\\d+)${DEEP_MARK}"`, 'g');
  return JSON.stringify(body).replace(placeholder, (_, kind: string, depth: string) => {
    const n = Number(depth);
    return kind === 'object' ? `${'{"a":'.repeat(n)}1${'}'.repeat(n)}` : `${'['.repeat(n)}1${']'.repeat(n)}`;
  });
}

const INT4_MAX = 2 ** 31 - 1;
const HOSTILE_TEXTS = ['nul\u0000byte', '\u0000', 'lone \uD800 high', 'lone \uDFFF low', '\uDBFF'];
const HOSTILE_NUMBERS = [2 ** 31, 2 ** 53, 1e308, -(2 ** 53)];

/** Follows `$ref`s into the document's components. */
function resolver(components: Record<string, JsonSchema>) {
  return function resolve(schema: JsonSchema): JsonSchema {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = components[name];
    if (!target) throw new Error(`unresolved ${schema.$ref}`);
    return resolve(target);
  };
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.enum) return [...new Set(schema.enum.map((v) => (v === null ? 'null' : typeof v)))];
  return [];
}

/** A JSON field: an object or value whose shape the contract leaves open. */
function isOpenJson(schema: JsonSchema): boolean {
  const types = typesOf(schema);
  if (types.length === 0 && !schema.anyOf && !schema.oneOf && !schema.allOf) return true;
  return (
    types.includes('object') &&
    !schema.properties &&
    (schema.additionalProperties === undefined ||
      schema.additionalProperties === true ||
      (typeof schema.additionalProperties === 'object' &&
        Object.keys(schema.additionalProperties).length === 0))
  );
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date') return fc.constantFrom('2026-01-05', '2026-03-31', '2027-12-01');
  if (schema.format === 'date-time') return fc.constant('2026-01-05T10:00:00.000Z');
  if (schema.format === 'email') return fc.constant('someone@example.com');
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 20, 20));
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern, 'u'))
      .filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY));
  }
  return fc.string({ minLength: min, maxLength: max });
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const low =
    schema.minimum ?? (schema.exclusiveMinimum === undefined ? -1000 : schema.exclusiveMinimum + 1e-6);
  const high =
    schema.maximum ?? (schema.exclusiveMaximum === undefined ? 1000 : schema.exclusiveMaximum - 1e-6);
  const min = Math.max(low, -1e6);
  const max = Math.max(min, Math.min(high, 1e6));
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values shaped like the schema asks (close enough: one node is made hostile afterwards). */
export function shapedValue(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
): fc.Arbitrary<unknown> {
  const resolve = resolver(components);
  const build = (raw: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    const s = resolve(raw);
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    const branches = s.anyOf ?? s.oneOf ?? s.allOf;
    if (branches) return fc.oneof(...branches.map((b) => build(b, depth)));
    if (isOpenJson(s)) return fc.jsonValue({ maxDepth: 2 });
    const types = typesOf(s);
    const one = (type: string): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'string':
          return stringArbitrary(s);
        case 'integer':
          return numberArbitrary(s, true);
        case 'number':
          return numberArbitrary(s, false);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array': {
          const maxLength = Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3));
          if (depth > 4 || !s.items) return fc.constant([]);
          return fc.array(build(s.items, depth + 1), { minLength: s.minItems ?? 0, maxLength });
        }
        default: {
          const props = Object.fromEntries(
            Object.entries(s.properties ?? {}).map(([key, value]) => [key, build(value, depth + 1)]),
          );
          const record = fc.record(props, { requiredKeys: s.required ?? [] });
          if (typeof s.additionalProperties !== 'object' || depth > 4) return record;
          const keys = s.propertyNames ? build(s.propertyNames, depth + 1) : fc.string({ maxLength: 10 });
          const extra = fc.dictionary(
            keys.filter((k): k is string => typeof k === 'string'),
            build(s.additionalProperties, depth + 1),
            { maxKeys: 3 },
          );
          return fc.tuple(record, extra).map(([a, b]) => ({ ...b, ...a }));
        }
      }
    };
    return types.length > 1 ? fc.oneof(...types.map(one)) : one(types[0] ?? 'object');
  };
  return build(schema, 0);
}

/**
 * Values the schema refuses, for one node. Where a node accepts several shapes (anyOf), only the
 * hostile primitives that every shape refuses are used: bad text, huge numbers, deep nesting.
 */
export function hostileValues(raw: JsonSchema, components: Record<string, JsonSchema>): unknown[] {
  const s = resolver(components)(raw);
  const types = typesOf(s);
  const primitives: unknown[] = [...HOSTILE_TEXTS, ...HOSTILE_NUMBERS, deeplyNested(5000)];
  if (s.anyOf || s.oneOf || s.allOf || types.length > 1) return primitives;
  if (isOpenJson(s)) return [deeplyNested(5000), deeplyNested(5000, 'array'), { deep: deeplyNested(40) }];
  // A whole number is a number too: only values of no accepted type are wrong.
  const accepts = (v: unknown) =>
    types.includes(jsonTypeOf(v)) || (jsonTypeOf(v) === 'integer' && types.includes('number'));
  const wrongType = [42, true, 'text', [], {}, null].filter((v) => !accepts(v));
  const refused: unknown[] = [...wrongType];
  switch (types[0]) {
    case 'string':
      refused.push(...HOSTILE_TEXTS);
      if (s.maxLength !== undefined) refused.push('x'.repeat(s.maxLength + 1));
      if (s.format === 'date') refused.push('0000-01-01', '9999-12-31', '1899-12-31', '2026-02-30');
      if (s.format === 'date-time') refused.push('0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z');
      if (s.format === 'uuid') refused.push('abc', '99999999999999999999');
      if (s.enum) refused.push('not-one-of-them');
      break;
    case 'integer':
      refused.push(INT4_MAX + 1, 2 ** 53, 1e308, 1.5, 'NaN', '12', -(2 ** 53));
      if ((s.minimum ?? -1) >= 0) refused.push(-1);
      break;
    case 'number':
      refused.push(2 ** 53, 1e308, -1e308, 'NaN', 'Infinity');
      if ((s.minimum ?? -1) >= 0) refused.push(-1);
      break;
    case 'array':
      if (s.maxItems !== undefined) refused.push(new Array(s.maxItems + 1).fill(HOSTILE_TEXTS[0]));
      refused.push([HOSTILE_TEXTS[0]], deeplyNested(5000, 'array'));
      break;
    case 'object':
      if (s.additionalProperties === false) refused.push({ 'unknown\u0000field': 1 }, { __proto__x: 1 });
      refused.push(deeplyNested(5000));
      break;
  }
  return refused;
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Every node of a value with the schema that types it, the root first. */
function nodesOf(
  value: unknown,
  raw: JsonSchema,
  components: Record<string, JsonSchema>,
  path: Path = [],
): { path: Path; schema: JsonSchema }[] {
  const s = resolver(components)(raw);
  const found = [{ path, schema: s }];
  if (s.anyOf || s.oneOf || isOpenJson(s)) return found;
  if (Array.isArray(value) && s.items) {
    value.forEach((child, i) => {
      found.push(...nodesOf(child, s.items as JsonSchema, components, [...path, i]));
    });
  } else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const childSchema =
        s.properties?.[key] ??
        (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
      if (childSchema) found.push(...nodesOf(child, childSchema, components, [...path, key]));
    }
  }
  return found;
}

function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = replaceAt(copy[head as number], rest, replacement);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}

/** A body shaped like the schema with one node made hostile; `where` names the node for reports. */
export function hostileBody(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
): fc.Arbitrary<{ body: unknown; where: string }> {
  return fc
    .tuple(shapedValue(schema, components), fc.nat(), fc.nat(), fc.boolean())
    .map(([shaped, pickNode, pickValue, preferLeaf]) => {
      const nodes = nodesOf(shaped, schema, components);
      // Leaves are where hostile primitives matter; the root and containers still get their turn.
      const pool = preferLeaf && nodes.length > 1 ? nodes.slice(1) : nodes;
      const node = pool[pickNode % pool.length] as (typeof nodes)[number];
      const choices = hostileValues(node.schema, components);
      const hostile = choices[pickValue % choices.length];
      return { body: replaceAt(shaped, node.path, hostile), where: node.path.join('.') || '(root)' };
    });
}

/** Arbitrary JSON that a strict object schema refuses: not an object, or one with an unknown key. */
export function arbitraryRefusedJson(): fc.Arbitrary<{ body: unknown; where: string }> {
  return fc
    .oneof(
      fc.jsonValue().filter((v) => v === null || typeof v !== 'object' || Array.isArray(v)),
      fc.jsonValue().map((v) => ({ 'unknown\u0000': v, __fuzz: v })),
    )
    .map((body) => ({ body, where: '(arbitrary)' }));
}

/** Bodies that are not JSON at all, or JSON no parser should have to walk. */
export const RAW_BODIES: string[] = [
  '',
  '{',
  '{"a":',
  'null',
  '[]',
  '"\\u0000"',
  '{"a":"\\ud800"}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
  `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
  '{"a":1e999}',
  '\u0000',
  '\uFEFF{"__fuzz":1}',
];
