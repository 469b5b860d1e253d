import fs from 'fs';
import path from 'path';

import SwaggerParser from '@apidevtools/swagger-parser';
import JsonSchemaValidator from 'ajv';
import { parse } from 'yaml';

/**
 * docs/openapi.yaml for the tests that hold it to the plugin: read as the renderer of
 * docs/api.md reads it, its operations listed, its schemas compiled to check real answers.
 */

export const SPEC_PATH = path.resolve(__dirname, '..', '..', 'docs', 'openapi.yaml');

export type JsonSchema = Record<string, unknown>;

export interface MediaType {
  schema?: JsonSchema;
  example?: unknown;
}

export interface ResponseObject {
  description: string;
  content?: Record<string, MediaType>;
  headers?: Record<string, { schema?: JsonSchema }>;
  'x-csv-columns'?: string[];
}

export interface Operation {
  operationId: string;
  tags?: string[];
  summary?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, ResponseObject>;
  'x-strapi-permission'?: string;
  /** Further actions the route's hasPermissions lists, all required with the first. */
  'x-strapi-also-requires'?: string[];
  'x-strapi-policy'?: string;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation | unknown>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, ResponseObject>;
  } & Record<string, unknown>;
}

export interface DocumentedOperation {
  /** Upper case, as Strapi's routes write it. */
  method: string;
  /** The OpenAPI path, `{callId}` for a parameter. */
  path: string;
  operation: Operation;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** The YAML as written, `$ref`s unresolved: what the renderer of docs/api.md reads. */
export const readOpenApi = (): OpenApiDocument =>
  parse(fs.readFileSync(SPEC_PATH, 'utf8')) as OpenApiDocument;

/** The YAML with every `$ref` replaced by its target, schemas ready to compile. */
export const dereferencedOpenApi = async (): Promise<OpenApiDocument> =>
  (await SwaggerParser.dereference(SPEC_PATH)) as unknown as OpenApiDocument;

export const documentedOperations = (document: OpenApiDocument): DocumentedOperation[] =>
  Object.entries(document.paths).flatMap(([route, item]) =>
    METHODS.filter((method) => method in item).map((method) => ({
      method: method.toUpperCase(),
      path: route,
      operation: item[method] as Operation,
    }))
  );

/** `/calls/{callId}` as a Strapi (koa-router) route writes it: `/calls/:callId`. */
export const toRoutePath = (openApiPath: string) => openApiPath.replace(/\{(\w+)\}/g, ':$1');

/** `METHOD path`, the key both sides of a comparison are listed by. */
export const routeKey = (method: string, routePath: string) =>
  `${method.toUpperCase()} ${routePath}`;

export interface SchemaCheck {
  (value: unknown): string[];
}

/**
 * A checker of values against a dereferenced schema: the messages of every failure, none when
 * the value conforms. OpenAPI 3.1 schemas are JSON Schema; the keywords this document uses are
 * those of draft 07 as well, which this Ajv reads.
 */
export const schemaChecker = () => {
  const ajv = new JsonSchemaValidator({ allErrors: true, format: 'full' });
  return (schema: JsonSchema): SchemaCheck => {
    const validate = ajv.compile(schema);
    return (value: unknown) =>
      validate(value)
        ? []
        : (validate.errors ?? []).map((error) =>
            `${error.dataPath || '(root)'} ${error.message ?? ''}`.trim()
          );
  };
};

const CSV = 'text/csv; charset=utf-8';

/** Whether the operation's success is a CSV file (its answer as written, `$ref` or not). */
export const answersCsv = (document: OpenApiDocument, operation: Operation): boolean =>
  Object.values(operation.responses).some((response) => {
    const ref = (response as { $ref?: string }).$ref;
    const resolved = ref ? document.components.responses[ref.split('/').pop() ?? ''] : response;
    return Boolean(resolved?.content?.[CSV]);
  });

/** The JSON schema an operation documents for one status. */
export const responseSchema = (operation: Operation, status: number): JsonSchema => {
  const response = operation.responses[String(status)];
  const schema = response?.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${operation.operationId} documents no JSON answer for ${status}`);
  return schema;
};
