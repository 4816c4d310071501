/**
 * The operations of the served OpenAPI document, flattened for the generator: every `$ref`
 * resolved, and path parameters taken from the template too (some routes declare none).
 */
export interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  /** `POST /api/grants/{id}/extend`: the key failures and statistics are grouped by. */
  key: string;
  method: string;
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  /** Media type → schema of the request body; absent when the operation takes none. */
  body?: Record<string, Schema>;
}

type Document = { paths: Record<string, Record<string, RawOperation>>; components?: { schemas?: Record<string, Schema> } };
type RawOperation = { parameters?: (Parameter & { schema?: Schema })[]; requestBody?: { content: Record<string, { schema?: Schema }> } };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(doc: Document): Operation[] {
  const schemas = doc.components?.schemas ?? {};
  const resolve = (s: Schema | undefined, depth = 0): Schema => {
    if (!s || depth > 20) return {};
    if (s.$ref) return resolve(schemas[s.$ref.replace('#/components/schemas/', '')], depth + 1);
    // `allOf: [ref]` is how the document wraps a described nested object.
    if (s.allOf?.length === 1) return { ...resolve(s.allOf[0], depth + 1), ...(s.nullable ? { nullable: true } : {}) };
    const out: Schema = { ...s };
    if (s.properties) out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, resolve(v, depth + 1)]));
    if (s.items) out.items = resolve(s.items, depth + 1);
    if (s.oneOf) out.oneOf = s.oneOf.map((v) => resolve(v, depth + 1));
    return out;
  };
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const raw = byMethod[method];
      if (!raw) continue;
      const declared = (raw.parameters ?? []).map((p) => ({ name: p.name, in: p.in, required: !!p.required, schema: resolve(p.schema) }));
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const pathParams = templated.map((name) => declared.find((p) => p.in === 'path' && p.name === name) ?? { name, in: 'path' as const, required: true, schema: { type: 'string' } });
      const content = raw.requestBody?.content;
      ops.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams,
        queryParams: declared.filter((p) => p.in === 'query'),
        body: content ? Object.fromEntries(Object.entries(content).map(([type, c]) => [type, resolve(c.schema)])) : undefined,
      });
    }
  }
  return ops;
}
