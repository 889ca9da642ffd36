/** What the benchmarks share: a Simpul server in its own process, and MapServer as CGI. */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';

/** Starts `simpul serve` on PostGIS and waits until /health answers (up to `waitMs`). */
export async function startSimpul(databaseUrl: string, port: number, env: NodeJS.ProcessEnv = {}, waitMs = 30_000): Promise<{ server: ChildProcess; base: string }> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/cli-main.ts', 'serve'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', SIMPUL_LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (const end = Date.now() + waitMs; Date.now() < end; ) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { server, base };
}

/** Writes MapServer 8's config (any mapfile path allowed) into `dir` and returns the CGI environment for one query. */
export function mapservCgi(dir: string): (query: string) => NodeJS.ProcessEnv {
  writeFileSync(`${dir}/mapserver.conf`, 'CONFIG\n  ENV\n    MS_MAP_PATTERN "."\n  END\nEND\n');
  return (query) => ({ ...process.env, MAPSERVER_CONFIG_FILE: `${dir}/mapserver.conf`, REQUEST_METHOD: 'GET', QUERY_STRING: query });
}
