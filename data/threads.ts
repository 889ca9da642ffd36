/** Starting a worker thread from a module of this code base. Under tsx (tests, benches) the module
 *  is a .ts file, and a worker does not inherit tsx's loader on Node 20, so a small bootstrap
 *  registers it first; built code (dist/) loads the .js beside it. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `moduleUrl` is the worker's .js URL beside the caller (new URL('./x-worker.js', import.meta.url)). */
export function startWorker(moduleUrl: URL, options: WorkerOptions = {}): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(moduleUrl, options);
  const worker = moduleUrl.href.replace(/\.js$/, '.ts');
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  const entry = JSON.parse(readFileSync(pkg, 'utf8')).exports['./esm/api'].import.default as string;
  const tsx = pathToFileURL(join(dirname(pkg), entry)).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); })`;
  return new Worker(boot, { ...options, eval: true });
}
