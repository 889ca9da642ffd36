/** A small Redis (RESP2) client for the tile cache: commands in, replies out, pipelined on one
 *  connection, reconnecting on demand. Replies: Buffer (bulk), string (status), number, array,
 *  null; an error reply rejects. Enough for GET/SET/SCAN/DEL and Lua scripts without a
 *  dependency. */
import { createHash } from 'node:crypto';
import { createConnection, type Socket } from 'node:net';

type Reply = Buffer | string | number | null | Reply[];

export class RedisClient {
  private socket: Socket | null = null;
  private pending: Array<{ resolve: (r: Reply) => void; reject: (e: Error) => void }> = [];
  private buf: Buffer = Buffer.alloc(0);
  private readonly host: string;
  private readonly port: number;
  private readonly db: number;
  private readonly password: string | null;

  constructor(url: string) {
    const u = new URL(url);
    this.host = u.hostname || '127.0.0.1';
    this.port = Number(u.port || 6379);
    this.db = Number(u.pathname.replace('/', '') || 0);
    this.password = u.password ? decodeURIComponent(u.password) : null;
  }

  private connect(): Socket {
    if (this.socket) return this.socket;
    const s = createConnection({ host: this.host, port: this.port });
    s.setNoDelay(true);
    s.on('data', (d) => this.onData(d));
    const fail = (err: Error) => {
      this.socket = null;
      this.buf = Buffer.alloc(0);
      const p = this.pending;
      this.pending = [];
      for (const x of p) x.reject(err);
    };
    s.on('error', fail);
    s.on('close', () => fail(new Error('redis connection closed')));
    this.socket = s;
    if (this.password) this.send(['AUTH', this.password]).catch(() => {});
    if (this.db) this.send(['SELECT', String(this.db)]).catch(() => {});
    return s;
  }

  private send(args: Array<string | Buffer>): Promise<Reply> {
    const s = this.socket!;
    const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
    for (const a of args) {
      const b = Buffer.isBuffer(a) ? a : Buffer.from(a);
      parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      s.write(Buffer.concat(parts));
    });
  }

  command(args: Array<string | Buffer>): Promise<Reply> {
    this.connect();
    return this.send(args);
  }

  /** Runs a Lua script by its SHA1 (EVALSHA), sending the text once when the server does not
   *  have it yet (NOSCRIPT). */
  async eval(script: string, keys: string[], args: Array<string | Buffer>): Promise<Reply> {
    const sha = createHash('sha1').update(script).digest('hex');
    const tail = [String(keys.length), ...keys, ...args];
    try {
      return await this.command(['EVALSHA', sha, ...tail]);
    } catch (err) {
      if (!/NOSCRIPT/.test((err as Error).message)) throw err;
      return this.command(['EVAL', script, ...tail]);
    }
  }

  async getBuffer(key: string): Promise<Buffer | null> {
    const r = await this.command(['GET', key]);
    return Buffer.isBuffer(r) ? r : null;
  }

  close(): void {
    this.socket?.end();
    this.socket = null;
  }

  private onData(d: Buffer) {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const r = parse(this.buf, 0);
      if (!r) return;
      this.buf = this.buf.subarray(r.end);
      const p = this.pending.shift();
      if (!p) continue;
      if (r.error) p.reject(new Error(r.error));
      else p.resolve(r.value);
    }
  }
}

function parse(b: Buffer, o: number): { value: Reply; end: number; error?: string } | null {
  if (o >= b.length) return null;
  const eol = b.indexOf('\r\n', o);
  if (eol < 0) return null;
  const line = b.toString('utf8', o + 1, eol);
  switch (String.fromCharCode(b[o])) {
    case '+':
      return { value: line, end: eol + 2 };
    case '-':
      return { value: null, end: eol + 2, error: line };
    case ':':
      return { value: Number(line), end: eol + 2 };
    case '$': {
      const n = Number(line);
      if (n < 0) return { value: null, end: eol + 2 };
      if (b.length < eol + 2 + n + 2) return null;
      return { value: Buffer.from(b.subarray(eol + 2, eol + 2 + n)), end: eol + 2 + n + 2 };
    }
    case '*': {
      const n = Number(line);
      if (n < 0) return { value: null, end: eol + 2 };
      const items: Reply[] = [];
      let at = eol + 2;
      for (let i = 0; i < n; i++) {
        const r = parse(b, at);
        if (!r) return null;
        items.push(r.value);
        at = r.end;
      }
      return { value: items, end: at };
    }
    default:
      throw new Error('redis protocol error');
  }
}
