import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface LocalService {
  readonly url: string;
  /** The admin API of the local runtime (API.md "Local only"): clock, drain, sweep. */
  admin(path: string, body?: unknown): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

/**
 * Runs `npm start` as a user would — it builds the web app, then starts the local runtime — on a free
 * port with its own data folder, and waits until it is listening (its runtime.json appears). `env`
 * sets the runtime's variables, e.g. UPLOAD_TIME_BUDGET_MS.
 */
export async function startLocalService(env: Record<string, string> = {}): Promise<LocalService> {
  const dataDir = mkdtempSync(join(tmpdir(), 'buurtsignaal-browser-'));
  let output = '';
  // Its own process group, so stopping reaches npm's child (the runtime) too.
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      LOCAL_ACCESS_LOG: 'off',
      LOG_LEVEL: 'WARN',
      // The sweep runs on clock changes only: the tests decide when time passes.
      SWEEP_INTERVAL_SECONDS: '0',
      ...env,
    },
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });

  const runtimeFile = join(dataDir, 'runtime.json');
  const started = Date.now();
  while (!existsSync(runtimeFile)) {
    if (child.exitCode !== null) throw new Error(`npm start stopped (exit ${child.exitCode}):\n${output}`);
    if (Date.now() - started > 150_000) throw new Error(`npm start did not start in 150 s:\n${output}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  const { url } = JSON.parse(readFileSync(runtimeFile, 'utf8')) as { url: string };

  return {
    url,
    async admin(path, body) {
      const response = await fetch(`${url}${path}`, {
        method: body === undefined && path === '/_local/clock' ? 'GET' : 'POST',
        headers: { authorization: 'Bearer dev-admin', 'content-type': 'application/json' },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      if (!response.ok) throw new Error(`${path} → ${response.status}: ${await response.text()}`);
      return (await response.json()) as Record<string, unknown>;
    },
    async stop() {
      const exited = new Promise<void>((resolveExit) => {
        if (child.exitCode !== null) resolveExit();
        else child.once('exit', () => resolveExit());
      });
      if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGINT');
      const timeout = setTimeout(() => {
        if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      }, 20_000);
      await exited;
      clearTimeout(timeout);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
