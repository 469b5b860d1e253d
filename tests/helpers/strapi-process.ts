import { spawn, type ChildProcess } from 'child_process';
import path from 'path';

/**
 * Strapi nodes of the host app in their own processes (tests/helpers/strapi-node.js), for the
 * multi-node tests: several nodes on one database, talked to over real HTTP.
 */

export interface StrapiProcess {
  base: string;
  child: ChildProcess;
  output: string[];
}

const NODE_SCRIPT = path.resolve(__dirname, 'strapi-node.js');

/** Starts one Strapi process of the host app; resolves when it listens. */
export const startNode = (env: Record<string, string>) =>
  new Promise<StrapiProcess>((resolve, reject) => {
    const child = spawn(process.execPath, [NODE_SCRIPT], {
      env: { ...process.env, ...env, STRAPI_LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stderr?.on('data', (chunk) => output.push(String(chunk)));
    child.stdout?.on('data', (chunk) => {
      const text = String(chunk);
      output.push(text);
      const ready = /READY (\d+)/.exec(text);
      if (ready) resolve({ base: `http://127.0.0.1:${ready[1]}`, child, output });
    });
    child.once('exit', (code) => reject(new Error(`node exited (${code}): ${output.join('')}`)));
  });

export const stopNode = (node: StrapiProcess | undefined) =>
  new Promise<void>((resolve) => {
    if (!node || node.child.exitCode !== null) return resolve();
    node.child.once('exit', () => resolve());
    node.child.kill('SIGTERM');
  });

/** A JSON request to one node; a non-2xx answer throws with its body. */
export const requestJson = async <T>(
  node: StrapiProcess,
  method: string,
  url: string,
  auth: string | null,
  body?: unknown
): Promise<T> => {
  const response = await fetch(node.base + url, {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(auth ? { Authorization: `Bearer ${auth}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as T;
  if (!response.ok)
    throw new Error(`${method} ${url} on ${node.base}: ${response.status} ${JSON.stringify(json)}`);
  return json;
};

/** Registers the first admin through one node: its JWT and a full-access API token. */
export const registerAdmin = async (node: StrapiProcess) => {
  const admin = (
    await requestJson<{ data: { token: string } }>(node, 'POST', '/admin/register-admin', null, {
      email: 'nodes@call-history.test',
      password: 'Nodes-Pass-1234',
      firstname: 'Node',
      lastname: 'Admin',
    })
  ).data.token;
  const apiToken = (
    await requestJson<{ data: { accessKey: string } }>(node, 'POST', '/admin/api-tokens', admin, {
      name: 'call platform',
      type: 'full-access',
      lifespan: null,
      description: '',
    })
  ).data.accessKey;
  return { admin, apiToken };
};
