/**
 * CSW benchmark (not a test): Simpul against pycsw on the same 2,491 + demo records.
 *   npx tsx bench/csw.ts            (PostGIS at 127.0.0.1:5432; pycsw source in $PYCSW_DIR, default /tmp/pycsw)
 * Measures, in one run: a full GeoNetwork-style harvest (POST GetRecords summary/gmd pages of 20
 * until nextRecord=0, then GetRecordById full for each), GetRecords with an AnyText filter
 * (p50/p95 over 200 seeded terms) and GetCapabilities (p50 over 200). pycsw is run from a
 * source checkout outside the repository (never committed), with Debian's Python packages,
 * served by wsgiref; if it is missing the Simpul figures are printed alone.
 */
import { benchDatabase } from './support.js';
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { spawn, execFileSync } from 'node:child_process';
import { openDatabase } from '../data/db/open.js';
import { Catalogue } from '../data/catalogue/catalogue.js';
import { loadDemo } from '../data/demo/load.js';
import { loadConfig } from '../server/config.js';
import { createLogger } from '../server/log.js';
import { startServer } from '../server/serve.js';
import { nodeContext } from '../server/context.js';
import { rng } from '../data/demo/random.js';

const DB = 'simpul_bench_csw';
const LAYERS = Number(process.env.SIMPUL_BENCH_LAYERS ?? 2491);
const PYCSW = process.env.PYCSW_DIR ?? '/tmp/pycsw';
const WORK = '/tmp/simpul-bench-csw';
const GMD = 'http://www.isotc211.org/2005/gmd';

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function prepareDatabase() {
  const db = await openDatabase({ databaseUrl: await benchDatabase(DB) });
  const catalogue = await Catalogue.open(db);
  if (catalogue.unguardedAll().length < LAYERS) {
    const t = process.hrtime.bigint();
    await loadDemo(db, catalogue, { extraLayers: LAYERS });
    console.log(`loaded ${catalogue.unguardedAll().length} layers in ${(ms(t) / 1000).toFixed(1)} s`);
  }
  return { db, catalogue };
}

const harvestPage = (start: number) => `<?xml version="1.0" encoding="UTF-8"?>
<csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" service="CSW" version="2.0.2" resultType="results" startPosition="${start}" maxRecords="20" outputSchema="${GMD}">
  <csw:Query typeNames="gmd:MD_Metadata" xmlns:gmd="${GMD}"><csw:ElementSetName>summary</csw:ElementSetName></csw:Query></csw:GetRecords>`;

/** GeoNetwork's harvest: pages, then each record in full. Returns seconds and the identifiers. */
async function harvest(csw: string): Promise<{ seconds: number; ids: string[]; bytes: number }> {
  const t = process.hrtime.bigint();
  const ids: string[] = [];
  let bytes = 0;
  for (let start = 1; start !== 0;) {
    const body = await (
      await fetch(csw, { method: 'POST', headers: { 'Content-Type': 'application/xml' }, body: harvestPage(start) })
    ).text();
    bytes += body.length;
    ids.push(...[...body.matchAll(/<gmd:fileIdentifier>\s*<gco:CharacterString>([^<]+)</g)].map((m) => m[1]));
    start = Number(/nextRecord="(\d+)"/.exec(body)?.[1] ?? 0);
  }
  for (const id of ids) {
    const body = await (
      await fetch(
        `${csw}?service=CSW&version=2.0.2&request=GetRecordById&elementSetName=full&outputSchema=${encodeURIComponent(GMD)}&id=${encodeURIComponent(id)}`,
      )
    ).text();
    bytes += body.length;
  }
  return { seconds: ms(t) / 1000, ids, bytes };
}

async function latencies(urls: string[]): Promise<number[]> {
  const out: number[] = [];
  for (const u of urls) {
    const t = process.hrtime.bigint();
    await (await fetch(u)).text();
    out.push(ms(t));
  }
  return out;
}

function anyTextUrls(csw: string): string[] {
  const r = rng(42);
  const words = [
    'sekolah',
    'banjir',
    'jalan',
    'taman',
    'pasar',
    'kelurahan',
    'hidran',
    'cctv',
    'masjid',
    'hotel',
    'drainase',
    'umkm',
    'halte',
    'posyandu',
    'zzz',
  ];
  return Array.from(
    { length: 200 },
    () =>
      `${csw}?service=CSW&version=2.0.2&request=GetRecords&typeNames=csw:Record&resultType=results&elementSetName=brief&maxRecords=10&constraintLanguage=CQL_TEXT&constraint_language_version=1.1.0&constraint=${encodeURIComponent(`AnyText LIKE '%${r.pick(words)}%'`)}`,
  );
}

async function measure(name: string, csw: string) {
  await fetch(`${csw}?service=CSW&request=GetCapabilities`); // warm
  const h = await harvest(csw);
  const any = await latencies(anyTextUrls(csw));
  const caps = await latencies(Array.from({ length: 200 }, () => `${csw}?service=CSW&request=GetCapabilities`));
  const row = {
    name,
    records: h.ids.length,
    harvestSeconds: h.seconds,
    anyTextP50: pct(any, 50),
    anyTextP95: pct(any, 95),
    capsP50: pct(caps, 50),
    mb: h.bytes / 1e6,
  };
  console.log(
    `${name.padEnd(8)} harvest ${h.ids.length} records in ${h.seconds.toFixed(2)} s (${row.mb.toFixed(1)} MB); AnyText p50 ${row.anyTextP50.toFixed(1)} ms p95 ${row.anyTextP95.toFixed(1)} ms; GetCapabilities p50 ${row.capsP50.toFixed(2)} ms`,
  );
  return { ...row, ids: h.ids };
}

