/** What the benchmarks share: a Simpul server in its own process, and MapServer's config (and CGI environment). */
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

/** Writes MapServer 8's config (any mapfile path allowed, so requests name theirs with `map=`) into `dir`; returns its path. */
export function mapserverConfig(dir: string): string {
  writeFileSync(`${dir}/mapserver.conf`, 'CONFIG\n  ENV\n    MS_MAP_PATTERN "."\n  END\nEND\n');
  return `${dir}/mapserver.conf`;
}

/** MapServer 8's config in `dir`, and the CGI environment for one query (plain CGI: one `mapserv` per request). */
export function mapservCgi(dir: string): (query: string) => NodeJS.ProcessEnv {
  const config = mapserverConfig(dir);
  return (query) => ({ ...process.env, MAPSERVER_CONFIG_FILE: config, REQUEST_METHOD: 'GET', QUERY_STRING: query });
}
