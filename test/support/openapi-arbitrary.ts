import fc, { type Arbitrary } from 'fast-check';

/** The parts of an OpenAPI 3.0 schema object the API's document uses. */
export interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: Schema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly nullable?: boolean;
  readonly anyOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly allOf?: readonly Schema[];
  readonly example?: unknown;
}

export type Components = Readonly<Record<string, Schema>>;

/** Long strings are tested by their bounds elsewhere; here a few hundred characters at most. */
const LONGEST = 300;

const text = (min = 0, max = 40): Arbitrary<string> =>
  fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(max, LONGEST) });

function stringOf(s: Schema): Arbitrary<string> {
  if (s.format === 'uuid') return fc.uuid();
  if (s.format === 'date') {
    return fc
      .date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  }
  if (s.format === 'date-time') {
    return fc
      .date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString());
  }
  if (s.pattern) {
    return fc
      .stringMatching(new RegExp(s.pattern))
      .filter((v) => v.length <= Math.min(s.maxLength ?? LONGEST, LONGEST));
  }
  return text(s.minLength ?? 0, s.maxLength ?? 40);
}

/**
 * Values the schema describes ("valid-ish": agencies that do not exist, dates in any year, ids of
 * nothing; the API may still refuse them by its rules, never with a 5xx).
 */
export function valueOf(schema: Schema, components: Components, depth = 0): Arbitrary<unknown> {
  if (schema.$ref) {
    const target = components[schema.$ref.slice(schema.$ref.lastIndexOf('/') + 1)];
    return target ? valueOf(target, components, depth + 1) : fc.constant({});
  }
  // The document's example (an agency that exists, a real date) now and then, so that requests
  // also get past the rules no schema states and reach the workflows.
  const generated = baseOf(schema, components, depth);
  const base =
    schema.example === undefined ? generated : fc.oneof(generated, fc.constant(schema.example));
  return schema.nullable ? fc.oneof(base, fc.constant(null)) : base;
}

function baseOf(s: Schema, components: Components, depth: number): Arbitrary<unknown> {
  const choices = s.anyOf ?? s.oneOf;
  if (choices) return fc.oneof(...choices.map((c) => valueOf(c, components, depth + 1)));
  if (s.allOf?.[0]) return valueOf(s.allOf[0], components, depth + 1);
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.type === 'string') return stringOf(s);
  if (s.type === 'integer') {
    return fc.integer({ min: s.minimum ?? -1_000_000, max: s.maximum ?? 1_000_000 });
  }
  if (s.type === 'number') {
    return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
  }
  if (s.type === 'boolean') return fc.boolean();
  if (s.type === 'array') {
    return fc.array(s.items ? valueOf(s.items, components, depth + 1) : fc.jsonValue(), {
      minLength: s.minItems ?? 0,
      maxLength: Math.min(s.maxItems ?? 5, 5),
    });
  }
  return s.properties ? objectOf(s, components, depth) : fc.dictionary(text(), fc.jsonValue());
}

function objectOf(s: Schema, components: Components, depth: number): Arbitrary<unknown> {
  const properties = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const record = Object.fromEntries(
    Object.entries(properties).map(([k, v]) => [
      k,
      depth > 4 ? fc.constant(undefined) : valueOf(v, components, depth + 1),
    ]),
  );
  return fc.record(record, {
    requiredKeys: Object.keys(properties).filter((k) => required.has(k)),
  });
}

/**
 * Values the schema does not describe, or barely: anything JSON, the schema's value with one field
 * replaced by anything, removed, or one field too many.
 */
export function brokenValueOf(schema: Schema, components: Components): Arbitrary<unknown> {
  const valid = valueOf(schema, components);
  return fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc
      .tuple(valid, fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }))
      .map(([v, key, junk]) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return junk;
        const keys = Object.keys(v);
        const target = keys.length > 0 ? keys[key.length % keys.length]! : key;
        return { ...v, [target]: junk };
      }),
    fc.tuple(valid, fc.nat()).map(([v, n]) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
      const keys = Object.keys(v);
      if (keys.length === 0) return v;
      const { [keys[n % keys.length]!]: _dropped, ...rest } = v as Record<string, unknown>;
      return rest;
    }),
    fc
      .tuple(valid, fc.string({ minLength: 1, maxLength: 8 }))
      .map(([v, key]) =>
        typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...v, [`x${key}`]: 1 } : v,
      ),
  );
}
