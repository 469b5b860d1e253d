import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

import SwaggerParser from '@apidevtools/swagger-parser';

import { PERMISSIONS } from '../../../server/src/constants';
import { AUDIT_ACTIONS } from '../../../server/src/domain/audit';
import { AUDIT_CSV_COLUMNS } from '../../../server/src/domain/audit-csv';
import { csvColumns } from '../../../server/src/domain/call-csv';
import { BOT_KINDS, FLAG_NAMES, FLAG_VALUES } from '../../../server/src/domain/recording-decision';
import {
  SPEC_PATH,
  dereferencedOpenApi,
  documentedOperations,
  readOpenApi,
  schemaChecker,
  type JsonSchema,
  type MediaType,
  type OpenApiDocument,
} from '../../helpers/openapi';

const RENDERER = path.resolve(__dirname, '..', '..', 'scripts', 'render-api-docs.js');
const DOC_PATH = path.resolve(__dirname, '..', '..', '..', 'docs', 'api.md');

/** The schema keywords the document may use: a misspelt one would silently check nothing. */
const KEYWORDS = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'propertyNames',
  'items',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'pattern',
  'format',
  'default',
  'description',
]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every schema keyword outside KEYWORDS, with where it is. */
const strayKeywords = (schema: unknown, at: string): string[] => {
  if (!isObject(schema)) return [];
  const stray = Object.keys(schema)
    .filter((key) => !KEYWORDS.has(key))
    .map((key) => `${at}.${key}`);
  const children: Array<[unknown, string]> = [
    ...Object.entries(isObject(schema.properties) ? schema.properties : {}).map(
      ([name, child]): [unknown, string] => [child, `${at}.properties.${name}`]
    ),
    ...(['allOf', 'oneOf', 'anyOf'] as const).flatMap((key) =>
      Array.isArray(schema[key])
        ? (schema[key] as unknown[]).map((child, index): [unknown, string] => [
            child,
            `${at}.${key}[${index}]`,
          ])
        : []
    ),
    ...(['items', 'not', 'propertyNames', 'additionalProperties'] as const).map(
      (key): [unknown, string] => [schema[key], `${at}.${key}`]
    ),
  ];
  return [...stray, ...children.flatMap(([child, where]) => strayKeywords(child, where))];
};

/** Every `schema` of a parameter, header or media type, wherever it sits in the document. */
const embeddedSchemas = (node: unknown, at: string): Array<[unknown, string]> => {
  if (Array.isArray(node)) {
    return node.flatMap((child, index) => embeddedSchemas(child, `${at}[${index}]`));
  }
  if (!isObject(node)) return [];
  return Object.entries(node).flatMap(
    ([key, child]): Array<[unknown, string]> =>
      key === 'schema' ? [[child, `${at}.schema`]] : embeddedSchemas(child, `${at}.${key}`)
  );
};

/** Every JSON media type with an example: request bodies, answers and shared answers. */
const examples = (document: OpenApiDocument): Array<[MediaType, string]> => {
  const found: Array<[MediaType, string]> = [];
  const visit = (node: unknown, at: string): void => {
    if (Array.isArray(node)) return node.forEach((child, index) => visit(child, `${at}[${index}]`));
    if (!isObject(node)) return;
    for (const [key, child] of Object.entries(node)) {
      if (key === 'application/json' && isObject(child) && 'example' in child) {
        found.push([child as MediaType, at]);
      } else {
        visit(child, `${at}.${key}`);
      }
    }
  };
  visit(document.paths, 'paths');
  visit(document.components.responses, 'components.responses');
  return found;
};

describe('docs/openapi.yaml', () => {
  const document = readOpenApi();
  const operations = documentedOperations(document);

  it('is valid OpenAPI, and reads the same to every YAML parser', async () => {
    await expect(SwaggerParser.validate(SPEC_PATH)).resolves.toBeDefined();
    // swagger-parser reads YAML with js-yaml, the renderer with yaml: `ON` unquoted, say,
    // would be a string to one and a boolean to the other.
    expect(await SwaggerParser.parse(SPEC_PATH)).toEqual(document);
  });

  it('uses only the schema keywords it means', () => {
    const schemas: Array<[unknown, string]> = [
      ...Object.entries(document.components.schemas).map(([name, schema]): [unknown, string] => [
        schema,
        `components.schemas.${name}`,
      ]),
      ...embeddedSchemas(document.paths, 'paths'),
      ...embeddedSchemas(document.components, 'components'),
    ];
    expect(schemas.flatMap(([schema, at]) => strayKeywords(schema, at))).toEqual([]);
  });

  it('names each operation once, declares each path parameter and says who may call it', async () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const permissions = [...Object.values(PERMISSIONS), 'plugin::call-history.ingest.batch'];
    const resolved = await dereferencedOpenApi();
    for (const { path: route, method, operation } of documentedOperations(resolved)) {
      const item = resolved.paths[route] as { parameters?: Array<{ name: string; in: string }> };
      const declared = [...(item.parameters ?? []), ...(operation.parameters ?? [])]
        .filter((parameter) => parameter.in === 'path')
        .map((parameter) => parameter.name);
      const inPath = [...route.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
      expect({ route, declared }).toEqual({ route, declared: inPath });

      const schemes = (operation.security ?? []).flatMap((entry) => Object.keys(entry));
      const expected = route.startsWith('/api/')
        ? ['apiToken']
        : operation['x-strapi-policy']
          ? ['exportTicket']
          : ['adminJwt'];
      expect({ route, method, schemes }).toEqual({ route, method, schemes: expected });
      expect(permissions).toContain(operation['x-strapi-permission']);
    }
  });

  it('gives examples that its own schemas accept', async () => {
    const resolved = await dereferencedOpenApi();
    const check = schemaChecker();
    const failures = examples(resolved).flatMap(([media, at]) =>
      check(media.schema as JsonSchema)(media.example).map((problem) => `${at}: ${problem}`)
    );
    expect(failures).toEqual([]);
  });

  it("states the domain's own values", () => {
    const { schemas } = document.components;
    expect(schemas.FlagValue.enum).toEqual([...FLAG_VALUES]);
    expect(schemas.FlagName.enum).toEqual([...FLAG_NAMES]);
    expect(schemas.BotKind.enum).toEqual([...BOT_KINDS]);
    expect(schemas.AuditAction.enum).toEqual([...AUDIT_ACTIONS]);
    expect(document.components.responses.CsvFile['x-csv-columns']).toEqual(csvColumns([]));
    expect(document.components.responses.AuditCsvFile['x-csv-columns']).toEqual([
      ...AUDIT_CSV_COLUMNS,
    ]);
  });

  it('shows the CSV header row its columns list', () => {
    const csv = document.components.responses.CsvFile;
    const example = String(csv.content?.['text/csv; charset=utf-8']?.example);
    expect(example.startsWith('\uFEFF')).toBe(true);
    expect(example.slice(1).split('\n')[0]).toBe(csv['x-csv-columns']?.join(','));
  });
});

describe('docs/api.md', () => {
  it('is what `npm run docs:api` renders from docs/openapi.yaml now', () => {
    // Fails when one was edited without the other: run `npm run docs:api` and commit both.
    const rendered = execFileSync(process.execPath, [RENDERER, '--stdout'], { encoding: 'utf8' });
    expect(fs.readFileSync(DOC_PATH, 'utf8')).toBe(rendered);
  });
});
