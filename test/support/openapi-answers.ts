import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// Answers checked against the OpenAPI document with a JSON Schema 2020-12 validator (Ajv), the
// dialect of OpenAPI 3.1's schemas. Kept apart from openapi-contract.ts so the integration tests,
// which check every answer, do not load Redocly and openapi-typescript.

type Json = Record<string, unknown>;

/** An answer as a client saw it. */
export interface RecordedAnswer {
  readonly method: string;
  /** The path as requested, query string allowed. */
  readonly path: string;
  readonly status: number;
  /** The Content-Type header, if any. */
  readonly contentType?: string | undefined;
  /** The body, parsed as JSON when it was; undefined when empty. */
  readonly body: unknown;
}

/** Why an answer does not match the document; empty when it does, or when no operation matched. */
export type ContractCheck = (answer: RecordedAnswer) => string[];

const pointer = (...segments: string[]) =>
  `#/${segments.map((segment) => encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/')}`;

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/**
 * A check of answers against the document: the operation by method and path template, the status
 * among its declared responses, the media type among the declared content, the body against the
 * schema (JSON Schema 2020-12, as OpenAPI 3.1 uses it). Answers of routes the document does not
 * describe (`/_local/…`, an unknown route) are not checked.
 */
export function contractCheck(document: Json): ContractCheck {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  const base = 'https://buurtsignaal.invalid/openapi.json';
  ajv.addSchema(document, base);
  const compiled = new Map<string, ValidateFunction>();
  const paths = document.paths as Record<string, Record<string, Json>>;
  const templates = Object.keys(paths).map((template) => ({
    template,
    pattern: new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`,
    ),
  }));

  return ({ method, path, status, contentType, body }) => {
    const pathname = path.split('?')[0] ?? path;
    const verb = method.toLowerCase();
    const match = templates.find(
      ({ pattern, template }) => pattern.test(pathname) && paths[template]?.[verb],
    );
    if (!match) return [];
    const where = `${method.toUpperCase()} ${match.template} → ${status}`;
    const responses = paths[match.template]?.[verb]?.responses as Record<string, Json>;
    const declared =
      (responses[String(status)] && String(status)) ??
      (responses[`${Math.floor(status / 100)}XX`] && `${Math.floor(status / 100)}XX`) ??
      (responses.default && 'default');
    if (!declared) {
      return [`${where}: status ${status} is not declared (declared: ${Object.keys(responses).join(', ')})`];
    }
    const content = responses[declared]?.content as Record<string, Json> | undefined;
    if (!content) {
      return body === undefined ? [] : [`${where}: a body, but the response declares no content`];
    }
    const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const media = content[mediaType] ? mediaType : undefined;
    if (!media) {
      return [
        `${where}: content type '${contentType}' is not declared (declared: ${Object.keys(content).join(', ')})`,
      ];
    }
    if (!content[media]?.schema) return [];
    const id = `${base}${pointer('paths', match.template, verb, 'responses', declared, 'content', media, 'schema')}`;
    let validate = compiled.get(id);
    if (!validate) {
      validate = ajv.getSchema(id);
      if (!validate) return [`${where}: schema ${id} cannot be compiled`];
      compiled.set(id, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (error) => `${where}: body${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`,
    );
  };
}
