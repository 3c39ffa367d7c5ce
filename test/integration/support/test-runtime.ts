import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import {
  type LocalRuntime,
  type LocalRuntimeOptions,
  startLocalRuntime,
} from '../../../infra/local/local-runtime.ts';
import { documentClientOf } from '../../../shared/adapters/aws-clients.ts';
import { recordAnswer } from './contract-recorder.ts';

export interface ApiResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  /** Response headers, lower-case names. */
  readonly headers: Record<string, string>;
}

export interface ApiClient {
  request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
    // body: an object (sent as JSON), a string, bytes (Uint8Array) or a FormData (multipart)
  ): Promise<ApiResponse<T>>;
}

/**
 * Talks to the local runtime over real HTTP, like a partner, the web app or curl would. Every answer
 * is checked against the OpenAPI document (contract-recorder.ts).
 */
export function apiClient(baseUrl: string): ApiClient {
  return {
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      let body: string | Uint8Array | FormData | undefined;
      if (options.body instanceof Uint8Array || options.body instanceof FormData) {
        body = options.body;
      } else if (options.body !== undefined) {
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
      });
      const text = await response.text();
      const answer = {
        status: response.status,
        body: text ? JSON.parse(text) : undefined,
        headers: Object.fromEntries(response.headers),
      };
      recordAnswer({ method, path, contentType: answer.headers['content-type'], ...answer });
      return answer as never;
    },
  };
}

export interface TestRuntime {
  readonly runtime: LocalRuntime;
  /** The runtime's data directory (dynalite files, the household-key secret). */
  readonly dataDir: string;
  readonly api: ApiClient;
  /** Sets the test clock (admin), as a demo script would. */
  setClock(now: string): Promise<void>;
  /** `POST /_local/drain`; returns the number of records processed. */
  drain(): Promise<number>;
  /** Every item in the table, read through the real SDK client (page by page). */
  scan(): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

/**
 * A fresh local runtime (dynalite + local-aws-sqs on free ports, empty data directory) per test file.
 * Options go to the runtime: a quicker retry, a wrapper around the queue consumers, metrics output.
 */
export async function startTestRuntime(
  options: Omit<LocalRuntimeOptions, 'dataDir'> = {},
): Promise<TestRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'buurtsignaal-test-'));
  const runtime = await startLocalRuntime({
    logLevel: 'INFO',
    ...options,
    dataDir,
    retryDelaySeconds: options.retryDelaySeconds ?? 1,
  });
  const api = apiClient(runtime.url);
  return {
    runtime,
    dataDir,
    api,
    async setClock(now) {
      const response = await api.request('POST', '/_local/clock', { token: 'dev-admin', body: { now } });
      if (response.status !== 200) throw new Error(`clock not set: ${response.status}`);
    },
    async drain() {
      const response = await api.request<{ processed: number }>('POST', '/_local/drain', {
        token: 'dev-admin',
      });
      if (response.status !== 200) throw new Error(`drain failed: ${response.status}`);
      return response.body.processed;
    },
    async scan() {
      const client = documentClientOf(runtime.dynamodb);
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new ScanCommand({ TableName: runtime.tableName, ExclusiveStartKey: start }),
        );
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    },
    async stop() {
      await runtime.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
