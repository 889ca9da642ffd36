/**
 * MapServer under FastCGI for the benchmarks: `spawn-fcgi -F N` forks N `mapserv` processes on a
 * Unix socket (libfcgi serves FastCGI when fd 0 is a listening socket), and a small FastCGI 1.0
 * client talks to them the way nginx does without `fastcgi_keep_conn`: one connection per request.
 */
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import { readFileSync, rmSync } from 'node:fs';
import { mapserverConfig } from './support.js';

export interface FastCgiPeer {
  socket: string;
  pids: number[];
  stop(): Promise<void>;
}

/**
 * Starts `processes` mapserv FastCGI processes on `${dir}/mapserv.sock`, with MapServer 8's config
 * (any mapfile path allowed, so requests name theirs with `map=`) in `${dir}/mapserver.conf`.
 * spawn-fcgi forks the children, writes their pids (one a line) to the pid file and exits;
 * the children inherit its environment.
 */
export function startMapservFastCgi(dir: string, processes = 2, mapserv = '/usr/lib/cgi-bin/mapserv'): FastCgiPeer {
  const socket = `${dir}/mapserv.sock`;
  const pidFile = `${dir}/mapserv.pids`;
  const config = mapserverConfig(dir);
  rmSync(socket, { force: true });
  rmSync(pidFile, { force: true });
  execFileSync('spawn-fcgi', ['-s', socket, '-F', String(processes), '-P', pidFile, '--', mapserv], {
    env: { ...process.env, MAPSERVER_CONFIG_FILE: config },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const pids = readFileSync(pidFile, 'utf8').split(/\s+/).filter(Boolean).map(Number);
  if (pids.length !== processes) throw new Error(`spawn-fcgi started ${pids.length} of ${processes} mapserv processes`);
  return {
    socket,
    pids,
    // mapserv only notices SIGTERM after its next request, so idle children get SIGKILL after a grace period.
    async stop() {
      const alive = () =>
        pids.filter((p) => {
          try {
            return process.kill(p, 0);
          } catch {
            return false;
          }
        });
      for (const p of alive()) process.kill(p, 'SIGTERM');
      for (let i = 0; i < 10 && alive().length; i++) await new Promise((r) => setTimeout(r, 100));
      for (const p of alive()) process.kill(p, 'SIGKILL');
      rmSync(socket, { force: true });
      rmSync(pidFile, { force: true });
    },
  };
}

const VERSION = 1;
const BEGIN_REQUEST = 1;
const END_REQUEST = 3;
const PARAMS = 4;
const STDIN = 5;
const STDOUT = 6;
const RESPONDER = 1;
const ID = 1;

function record(type: number, content: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt8(VERSION, 0);
  head.writeUInt8(type, 1);
  head.writeUInt16BE(ID, 2);
  head.writeUInt16BE(content.length, 4);
  return Buffer.concat([head, content]); // no padding: optional in FastCGI 1.0
}

/** A name-value pair: each length in 1 byte below 128, else in 4 bytes with the top bit set. */
function pair(name: string, value: string): Buffer {
  const [n, v] = [Buffer.from(name), Buffer.from(value)];
  const len = (l: number) => {
    if (l < 128) return Buffer.from([l]);
    const b = Buffer.alloc(4);
    b.writeUInt32BE((l | 0x80000000) >>> 0);
    return b;
  };
  return Buffer.concat([len(n.length), len(v.length), n, v]);
}

export interface FastCgiResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One GET request over a fresh connection: BEGIN_REQUEST, PARAMS, empty PARAMS, empty STDIN, then STDOUT until END_REQUEST. */
export function fastCgiGet(socket: string, query: string, script = '/cgi-bin/mapserv'): Promise<FastCgiResponse> {
  const params = Buffer.concat(
    Object.entries({
      GATEWAY_INTERFACE: 'CGI/1.1',
      SERVER_SOFTWARE: 'simpul-bench',
      SERVER_PROTOCOL: 'HTTP/1.1',
      SERVER_NAME: '127.0.0.1',
      SERVER_PORT: '80',
      REQUEST_METHOD: 'GET',
      SCRIPT_NAME: script,
      REQUEST_URI: `${script}?${query}`,
      QUERY_STRING: query,
      CONTENT_LENGTH: '0',
      REMOTE_ADDR: '127.0.0.1',
      HTTP_HOST: '127.0.0.1',
    }).map(([k, v]) => pair(k, v)),
  );
  const begin = Buffer.alloc(8);
  begin.writeUInt16BE(RESPONDER, 0); // flags 0: the application closes the connection when done
  const out: Buffer[] = [record(BEGIN_REQUEST, begin)];
  for (let i = 0; i < params.length; i += 0xffff) out.push(record(PARAMS, params.subarray(i, i + 0xffff)));
  out.push(record(PARAMS), record(STDIN));

  return new Promise((resolve, reject) => {
    const conn = connect(socket);
    const stdout: Buffer[] = [];
    let pending: Buffer = Buffer.alloc(0);
    let ended = false;
    conn.on('error', reject);
    conn.on('data', (d: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, d]) : d;
      while (pending.length >= 8) {
        const size = 8 + pending.readUInt16BE(4) + pending.readUInt8(6);
        if (pending.length < size) break;
        const type = pending.readUInt8(1);
        if (type === STDOUT) stdout.push(pending.subarray(8, 8 + pending.readUInt16BE(4)));
        else if (type === END_REQUEST) ended = true;
        pending = pending.subarray(size);
      }
      if (ended) conn.end();
    });
    conn.on('close', () => {
      if (!ended) return reject(new Error('FastCGI connection closed before END_REQUEST'));
      const all = Buffer.concat(stdout);
      const split = all.indexOf('\r\n\r\n') >= 0 ? [all.indexOf('\r\n\r\n'), 4] : [all.indexOf('\n\n'), 2];
      if (split[0] < 0) return reject(new Error(`FastCGI response without headers: ${all.toString('latin1', 0, 200)}`));
      const headers: Record<string, string> = {};
      for (const line of all.toString('latin1', 0, split[0]).split(/\r?\n/)) {
        const at = line.indexOf(':');
        if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
      }
      resolve({
        status: Number(headers.status?.split(' ')[0] ?? 200),
        headers,
        body: all.subarray(split[0] + split[1]),
      });
    });
    conn.write(Buffer.concat(out));
  });
}