async function startPycsw(simpulCsw: string, ids: string[]): Promise<{ url: string; stop: () => void } | null> {
  if (!existsSync(`${PYCSW}/pycsw/server.py`)) {
    console.log(`pycsw: no source at ${PYCSW} (set PYCSW_DIR); skipped`);
    return null;
  }
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(`${WORK}/records`, { recursive: true });
  for (const id of ids) {
    const body = await (
      await fetch(
        `${simpulCsw}?service=CSW&version=2.0.2&request=GetRecordById&elementSetName=full&outputSchema=${encodeURIComponent(GMD)}&id=${id}`,
      )
    ).text();
    const md = /<gmd:MD_Metadata[\s\S]*<\/gmd:MD_Metadata>/
      .exec(body)![0]
      .replace(
        '<gmd:MD_Metadata>',
        '<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" xmlns:gco="http://www.isotc211.org/2005/gco" xmlns:srv="http://www.isotc211.org/2005/srv" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink">',
      );
    writeFileSync(`${WORK}/records/${id}.xml`, `<?xml version="1.0" encoding="UTF-8"?>\n${md}`);
  }
  const port = 8765;
  const url = `http://127.0.0.1:${port}/`;
  writeFileSync(
    `${WORK}/pycsw.cfg`,
    `[server]\nhome=${PYCSW}\nurl=${url}\nmimetype=application/xml; charset=UTF-8\nencoding=UTF-8\nlanguage=en-US\nmaxrecords=100\nprofiles=apiso\n\n[manager]\ntransactions=false\nallowed_ips=127.0.0.1\n\n[metadata:main]\nidentification_title=pycsw bench\nidentification_abstract=bench\nidentification_keywords=bench\nidentification_keywords_type=theme\nidentification_fees=None\nidentification_accessconstraints=None\nprovider_name=bench\nprovider_url=${url}\ncontact_name=bench\ncontact_position=bench\ncontact_address=bench\ncontact_city=bench\ncontact_stateorprovince=bench\ncontact_postalcode=0\ncontact_country=ID\ncontact_phone=0\ncontact_fax=0\ncontact_email=bench@example.org\ncontact_url=${url}\ncontact_hours=0\ncontact_instructions=none\ncontact_role=pointOfContact\n\n[repository]\ndatabase=sqlite:///${WORK}/records.db\ntable=records\n\n[metadata:inspire]\nenabled=false\n`,
  );
  const env = { ...process.env, PYTHONPATH: PYCSW, PYCSW_CONFIG: `${WORK}/pycsw.cfg` };
  const t = process.hrtime.bigint();
  // pycsw reads its own version through pkg_resources: give the checkout its egg-info.
  if (!existsSync(`${PYCSW}/pycsw.egg-info`))
    execFileSync('/usr/bin/python3', ['setup.py', '-q', 'egg_info'], { cwd: PYCSW, stdio: 'ignore' });
  execFileSync('/usr/bin/python3', [`${PYCSW}/bin/pycsw-admin.py`, '-c', 'setup_db', '-f', `${WORK}/pycsw.cfg`], {
    env,
    stdio: 'ignore',
  });
  execFileSync(
    '/usr/bin/python3',
    [`${PYCSW}/bin/pycsw-admin.py`, '-c', 'load_records', '-p', `${WORK}/records`, '-f', `${WORK}/pycsw.cfg`],
    { env, stdio: 'ignore' },
  );
  console.log(`pycsw: loaded ${ids.length} records in ${(ms(t) / 1000).toFixed(1)} s`);
  writeFileSync(
    `${WORK}/serve.py`,
    `import sys\nfrom wsgiref.simple_server import make_server, WSGIRequestHandler\nclass Quiet(WSGIRequestHandler):\n    def log_message(self, *a):\n        pass\nfrom pycsw.wsgi import application\nmake_server('127.0.0.1', ${port}, application, handler_class=Quiet).serve_forever()\n`,
  );
  const child = spawn('/usr/bin/python3', [`${WORK}/serve.py`], { env, stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}?service=CSW&request=GetCapabilities`)).ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, stop: () => child.kill() };
}

const { db, catalogue } = await prepareDatabase();
const config = { ...loadConfig({}), port: 0, host: '127.0.0.1', logLevel: 'silent' as const };
const running = await startServer(nodeContext({ db, catalogue, config, log: createLogger('silent') }));
const simpulCsw = `${running.url}/csw`;
console.log(`Simpul CSW with ${catalogue.unguardedAll().length} layers on ${db.kind}`);
const s = await measure('simpul', simpulCsw);
const py = await startPycsw(simpulCsw, s.ids);
if (py) {
  try {
    const p = await measure('pycsw', py.url);
    console.log(
      `ratio (pycsw / simpul): harvest ${(p.harvestSeconds / s.harvestSeconds).toFixed(1)}×, AnyText p95 ${(p.anyTextP95 / s.anyTextP95).toFixed(1)}×, GetCapabilities ${(p.capsP50 / s.capsP50).toFixed(1)}×`,
    );
  } finally {
    py.stop();
  }
}
await running.stop();
