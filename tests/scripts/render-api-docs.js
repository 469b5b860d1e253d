'use strict';

/**
 * Writes docs/api.md from docs/openapi.yaml (`npm run docs:api`). The YAML is the one source:
 * a unit test renders it again and compares, so neither is edited without the other. The
 * output goes through prettier with the repository's own options, so `prettier --check` agrees.
 */
const fs = require('fs');
const path = require('path');

const prettier = require('prettier');
const { parse } = require('yaml');

const ROOT = path.resolve(__dirname, '..', '..');
const SPEC_PATH = path.join(ROOT, 'docs', 'openapi.yaml');
const DOC_PATH = path.join(ROOT, 'docs', 'api.md');

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const COMPONENT_PREFIX = '#/components/';
const CSV = 'text/csv; charset=utf-8';

const loadSpec = () => parse(fs.readFileSync(SPEC_PATH, 'utf8'));

/** The object a local `$ref` points to, and the component's name. */
const deref = (spec, node) => {
  if (!node || typeof node.$ref !== 'string') return { node, name: null };
  if (!node.$ref.startsWith(COMPONENT_PREFIX)) throw new Error(`unsupported $ref ${node.$ref}`);
  const [kind, name] = node.$ref.slice(COMPONENT_PREFIX.length).split('/');
  const target = spec.components?.[kind]?.[name];
  if (!target) throw new Error(`dangling $ref ${node.$ref}`);
  return { ...deref(spec, target), name };
};

const anchor = (name) => name.toLowerCase();
const code = (value) => `\`${value}\``;
const cell = (text) =>
  String(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const json = (value) => ['```json', JSON.stringify(value, null, 2), '```'].join('\n');

/** Properties and required names of an object schema, its `allOf` members merged in. */
const objectShape = (spec, schema) => {
  const { node } = deref(spec, schema);
  const properties = {};
  const required = new Set(node.required ?? []);
  for (const member of node.allOf ?? []) {
    const shape = objectShape(spec, member);
    Object.assign(properties, shape.properties);
    shape.required.forEach((name) => required.add(name));
  }
  Object.assign(properties, node.properties ?? {});
  return { properties, required };
};

const hasFields = (spec, schema) => {
  const { node } = deref(spec, schema);
  return Boolean(node.properties || node.allOf);
};

/** A component worth its own section: an object with fields, named. */
const linkedName = (spec, schema) => {
  const { name } = deref(spec, schema);
  return name && hasFields(spec, schema) ? name : null;
};

const typeOf = (spec, schema, linked) => {
  const name = linkedName(spec, schema);
  if (name) {
    linked.add(name);
    return `[${name}](#${anchor(name)})`;
  }
  const { node } = deref(spec, schema);
  const alternatives = node.oneOf ?? node.anyOf;
  if (alternatives && !node.properties) {
    return alternatives.map((member) => typeOf(spec, member, linked)).join(' or ');
  }
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (types.length === 0) return node.allOf ? 'object' : 'any';
  return types
    .map((type) =>
      type === 'array' && node.items ? `array of ${typeOf(spec, node.items, linked)}` : type
    )
    .join(' or ');
};

const number = (value) => value.toLocaleString('en-US');

/** `From 1 to 100.`, `At most 64 characters.`, or '' without a bound. */
const bounds = (min, max, unit) => {
  if (min !== undefined && max !== undefined)
    return `From ${number(min)} to ${number(max)}${unit}.`;
  if (max !== undefined) return `At most ${number(max)}${unit}.`;
  if (min !== undefined) return `At least ${number(min)}${unit}.`;
  return '';
};

/** The rules a schema states, in words: what a reader checks a value against. */
const rules = (spec, schema) => {
  const { node } = deref(spec, schema);
  const out = [];
  if (node.const !== undefined) out.push(`Always ${code(JSON.stringify(node.const))}.`);
  if (node.enum) {
    out.push(
      `One of ${node.enum.map((value) => code(value === null ? 'null' : value)).join(', ')}.`
    );
  }
  out.push(
    ...[
      bounds(node.minLength, node.maxLength, ' characters'),
      bounds(node.minimum, node.maximum, ''),
      bounds(node.minItems, node.maxItems, ' items'),
    ].filter(Boolean)
  );
  if (node.pattern) out.push(`Pattern ${code(node.pattern)}.`);
  if (node.format) out.push(`Format ${code(node.format)}.`);
  if (node.default !== undefined) out.push(`Default ${code(JSON.stringify(node.default))}.`);
  return out;
};

/**
 * A field's text: the description next to its `$ref` (this use), then the description of a
 * plain value's component (what the value is), then the rules; `more` adds the text of the
 * items of an array whose fields are listed below it.
 */
const describe = (spec, schema, more = '') => {
  const { node, name } = deref(spec, schema);
  const own = schema.description ?? '';
  const shared =
    name && !hasFields(spec, schema) && node.description !== own ? node.description : '';
  return [own, shared, more, ...rules(spec, schema)].filter(Boolean).join(' ');
};

/** The JSON types of a schema, `object` for one built with `allOf`. */
const plainType = (node) => {
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : ['object'];
  return types.join(' or ');
};

/**
 * One row per field, nested fields dotted (`data[].callId`). A named component met below the
 * top level is linked to its own section instead of repeated.
 */
const fieldRows = (spec, schema, linked, prefix = '', depth = 0) => {
  const { properties, required } = objectShape(spec, schema);
  const rows = [];
  for (const [name, property] of Object.entries(properties)) {
    const field = `${prefix}${name}`;
    const { node } = deref(spec, property);
    const isArray = plainType(node).split(' or ').includes('array');
    const inner = isArray ? node.items : property;
    const expand =
      inner !== undefined && hasFields(spec, inner) && (depth === 0 || !linkedName(spec, inner));
    const type = expand ? plainType(node) : typeOf(spec, property, linked);
    const more = expand && isArray ? (deref(spec, inner).node.description ?? '') : '';
    rows.push({ field, type, schema: property, more, required: required.has(name) });
    if (expand) {
      rows.push(...fieldRows(spec, inner, linked, `${field}${isArray ? '[].' : '.'}`, depth + 1));
    }
  }
  return rows;
};

const fieldTable = (spec, schema, linked) => {
  const rows = fieldRows(spec, schema, linked);
  if (rows.length === 0) return '';
  return [
    '| field | type | required | description |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (row) =>
        `| ${code(row.field)} | ${cell(row.type)} | ${row.required ? 'yes' : ''} | ${cell(
          describe(spec, row.schema, row.more)
        )} |`
    ),
  ].join('\n');
};

