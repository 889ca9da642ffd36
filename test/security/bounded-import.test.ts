/** Finding 6 and two Low items of issue #15: an import never fetches anything from the network,
 *  never freezes the node, and an upload is refused before its body is read; a name held by a
 *  layer the caller cannot see is refused without saying that it exists. */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { testNode, get, type TestNode } from '../support/context.js';
import { addUser, issueToken } from '../../data/users.js';
import { importFile } from '../../data/import/import-file.js';
import { OgcError } from '../../data/errors.js';
import { Fixtures } from '../import/fixtures.js';

/** A TCP listener that counts connections (and never answers: a "slow schema server"). */
async function listener(): Promise<{ port: number; connections: () => number; close(): Promise<void> }> {
  let n = 0;
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => {
    n++;
    sockets.push(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    connections: () => n,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

describe('bounded imports: no server-side fetch, no frozen node, early refusals', function () {
  this.timeout(300_000);
  let node: TestNode;
  let fx: Fixtures;
  let net: Awaited<ReturnType<typeof listener>>;
  const token: Record<string, string> = {};

  before(async () => {
    node = await testNode({ serve: true, config: { maxUploadBytes: 50 * 1024 * 1024 } });
    fx = new Fixtures();
    net = await listener();
    for (const [username, role, org] of [
      ['pu', 'produsen', 'dpupr'],
      ['pembina', 'pembina', 'bappeda'],
      ['admin', 'admin', null],
    ] as const) {
      await addUser(node.ctx.db, { username, role, organisation: org });
      token[username] = await issueToken(node.ctx.db, username);
    }
  });
  after(async () => {
    fx.remove();
    await net.close();
    await node.stop();
  });

  const load = (file: string, name: string) =>
    importFile(node.ctx.db, { file, organisation: 'dpupr', name, maxFeatures: 2_000_000 });

  it('reads a GML whose schemaLocation is a WFS DescribeFeatureType on an internal address without connecting to it', async () => {
    const url = `http://127.0.0.1:${net.port}/wfs?SERVICE=WFS&amp;VERSION=1.1.0&amp;REQUEST=DescribeFeatureType&amp;TYPENAME=app:p`;
    const gml = fx.write(
      'ssrf.gml',
      `<?xml version="1.0" encoding="utf-8" ?>
<wfs:FeatureCollection xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:wfs="http://www.opengis.net/wfs"
  xsi:schemaLocation="http://example.org/app ${url}" xmlns:app="http://example.org/app" xmlns:gml="http://www.opengis.net/gml">
  <gml:featureMember><app:p gml:id="p.0"><app:geom><gml:Point srsName="EPSG:4326"><gml:coordinates>106.6,-6.2</gml:coordinates></gml:Point></app:geom><app:name>a</app:name></app:p></gml:featureMember>
</wfs:FeatureCollection>`,
    );
    const started = Date.now();
    const r = await load(gml, 'ssrf_gml');
    expect(r.layers[0].report.written).to.equal(1);
    expect(Date.now() - started, 'a silent listener does not stall the import').to.be.below(15_000);
    expect(net.connections(), 'connections to the listener').to.equal(0);
  });

  it('reads a KML with a NetworkLink and remote styles without following them', async () => {
    const base = `http://127.0.0.1:${net.port}`;
    const kml = fx.write(
      'ssrf.kml',
      `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Style id="s"><IconStyle><Icon><href>${base}/icon.png</href></Icon></IconStyle></Style>
<NetworkLink><name>nl</name><Link><href>${base}/more.kml</href></Link></NetworkLink>
<Placemark><name>a</name><styleUrl>${base}/style.kml#s</styleUrl><Point><coordinates>106.6,-6.2</coordinates></Point></Placemark>
</Document></kml>`,
    );
    const r = await load(kml, 'ssrf_kml');
    expect(r.layers[0].report.written).to.equal(1);
    expect(net.connections()).to.equal(0);
  });

  it('refuses /vsicurl/ and URL names, and a VRT pointing elsewhere, without connecting', async () => {
    for (const file of [
      `/vsicurl/http://127.0.0.1:${net.port}/x.gml`,
      `/vsizip//vsicurl/http://127.0.0.1:${net.port}/x.zip`,
      `http://127.0.0.1:${net.port}/x.geojson`,
    ]) {
      const err = await load(file, 'ssrf_path').then(
        () => null,
        (e) => e,
      );
      expect(err, file).to.be.instanceOf(OgcError);
      expect((err as Error).message).to.match(/local file/);
    }
    const vrt = fx.write(
      'ssrf.vrt',
      `<OGRVRTDataSource><OGRVRTLayer name="x"><SrcDataSource>/vsicurl/http://127.0.0.1:${net.port}/x.csv</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>`,
    );
    const err = await load(vrt, 'ssrf_vrt').then(
      () => null,
      (e) => e,
    );
    expect((err as Error).message).to.match(/not a format Simpul reads|no dataset/);
    expect(net.connections()).to.equal(0);
  });

  it('keeps answering /health within 100 ms while a big zipped CSV is imported over HTTP, and writes it whole', async () => {
    // 200 000 points (a 2 MB zip): long enough to import for many seconds on this machine.
    const n = 200_000;
    const lines = ['id,lon,lat'];
    for (let i = 0; i < n; i++)
      lines.push(
        `${i},${(106.55 + (i % 1000) * 0.0001).toFixed(5)},${(-6.25 + Math.floor(i / 1000) * 0.0005).toFixed(5)}`,
      );
    const csv = fx.write('big.csv', lines.join('\n'));
    execFileSync('zip', ['-j', '-q', fx.path('big.zip'), csv]);
    const form = new FormData();
    form.append('org', 'dpupr');
    form.append('name', 'besar_sekali');
    form.append('srs', 'EPSG:4326');
    form.append('file', new Blob([execFileSync('cat', [fx.path('big.zip')])]), 'big.zip');
    let done = false;
    const upload = get(`${node.url}/api/layers`, {
      method: 'POST',
      body: form,
      headers: { Authorization: `Bearer ${token.pu}` },
    }).finally(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const t = performance.now();
      const h = await fetch(`${node.url}/health`);
      await h.text();
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
    const r = await upload;
    expect(r.status, r.body).to.equal(201);
    expect(JSON.parse(r.body).layers[0].report.written).to.equal(n);
    const worst = Math.max(...latencies);
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `      /health polled ${latencies.length} times during the import: median ${sorted[sorted.length >> 1].toFixed(1)} ms, worst ${worst.toFixed(1)} ms, ${latencies.filter((l) => l >= 100).length} at 100 ms or more`,
    );
    expect(latencies.length).to.be.above(10);
    const p98 = sorted[Math.floor(sorted.length * 0.98)];
    // GDAL reads in the import process and the database works in its own process (PostGIS) or
    // thread (the embedded one): the node's thread only passes batches on. The aim is every poll
    // < 100 ms; on this shared 2-core machine a few polls lose the CPU, so 98 % must be < 100 ms
    // and none may take 1 s (before, the node answered nothing for the whole import).
    expect(p98, '98th percentile').to.be.below(100);
    expect(worst).to.be.below(1000);
  });

  /** Streams a multipart body slowly; resolves with the status and how many bytes were sent before it came. */
  function slowUpload(user: string, query = ''): Promise<{ status: number; sent: number }> {
    return new Promise((resolve, reject) => {
      const boundary = 'xSimpulBoundary';
      const req = request(`${node.url}/api/layers${query}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token[user]}`,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': String(40 * 1024 * 1024),
        },
      });
      let sent = 0;
      let stop = false;
      req.on('response', (res) => {
        stop = true;
        res.resume();
        resolve({ status: res.statusCode!, sent });
        req.destroy();
      });
      // The node closes the connection after its early answer: a write may fail before the answer is read.
      req.on('error', () =>
        setTimeout(() => reject(new Error('no answer before the connection closed')), 5000).unref(),
      );
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="org"\r\n\r\ndpupr\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n\r\n`;
      req.write(head);
      sent += head.length;
      const chunk = Buffer.alloc(256 * 1024, 'a');
      const pump = () => {
        if (stop || req.destroyed || sent > 30 * 1024 * 1024) return;
        sent += chunk.length;
        req.write(chunk);
        setTimeout(pump, 20);
      };
      pump();
    });
  }

  it('refuses an upload by a role that may not write (403) before reading its body', async () => {
    const r = await slowUpload('pembina');
    expect(r.status).to.equal(403);
    expect(r.sent, 'bytes sent before the answer').to.be.below(2 * 1024 * 1024);
    const q = await slowUpload('pu', '?org=dinkes');
    expect(q.status).to.equal(403);
    expect(q.sent).to.be.below(2 * 1024 * 1024);
  });

  it('refuses a produsen uploading to another organisation as soon as the org field arrives', async () => {
    const boundary = 'b';
    const r = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      const req = request(`${node.url}/api/layers`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token.pu}`,
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Content-Length': String(40 * 1024 * 1024),
        },
      });
      let sent = 0;
      let stop = false;
      req.on('response', (res) => {
        stop = true;
        res.resume();
        resolve({ status: res.statusCode!, sent });
        req.destroy();
      });
      // The node closes the connection after its early answer: a write may fail before the answer is read.
      req.on('error', () =>
        setTimeout(() => reject(new Error('no answer before the connection closed')), 5000).unref(),
      );
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="org"\r\n\r\ndinkes\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n\r\n`;
      req.write(head);
      sent += head.length;
      const chunk = Buffer.alloc(256 * 1024, 'a');
      const pump = () => {
        if (stop || req.destroyed || sent > 30 * 1024 * 1024) return;
        sent += chunk.length;
        req.write(chunk);
        setTimeout(pump, 20);
      };
      pump();
    });
    expect(r.status).to.equal(403);
    expect(r.sent).to.be.below(2 * 1024 * 1024);
  });

  it('answers a name held by a layer the caller cannot see like any forbidden name: nothing about the layer', async () => {
    const geojson = fx.write(
      'p.geojson',
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { a: 1 }, geometry: { type: 'Point', coordinates: [106.6, -6.2] } }],
      }),
    );
    const send = async (user: string, name: string, replace = false) => {
      const form = new FormData();
      form.append('org', 'dpupr');
      form.append('name', name);
      if (replace) form.append('replace', 'true');
      form.append('file', new Blob([execFileSync('cat', [geojson])]), 'p.geojson');
      return get(`${node.url}/api/layers`, {
        method: 'POST',
        body: form,
        headers: { Authorization: `Bearer ${token[user]}` },
      });
    };
    // The admin makes an IGSTRATEGIS layer of dpupr, which dpupr's produsen cannot see.
    const made = await send('admin', 'rahasia');
    expect(made.status, made.body).to.equal(201);
    await node.ctx.db.query(`UPDATE simpul.layer SET access_class = 'IGSTRATEGIS' WHERE name = 'dpupr:rahasia'`);
    await node.ctx.catalogue.reload();
    for (const replace of [false, true]) {
      const r = await send('pu', 'rahasia', replace);
      expect(r.status, r.body).to.equal(403);
      expect(r.body).not.to.match(/exist|IGSTRATEGIS/i);
    }
    const still = await node.ctx.db.query<{ access_class: string; feature_count: number }>(
      `SELECT access_class, feature_count FROM simpul.layer WHERE name = 'dpupr:rahasia'`,
    );
    expect(still.rows[0].access_class).to.equal('IGSTRATEGIS');
    // A layer the produsen can see still answers 409 "already exists".
    expect((await send('pu', 'terlihat')).status).to.equal(201);
    const again = await send('pu', 'terlihat');
    expect(again.status).to.equal(409);
  });
});
