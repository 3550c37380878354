import type { FC } from 'hono/jsx';
import { PROBLEM_CODES, PROBLEM_MEANINGS } from '../http/problem-schema.js';
import type { OpenApiDocument } from './openapi-document.js';

type Json = Record<string, unknown>;
type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: Json;
  }[];
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Json }> }>;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** A short, readable name for a schema: its component name, or its type. */
export function schemaLabel(schema: Json | undefined): string {
  if (!schema) return '—';
  if (typeof schema.$ref === 'string') return schema.$ref.split('/').pop() ?? 'object';
  if (schema.type === 'array') return `${schemaLabel(schema.items as Json)}[]`;
  if (Array.isArray(schema.enum)) return schema.enum.map(String).join(' | ');
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).map(schemaLabel).join(' | ');
  if (Array.isArray(schema.oneOf)) return (schema.oneOf as Json[]).map(schemaLabel).join(' | ');
  return typeof schema.type === 'string' ? schema.type : 'object';
}

function operations(doc: OpenApiDocument) {
  const out: { method: string; path: string; op: Operation }[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (op) out.push({ method, path, op });
    }
  }
  return out;
}

const OperationView: FC<{ method: string; path: string; op: Operation }> = ({
  method,
  path,
  op,
}) => {
  const scopes = op.security?.flatMap((s) => Object.values(s).flat()) ?? [];
  const body = Object.entries(op.requestBody?.content ?? {})[0];
  return (
    <section class="op" id={op.operationId}>
      <h3>
        <span class={`method ${method}`}>{method.toUpperCase()}</span> <code>{path}</code>
      </h3>
      <p>{op.summary}</p>
      {op.description ? <p class="muted">{op.description}</p> : null}
      <p>
        {scopes.length > 0 ? (
          <>
            Token scope: <code>{scopes.join(', ')}</code>
          </>
        ) : (
          'No token needed.'
        )}
      </p>
      {op.parameters && op.parameters.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th>Parameter</th>
              <th>In</th>
              <th>Type</th>
              <th>About</th>
            </tr>
          </thead>
          <tbody>
            {op.parameters.map((p) => (
              <tr>
                <td>
                  <code>{p.name}</code>
                  {p.required ? ' *' : ''}
                </td>
                <td>{p.in}</td>
                <td>{schemaLabel(p.schema)}</td>
                <td>{p.description ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {body ? (
        <p>
          Body (<code>{body[0]}</code>):{' '}
          <a href={`#schema-${schemaLabel(body[1].schema)}`}>{schemaLabel(body[1].schema)}</a>
        </p>
      ) : null}
      <ul class="responses">
        {Object.entries(op.responses ?? {}).map(([status, r]) => {
          const content = Object.values(r.content ?? {})[0];
          return (
            <li>
              <strong>{status}</strong> {r.description}
              {content ? <> — {schemaLabel(content.schema)}</> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
};

const SchemaView: FC<{ name: string; schema: Json }> = ({ name, schema }) => {
  const props = Object.entries((schema.properties as Record<string, Json> | undefined) ?? {});
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return (
    <section id={`schema-${name}`}>
      <h3>{name}</h3>
      {props.length === 0 ? (
        <p class="muted">{schemaLabel(schema)}</p>
      ) : (
        <table>
          <tbody>
            {props.map(([prop, s]) => (
              <tr>
                <td>
                  <code>{prop}</code>
                  {required.has(prop) ? ' *' : ''}
                </td>
                <td>{schemaLabel(s)}</td>
                <td>{typeof s.description === 'string' ? s.description : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};

/** The reference page: every operation by tag, the problem types, the schemas. No scripts. */
export const ReferencePage: FC<{ doc: OpenApiDocument; basePath: string }> = ({
  doc,
  basePath,
}) => {
  const ops = operations(doc);
  const tags = (doc.tags ?? []).map((t) => t.name);
  const schemas = Object.entries((doc.components?.schemas ?? {}) as Record<string, Json>);
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{doc.info.title} reference</title>
        <link rel="stylesheet" href={`${basePath}/docs.css`} />
      </head>
      <body>
        <main>
          <h1>
            {doc.info.title} <small>{doc.info.version}</small>
          </h1>
          <p>
            Machine-readable: <a href={`${basePath}/openapi.json`}>OpenAPI 3.1 document</a>. Base
            URL: <code>{basePath}</code>.
          </p>
          <pre class="intro">{doc.info.description}</pre>
          <nav>
            <ul>
              {tags.map((t) => (
                <li>
                  <a href={`#tag-${t.replaceAll(' ', '-')}`}>{t}</a>
                </li>
              ))}
              <li>
                <a href="#problems">Problems</a>
              </li>
              <li>
                <a href="#schemas">Schemas</a>
              </li>
            </ul>
          </nav>
          {tags.map((tag) => (
            <section id={`tag-${tag.replaceAll(' ', '-')}`}>
              <h2>{tag}</h2>
              {ops
                .filter((o) => o.op.tags?.includes(tag))
                .map((o) => (
                  <OperationView {...o} />
                ))}
            </section>
          ))}
          <section id="problems">
            <h2>Problems</h2>
            <dl>
              {PROBLEM_CODES.map((code) => (
                <>
                  <dt id={`problem-${code.toLowerCase().replaceAll('_', '-')}`}>
                    <code>{code}</code>
                  </dt>
                  <dd>{PROBLEM_MEANINGS[code]}</dd>
                </>
              ))}
            </dl>
          </section>
          <section id="schemas">
            <h2>Schemas</h2>
            {schemas.map(([name, schema]) => (
              <SchemaView name={name} schema={schema} />
            ))}
          </section>
        </main>
      </body>
    </html>
  );
};
