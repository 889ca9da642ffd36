import { expect } from 'chai';
import { testNode, type TestNode } from '../support/context.js';
import type { AttributeType } from '../../data/catalogue/layer.js';
import { coerce } from '../../data/layers/columns.js';
import { COPY_BINARY_HEADER, COPY_BINARY_TRAILER, CopyBinary } from '../../data/layers/copy-binary.js';
import { CopyText } from '../../data/layers/copy-text.js';
import { formatRows, type RowSource } from '../../data/layers/copy-rows.js';
import { loadFeatures } from '../../data/layers/load.js';
import { inspectWkb } from '../../data/layers/wkb.js';
import { webMercatorWkb } from '../../data/layers/web-mercator.js';
import { fromGeoJson } from '../../data/layers/wkb.js';

/** The loader sends a file's rows as COPY binary (copy-binary.ts) and its EPSG:3857 geometry
 *  computed in JavaScript (web-mercator.ts): the database must end up holding exactly what COPY
 *  text and ST_Transform gave before, on both backends, and the column must follow later SQL. */
describe('layer rows: COPY binary stores what COPY text stores; the EPSG:3857 geometry is ST_Transform’s', function () {
  this.timeout(60_000);
  let node: TestNode;
  before(async () => (node = await testNode()));
  after(() => node?.stop());

  const TYPES: AttributeType[] = ['string', 'integer', 'number', 'boolean', 'date'];
  const COLUMNS = 'g geometry(Geometry, 4326), a text, b bigint, c double precision, d boolean, e date';
  // Each row: a value per column of TYPES, as a source gives it (coerce makes it the column's).
  const ROWS: unknown[][] = [
    ['Kel. Sukasari', 1, 0.1, true, '2024-05-01'],
    ['tab\there, newline\nthere, back\\slash, "quotes", é ü 漢字 🗺', -1, -0, false, '2000-01-01'],
    ['', 2 ** 53 - 1, 1e-310, 'ya', '1999-12-31'],
    [null, -(2 ** 53) + 1, 123456789.12345679, 'tidak', '2024-02-29'],
    ['x', 2 ** 60, 0.30000000000000004, null, '1000-01-01'],
    ['y', -(2 ** 62), -1.7976931348623157e308, 1, null],
    ['z', 4096.9, 5e-324, 0, '9999-12-31'],
    ['w', '  42 ', '3,5', 't', '2024/05/01'],
  ];

  const point = (i: number) => fromGeoJson({ type: 'Point', coordinates: [106.6 + i / 100, -6.2] });

  async function stored(table: string): Promise<unknown[]> {
    return (
      await node.ctx.db.query(
        `SELECT ST_AsText(g) AS g, a, b::text AS b, c::text AS c, d, e::text AS e FROM ${table} ORDER BY b NULLS FIRST, a`,
      )
    ).rows;
  }

  it('every attribute type, nulls, edge numbers and awkward text: the same rows either way', async () => {
    const bin = new CopyBinary();
    const text = new CopyText();
    ROWS.forEach((row, i) => {
      bin.startRow(1 + TYPES.length);
      bin.bytes(point(i));
      text.hex(point(i));
      TYPES.forEach((t, k) => {
        expect(bin.value(coerce(row[k], t), t), `row ${i} ${t}`).to.equal(true);
        text.field(coerce(row[k], t));
      });
      text.endRow();
    });
    const db = node.ctx.db;
    await db.query(`CREATE TABLE copy_bin (${COLUMNS})`);
    await db.query(`CREATE TABLE copy_text (${COLUMNS})`);
    await db.transaction(async (tx) => {
      const rows = Buffer.concat([COPY_BINARY_HEADER, bin.take(), COPY_BINARY_TRAILER]);
      expect(await tx.copyFrom('copy_bin (g, a, b, c, d, e)', rows, 'binary')).to.equal(ROWS.length);
      expect(await tx.copyFrom('copy_text (g, a, b, c, d, e)', text.take())).to.equal(ROWS.length);
    });
    const [b, t] = [await stored('copy_bin'), await stored('copy_text')];
    expect(b).to.deep.equal(t);
    // 2^60 as COPY text writes it (String(2 ** 60): the shortest digits that read back as it).
    expect(b.map((r: any) => r.b)).to.include('1152921504606847000');
  });

  it('a value only the database can read as text has no binary form: the batch goes as text', () => {
    const bin = new CopyBinary();
    expect(bin.value('2024-5-1', 'date')).to.equal(false);
    expect(bin.value('2024-02-30', 'date')).to.equal(false);
    expect(bin.value('0099-01-01', 'date')).to.equal(false);
    expect(bin.value('2024-05-01T10:00:00Z', 'datetime')).to.equal(false);
    expect(bin.value(1e20, 'integer')).to.equal(false);
    expect(bin.take().length).to.equal(0);
  });

  it('the loader takes binary batches, text batches and features in any order, and keeps their order', async () => {
    const attributes = [
      { name: 'nama', type: 'string' as const },
      { name: 'tanggal', type: 'date' as const },
    ];
    let n = 0;
    const sources = (dates: string[]): RowSource[] =>
      dates.map((d, offset) => {
        const wkb = point(n);
        return { wkb, info: inspectWkb(wkb), values: [`f${++n}`, d], offset };
      });
    const binary1 = formatRows(null, sources(['2024-05-01', '2024-05-02']), 2, attributes);
    // A date only PostgreSQL reads (not YYYY-MM-DD): the batch goes as text.
    const text = formatRows(binary1.shape, sources(['2024-5-3', '2024-05-04']), 2, attributes);
    const features = [{ wkb: point(++n), properties: { nama: `f${n}`, tanggal: '2024-05-05' } }];
    const binary2 = formatRows(text.shape, sources(['2024-05-06']), 1, attributes);
    expect([binary1, text, binary2].map((f) => f.batch.format)).to.deep.equal(['binary', 'text', 'binary']);
    const loaded = await node.ctx.db.transaction((tx) =>
      loadFeatures(tx, { schema: 'public', table: 'urutan' }, attributes, [
        binary1.batch,
        text.batch,
        features,
        binary2.batch,
      ]),
    );
    expect(loaded.count).to.equal(6);
    const rows = (
      await node.ctx.db.query(
        `SELECT nama, tanggal::text AS tanggal, ST_X(geom_3857) - ST_X(ST_Transform(geom, 3857)) AS dx FROM public.urutan ORDER BY fid`,
      )
    ).rows;
    expect(rows.map((r) => `${r.nama} ${r.tanggal}`)).to.deep.equal([
      'f1 2024-05-01',
      'f2 2024-05-02',
      'f3 2024-05-03',
      'f4 2024-05-04',
      'f5 2024-05-05',
      'f6 2024-05-06',
    ]);
    expect(rows.every((r) => Math.abs(r.dx) < 1e-6)).to.equal(true);
    // Written by other SQL afterwards (QGIS connected to the database): the column follows.
    await node.ctx.db.query(
      `INSERT INTO public.urutan (geom, nama) VALUES (ST_SetSRID(ST_MakePoint(106.7, -6.3), 4326), 'f7')`,
    );
    await node.ctx.db.query(
      `UPDATE public.urutan SET geom = ST_SetSRID(ST_MakePoint(106.65, -6.25), 4326) WHERE nama = 'f1'`,
    );
    const followed = await node.ctx.db.query(
      `SELECT nama, ST_Distance(geom_3857, ST_Transform(geom, 3857)) AS d FROM public.urutan WHERE nama IN ('f1', 'f7') ORDER BY nama`,
    );
    expect(followed.rows).to.deep.equal([
      { nama: 'f1', d: 0 },
      { nama: 'f7', d: 0 },
    ]);
  });

  it('PostgreSQL checks what the loader could not prove valid, as the rows arrive or after the load, and the invalid are repaired', async () => {
    const attributes = [{ name: 'nama', type: 'string' as const }];
    const polygon = (rings: number[][][]) => fromGeoJson({ type: 'Polygon', coordinates: rings });
    const square = (x: number) => [
      [x, -6.2],
      [x + 0.01, -6.2],
      [x + 0.01, -6.19],
      [x, -6.19],
      [x, -6.2],
    ];
    const holed = (x: number) => [
      square(x),
      [
        [x + 0.003, -6.197],
        [x + 0.003, -6.194],
        [x + 0.006, -6.194],
        [x + 0.006, -6.197],
        [x + 0.003, -6.197],
      ],
    ];
    const bowTie = (x: number) => [
      [
        [x, -6.2],
        [x + 0.01, -6.19],
        [x + 0.01, -6.2],
        [x, -6.19],
        [x, -6.2],
      ],
    ];
    const batch = (shape: Parameters<typeof formatRows>[0], named: Array<[string, Uint8Array]>) =>
      formatRows(
        shape,
        named.map(([nama, wkb], offset) => ({ wkb, info: inspectWkb(wkb), values: [nama], offset })),
        named.length,
        attributes,
      );
    const load = async (table: string, batches: ReturnType<typeof batch>[]) => {
      const loaded = await node.ctx.db.transaction((tx) =>
        loadFeatures(
          tx,
          { schema: 'public', table },
          attributes,
          batches.map((b) => b.batch),
        ),
      );
      const rows = (
        await node.ctx.db.query<{ nama: string; valid: boolean }>(
          `SELECT nama, ST_IsValid(geom) AS valid FROM public.${table} ORDER BY fid`,
        )
      ).rows;
      const columns = (
        await node.ctx.db.query<{ c: string }>(
          `SELECT string_agg(column_name, ',' ORDER BY ordinal_position) AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
          [table],
        )
      ).rows[0].c;
      return { loaded, rows, columns };
    };
    // First rows all proved (squares): the rest is checked after the load.
    const first = batch(null, [
      ['a', polygon([square(106.6)])],
      ['b', polygon([square(106.62)])],
    ]);
    expect(first.batch.unproved).to.equal(0);
    const later = batch(first.shape, [
      ['c', polygon(bowTie(106.64))],
      ['d', polygon(holed(106.66))],
    ]);
    expect(later.batch.unproved).to.equal(2);
    const after = await load('periksa_setelah', [first, later]);
    // First rows not proved (a hole): checked as they arrive.
    const asLoaded = await load('periksa_langsung', [
      batch(null, [
        ['d', polygon(holed(106.66))],
        ['c', polygon(bowTie(106.64))],
      ]),
      batch(first.shape, [['a', polygon([square(106.6)])]]),
    ]);
    for (const { loaded, rows, columns } of [after, asLoaded]) {
      expect(loaded.report.repaired).to.equal(1);
      expect(rows.every((r) => r.valid)).to.equal(true);
      // Nothing of the check is left in the table.
      expect(columns).to.equal('fid,geom,nama,geom_3857');
    }
    expect(after.rows.map((r) => r.nama)).to.deep.equal(['a', 'b', 'c', 'd']);
    expect(asLoaded.rows.map((r) => r.nama)).to.deep.equal(['d', 'c', 'a']);
  });

  it('an open COPY (PostgreSQL) stores rows as they are written; an error mid-way names its line, and the connection stays usable', async function () {
    await node.ctx.db.query('CREATE TABLE public.offen (a text, b bigint)');
    const write = (rows: Array<[string, number]>) => {
      const w = new CopyBinary();
      for (const [a, b] of rows) {
        w.startRow(2);
        w.value(a, 'string');
        w.value(b, 'integer');
      }
      return w.take();
    };
    const stored = await node.ctx.db.transaction(async (tx) => {
      if (!tx.copyStream) return null;
      const copy = tx.copyStream('public.offen (a, b)', 'binary');
      await copy.write(COPY_BINARY_HEADER);
      for (let i = 0; i < 50; i++) await copy.write(write([[`r${i}`, i]]));
      await copy.write(COPY_BINARY_TRAILER);
      return copy.end();
    });
    if (stored === null) return this.skip(); // the embedded database takes a COPY's rows whole
    expect(stored).to.equal(50);
    // A NUL byte in text: refused at row 3; what is written after it is not stored.
    const failed = await node.ctx.db
      .transaction(async (tx) => {
        const copy = tx.copyStream!('public.offen (a, b)', 'binary');
        await copy.write(COPY_BINARY_HEADER);
        await copy.write(
          write([
            ['x', 1],
            ['y', 2],
            ['z\0', 3],
          ]),
        );
        for (let i = 0; i < 20; i++) await copy.write(write([[`s${i}`, i]])).catch(() => {});
        return copy.end();
      })
      .then(
        () => null,
        (err: Error & { where?: string }) => err,
      );
    expect(failed?.where).to.match(/COPY offen, line 3/);
    const n = await node.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM public.offen');
    expect(n.rows[0].n).to.equal(50);
  });

  it('the EPSG:3857 geometry is what ST_Transform makes, to the last bit or two, from pole to pole and antimeridian to antimeridian', async () => {
    const coordinates: number[][] = [
      [106.6401234567, -6.1712345678],
      [180, 85.06],
      [-180, -85.06],
      [0, 90],
      [0, -90],
      [179.999999999, 89.9999],
      [-0, 0],
    ];
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    for (let i = 0; i < 2000; i++) coordinates.push([rnd() * 180, rnd() * 90]);
    for (let i = 0; i < 500; i++) coordinates.push([106.5 + rnd() * 0.3, -6.2 + rnd() * 0.1]);
    const wkb = fromGeoJson({ type: 'MultiPoint', coordinates });
    const ours = webMercatorWkb(wkb)!;
    const r = await node.ctx.db.query<{ h: string }>(
      `SELECT encode(ST_AsBinary(ST_Transform(ST_GeomFromWKB(decode($1, 'hex'), 4326), 3857), 'NDR'), 'hex') AS h`,
      [Buffer.from(wkb).toString('hex')],
    );
    // The C library's asinh and V8's may part in the last bit (3.7 nm at 20,000 km).
    const xy = (b: Uint8Array) => {
      const v = Buffer.from(b);
      return Array.from({ length: coordinates.length * 2 }, (_, i) => v.readDoubleLE(9 + 5 * (1 + (i >> 1)) + 8 * i));
    };
    const [a, p] = [xy(ours), xy(Buffer.from(r.rows[0].h, 'hex'))];
    const worst = Math.max(...a.map((v, i) => Math.abs(v - p[i]) / Math.max(1, Math.abs(p[i]))));
    expect(worst).to.be.below(4 * Number.EPSILON);
    expect(a.filter((v, i) => v === p[i]).length).to.be.above(a.length * 0.95);
    expect(webMercatorWkb(fromGeoJson({ type: 'Point', coordinates: [190, 0] }))).to.equal(null);
    expect(webMercatorWkb(fromGeoJson({ type: 'Point', coordinates: [0, 90.5] }))).to.equal(null);
  });
});
