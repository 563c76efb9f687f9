import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  type OpenAPIObject,
  type ReferenceObject,
  type RequestBodyObject,
  type SchemaObject,
  SwaggerModule,
} from '@nestjs/swagger';

/**
 * What the decorators cannot say, per schema: a confirmation takes `text`, `parsed` or both (the
 * DTO's validator checks the same, notice.dto.ts).
 */
const SCHEMA_RULES: Readonly<Record<string, SchemaObject>> = {
  ConfirmNoticeDto: { anyOf: [{ required: ['text'] }, { required: ['parsed'] }] },
};

const isRef = <T extends object>(s: T | ReferenceObject): s is ReferenceObject => '$ref' in s;
const refName = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1);

/** The component schemas a schema reaches through its properties, items and compositions. */
function reachable(
  schema: SchemaObject | ReferenceObject,
  components: Record<string, SchemaObject | ReferenceObject>,
  seen: Set<string>,
): void {
  if (isRef(schema)) {
    const name = refName(schema.$ref);
    const target = components[name];
    if (seen.has(name) || !target) return;
    seen.add(name);
    reachable(target, components, seen);
    return;
  }
  const parts = [
    ...Object.values(schema.properties ?? {}),
    ...(schema.items ? [schema.items] : []),
    ...(schema.allOf ?? []),
    ...(schema.anyOf ?? []),
    ...(schema.oneOf ?? []),
  ];
  for (const p of parts) reachable(p, components, seen);
}

/** An object schema that `{}` satisfies: no required property, no composition that could. */
const takesEmptyObject = (schema: SchemaObject): boolean =>
  schema.type === 'object' &&
  (schema.required ?? []).length === 0 &&
  !schema.anyOf &&
  !schema.oneOf &&
  !schema.allOf &&
  (schema.minProperties ?? 0) === 0;

/**
 * Makes the generated document say what the validation pipe does (ADR 0021): request bodies take
 * no property they do not name (forbidNonWhitelisted), may be left out when `{}` is valid, and the
 * rules of SCHEMA_RULES.
 */
function exact(document: OpenAPIObject): OpenAPIObject {
  const components = document.components?.schemas ?? {};
  const requestSchemas = new Set<string>();
  const bodies: { body: RequestBodyObject; schema: SchemaObject | ReferenceObject }[] = [];
  for (const item of Object.values(document.paths)) {
    for (const op of [item.get, item.post, item.put, item.patch, item.delete]) {
      if (!op) continue;
      const body = op.requestBody;
      const schema = body && !isRef(body) ? body.content['application/json']?.schema : undefined;
      if (!body || isRef(body) || !schema) continue;
      reachable(schema, components, requestSchemas);
      bodies.push({ body, schema });
    }
  }
  for (const name of requestSchemas) {
    const schema = components[name];
    if (schema && !isRef(schema) && schema.properties) schema.additionalProperties = false;
  }
  for (const [name, rule] of Object.entries(SCHEMA_RULES)) {
    const schema = components[name];
    if (schema && !isRef(schema)) Object.assign(schema, rule);
  }
  // The validation pipe reads a missing body as `{}`: where `{}` is valid (every field optional,
  // e.g. PATCH /api/users/{id}, accept), the body may be left out, and the document says so.
  for (const { body, schema } of bodies) {
    const resolved = isRef(schema) ? components[refName(schema.$ref)] : schema;
    if (resolved && !isRef(resolved) && takesEmptyObject(resolved)) body.required = false;
  }
  return document;
}

/**
 * The API's OpenAPI document: what /api/docs serves and what the web app's client is generated
 * from (scripts/openapi.ts). Needs an app with the global prefix set; no servers.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Đôn Đốc API')
    .setDescription(
      'Theo dõi, đôn đốc thực hiện kết luận của Ban Chỉ đạo: nhiệm vụ, lịch sử, báo cáo.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return exact(SwaggerModule.createDocument(app, config));
}