const closedNote = (spec, schema) => {
  const { node } = deref(spec, schema);
  return node.propertyNames || node.additionalProperties === false
    ? 'No other field at the top level.'
    : '';
};

const operationsOf = (spec) =>
  Object.entries(spec.paths).flatMap(([route, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      method,
      route,
      operation: item[method],
      parameters: [...(item.parameters ?? []), ...(item[method].parameters ?? [])],
    }))
  );

const authOf = (operation) =>
  (operation.security ?? [])
    .flatMap((requirement) => Object.keys(requirement))
    .map((scheme) => `[${code(scheme)}](#authentication)`)
    .join(', ');

const renderParameters = (spec, parameters, linked) => {
  if (parameters.length === 0) return '';
  const rows = parameters.map((parameter) => {
    const { node } = deref(spec, parameter);
    return `| ${code(node.name)} | ${node.in} | ${cell(typeOf(spec, node.schema, linked))} | ${
      node.required ? 'yes' : ''
    } | ${cell([node.description, ...rules(spec, node.schema)].filter(Boolean).join(' '))} |`;
  });
  return [
    '#### Parameters',
    '| name | in | type | required | description |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
};

const renderRequest = (spec, operation, linked) => {
  if (!operation.requestBody) return '';
  const { node: body } = deref(spec, operation.requestBody);
  const media = body.content['application/json'];
  const schema = deref(spec, media.schema).node;
  return [
    '#### Request body',
    '`application/json`. ' + (schema.description ?? ''),
    fieldTable(spec, media.schema, linked),
    closedNote(spec, media.schema),
    media.example === undefined ? '' : `Example:\n\n${json(media.example)}`,
  ]
    .filter(Boolean)
    .join('\n\n');
};

const renderHeaders = (headers) =>
  Object.entries(headers ?? {})
    .map(([name, header]) => `- ${code(name)}: ${cell(header.description ?? '')}`)
    .join('\n');

const renderResponse = (spec, status, response, linked) => {
  const { node, name } = deref(spec, response);
  // Shared answers (401, 403, a 400 naming fields…) are shown once, under Errors.
  if (name && !node.content?.[CSV]) {
    return `- ${code(status)}: ${cell(node.description)} ([${name}](#${anchor(name)}))`;
  }
  const parts = [`##### ${code(status)}`, node.description.trim()];
  const headers = renderHeaders(node.headers);
  if (headers) parts.push(`Headers:\n\n${headers}`);
  if (node['x-csv-columns']) {
    parts.push(
      `Columns, in order: ${node['x-csv-columns'].map(code).join(', ')}, then one per attribute a developer added to \`call-record\`.`
    );
  }
  const csv = node.content?.[CSV];
  if (csv?.example !== undefined) {
    // The byte order mark is invisible, and a reader copying the example would keep it.
    const text = String(csv.example).replace(/^\uFEFF/, '');
    parts.push(`Example (after the byte order mark):\n\n\`\`\`csv\n${text.trimEnd()}\n\`\`\``);
  }
  const media = node.content?.['application/json'];
  if (media) {
    parts.push(fieldTable(spec, media.schema, linked));
    if (media.example !== undefined) parts.push(`Example:\n\n${json(media.example)}`);
  }
  return parts.filter(Boolean).join('\n\n');
};

const renderOperation = (spec, { method, route, operation, parameters }, linked) => {
  const facts = [
    operation['x-strapi-permission'] &&
      `**Permission:** ${[operation['x-strapi-permission'], ...(operation['x-strapi-also-requires'] ?? [])].map(code).join(' and ')}`,
    operation['x-strapi-policy'] && `**Policy:** ${code(operation['x-strapi-policy'])}`,
    `**Auth:** ${authOf(operation)}`,
  ].filter(Boolean);
  const responses = Object.entries(operation.responses).map(([status, response]) =>
    renderResponse(spec, status, response, linked)
  );
  const shared = responses.filter((text) => text.startsWith('- '));
  const own = responses.filter((text) => !text.startsWith('- '));
  return [
    `### ${code(`${method.toUpperCase()} ${route}`)}`,
    `${operation.summary}.`,
    facts.join(' · '),
    operation.description?.trim(),
    renderParameters(spec, parameters, linked),
    renderRequest(spec, operation, linked),
    '#### Answers',
    ...own,
    shared.length > 0 ? shared.join('\n') : '',
  ]
    .filter(Boolean)
    .join('\n\n');
};

const renderAuthentication = (spec) =>
  [
    '## Authentication',
    '| scheme | kind | description |',
    '| --- | --- | --- |',
    ...Object.entries(spec.components.securitySchemes).map(
      ([name, scheme]) =>
        `| ${code(name)} | ${
          scheme.type === 'http'
            ? `HTTP ${scheme.scheme}`
            : `${scheme.type} in ${scheme.in} (${code(scheme.name)})`
        } | ${cell(scheme.description)} |`
    ),
  ].join('\n');

const renderErrors = (spec, linked) =>
  [
    '## Errors',
    'Shared answers, as the operations below name them.',
    ...Object.entries(spec.components.responses)
      .filter(([, response]) => response.content?.['application/json'])
      .map(([name, response]) =>
        [
          `### ${name}`,
          response.description.trim(),
          `Body: ${typeOf(spec, response.content['application/json'].schema, linked)}.`,
          response.content['application/json'].example === undefined
            ? ''
            : json(response.content['application/json'].example),
        ]
          .filter(Boolean)
          .join('\n\n')
      ),
  ].join('\n\n');

const renderIndex = (operations) =>
  [
    '## Operations',
    '| method and path | permission | does |',
    '| --- | --- | --- |',
    ...operations.map(
      ({ method, route, operation }) =>
        `| ${code(`${method.toUpperCase()} ${route}`)} | ${
          operation['x-strapi-permission'] ? code(operation['x-strapi-permission']) : ''
        } | ${cell(operation.summary)} |`
    ),
  ].join('\n');

/** Every component linked from a table, and those its own table links, in name order. */
const renderSchemas = (spec, linked) => {
  const done = new Set();
  const sections = [];
  let pending = [...linked];
  while (pending.length > 0) {
    for (const name of pending.sort()) {
      if (done.has(name)) continue;
      done.add(name);
      const ref = { $ref: `${COMPONENT_PREFIX}schemas/${name}` };
      const schema = spec.components.schemas[name];
      const own = new Set();
      sections.push({
        name,
        text: [
          `### ${name}`,
          schema.description?.trim(),
          fieldTable(spec, ref, own),
          closedNote(spec, ref),
        ]
          .filter(Boolean)
          .join('\n\n'),
      });
      own.forEach((found) => linked.add(found));
    }
    pending = [...linked].filter((name) => !done.has(name));
  }
  return [
    '## Schemas',
    ...sections.sort((a, b) => (a.name < b.name ? -1 : 1)).map((section) => section.text),
  ].join('\n\n');
};

/** docs/api.md as it should read for the current docs/openapi.yaml, already formatted. */
const renderApiDocs = async () => {
  const spec = loadSpec();
  const operations = operationsOf(spec);
  const linked = new Set();
  const tags = spec.tags.map((tag) => {
    const own = operations.filter(({ operation }) => operation.tags?.[0] === tag.name);
    return [
      `## ${tag.name}`,
      tag.description?.trim(),
      ...own.map((entry) => renderOperation(spec, entry, linked)),
    ]
      .filter(Boolean)
      .join('\n\n');
  });
  const errors = renderErrors(spec, linked);
  const markdown = [
    `# ${spec.info.title}: API reference`,
    '<!-- Generated from docs/openapi.yaml by `npm run docs:api`: edit the YAML, then run it. -->',
    spec.info.description.trim(),
    renderIndex(operations),
    renderAuthentication(spec),
    errors,
    ...tags,
    renderSchemas(spec, linked),
  ].join('\n\n');
  const options = (await prettier.resolveConfig(DOC_PATH)) ?? {};
  return prettier.format(markdown, { ...options, parser: 'markdown' });
};

module.exports = { renderApiDocs, SPEC_PATH, DOC_PATH };

// `--stdout` prints the page instead of writing it: the unit test compares that with the file
// (prettier's API cannot load inside jest's module sandbox).
if (require.main === module) {
  renderApiDocs().then(
    (markdown) => {
      if (process.argv.includes('--stdout')) {
        process.stdout.write(markdown);
        return;
      }
      fs.writeFileSync(DOC_PATH, markdown);
      process.stdout.write(`wrote ${path.relative(ROOT, DOC_PATH)}\n`);
    },
    (error) => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exitCode = 1;
    }
  );
}
