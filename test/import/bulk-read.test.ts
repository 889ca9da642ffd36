import { expect } from 'chai';
import { locateSource } from '../../data/import/locate.js';
import { openSource, readRows, type OpenOptions } from '../../data/import/read-source.js';
import { openBulk } from '../../data/import/bulk-read.js';
import { Fixtures } from './fixtures.js';

/** A layer GDAL copies in bulk (bulk-read.ts) must give the node exactly the rows reading it
 *  feature by feature gives: the same COPY rows byte for byte, the same geometry types, the same
 *  features left out and said why. Files are written by the real ogr2ogr. */
describe('import: bulk reading gives the rows feature-by-feature reading gives', function () {
  this.timeout(60_000);
  let fx: Fixtures;
  before(() => (fx = new Fixtures()));
  after(() => fx.remove());

  interface Read {
    bulk: boolean;
    rows: string;
    formats: Set<string>;
    types: number[];
    /** Each row's feature number in the layer, from 1. */
    positions: number[];
    box: number[] | null;
    features: unknown[];
    stats: unknown;
  }

  async function readAll(file: string, bulk: boolean, opts: OpenOptions = {}): Promise<Read[]> {
    const opened = openSource(locateSource(file), opts);
    const out: Read[] = [];
    try {
      for (const layer of opened.layers) {
        layer.bulk = bulk ? await openBulk(opened.dataset, layer, Infinity) : null;
        const r: Read = {
          bulk: !!layer.bulk,
          rows: '',
          formats: new Set(),
          types: [],
          positions: [],
          box: null,
          features: [],
          stats: null,
        };
        let base = 0;
        const box = [Infinity, Infinity, -Infinity, -Infinity];
        for (;;) {
          await layer.bulk?.more();
          const b = readRows(layer);
          if ('rows' in b) {
            // Binary rows as hex; a batch in COPY text as it is.
            r.rows += Buffer.from(b.rows.rows).toString(b.rows.format === 'binary' ? 'hex' : 'utf8');
            r.formats.add(b.rows.format);
            r.types.push(...b.rows.types);
            r.positions.push(...Array.from(b.rows.offsets, (o) => base + o + 1));
            if (b.rows.box) {
              box[0] = Math.min(box[0], b.rows.box[0]);
              box[1] = Math.min(box[1], b.rows.box[1]);
              box[2] = Math.max(box[2], b.rows.box[2]);
              box[3] = Math.max(box[3], b.rows.box[3]);
            }
            base += b.rows.read;
          } else {
            r.features.push(...b.features.map((f) => ({ ...f, wkb: f.wkb && Buffer.from(f.wkb).toString('hex') })));
            base += b.features.length;
          }
          if (b.done) break;
        }
        r.box = box[0] === Infinity ? null : box;
        r.stats = {
          read: layer.read,
          rejected: layer.rejected,
          rejections: layer.rejections,
          garbledText: layer.garbledText,
          shape: layer.shape,
        };
        await layer.bulk?.done;
        out.push(r);
      }
    } finally {
      opened.close();
    }
    return out;
  }

  async function same(file: string, inBulk = true, opts: OpenOptions = {}): Promise<Read[]> {
    const one = await readAll(file, false, opts);
    const bulk = await readAll(file, true, opts);
    expect(bulk.map((l) => l.bulk)).to.deep.equal(one.map(() => inBulk));
    expect(bulk.map((l) => ({ ...l, bulk: false }))).to.deep.equal(one);
    return bulk;
  }

  /** A GeoPackage layer `name` from a CSV file with a WKT column. */
  const FROM_WKT = ['-oo', 'GEOM_POSSIBLE_NAMES=wkt', '-oo', 'KEEP_GEOM_COLUMNS=NO'];
  const geopackage = (name: string, csv: string, type: string, srs: string) =>
    fx.ogr('GPKG', `${name}.gpkg`, csv, '-nln', name, '-nlt', type, '-a_srs', srs, ...FROM_WKT);

  const square = (x: number, y: number, d: number, close = true) => {
    const pts = [`${x} ${y}`, `${x + d} ${y}`, `${x + d} ${y + d}`, `${x} ${y + d}`];
    return `(${[...pts, ...(close ? [pts[0]] : [])].join(', ')})`;
  };

  const persil = (empties: boolean) => {
    const lines = ['wkt,n,big,luas,nama,aktif,lebar,tanggal'];
    for (let i = 1; i <= 2500; i++) {
      const x = 300000 + (i % 50) * 200;
      const y = 9300000 + Math.floor(i / 50) * 200;
      let wkt = `POLYGON (${square(x, y, 100)})`;
      if (i === 5) wkt = `POLYGON (${square(x, y, 100, false)})`;
      if (i === 7) wkt = `POLYGON Z ((${x} ${y} 5, ${x + 90} ${y} 5, ${x + 90} ${y + 90} 5, ${x} ${y} 5))`;
      if (empties && i === 9) wkt = 'POLYGON EMPTY';
      if (empties && i === 11) wkt = '';
      // A bow tie: not valid, left to PostGIS (proved 'f').
      if (i === 13) wkt = `POLYGON ((${x} ${y}, ${x + 100} ${y + 100}, ${x + 100} ${y}, ${x} ${y + 100}, ${x} ${y}))`;
      const luas = [0.30000000000000004, 1e-20, 123456789.12345679, -0][i % 4];
      const nama =
        i === 3 ? 'tab\there, back\\slash' : i === 4 ? '' : i === 6 ? 'Cipondoh – "Kelurahan"\nbaris' : `persil ${i}`;
      const big = i === 8 ? '' : String(9007199254740000 + i);
      lines.push(
        `"${wkt}",${i},${big},${luas},"${nama.replace(/"/g, '""')}",${i % 2},${i / 8},${i === 2 ? '' : `${1990 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`}`,
      );
    }
    const name = empties ? 'persil-kosong' : 'persil';
    const csv = fx.write(`${name}.csv`, lines.join('\n'));
    fx.write(`${name}.csvt`, 'WKT,Integer,Integer64,Real,String,Integer(Boolean),Real(Float32),Date');
    return geopackage(name, csv, 'POLYGON', 'EPSG:23834');
  };

  it('a TM-3 GeoPackage of 2,500 polygons: transformed, unclosed rings closed, Z dropped, an invalid one left to PostGIS, every field type kept exactly', async () => {
    const [layer] = await same(persil(false));
    expect(layer.stats).to.deep.include({ read: 2500, rejected: 0 });
    expect(layer.types.length).to.equal(2500);
    expect([...layer.formats]).to.deep.equal(['binary']);
    // Not proved valid (a 1-byte false), then the integer 13 (8 bytes): the bow tie, left to PostGIS.
    expect(layer.rows).to.include('0000000100' + '00000008000000000000000d');
  });

  it('a GeoPackage with features without geometry is read feature by feature (the copy would leave them out)', async () => {
    const [layer] = await same(persil(true), false);
    expect(layer.stats).to.deep.include({ read: 2500, rejected: 0 });
    expect(layer.types.length).to.equal(2498);
  });

  it('a shapefile of lines and multi-lines in UTM 48S, several batches, features without geometry among them and at its end', async () => {
    const lines = ['wkt,kode,nama'];
    for (let i = 1; i <= 1500; i++) {
      const x = 680000 + (i % 40) * 300;
      const y = 9300000 + Math.floor(i / 40) * 300;
      const wkt =
        i === 10 || i === 11 || i === 1499 || i === 1500
          ? ''
          : i % 7 === 0
            ? `MULTILINESTRING ((${x} ${y}, ${x + 100} ${y + 50}), (${x + 150} ${y}, ${x + 200} ${y + 80}))`
            : `LINESTRING (${x} ${y}, ${x + 100} ${y + 50}, ${x + 180} ${y + 20})`;
      lines.push(`"${wkt}",${i},"jalan ${i} – Tangerang"`);
    }
    const csv = fx.write('jalan.csv', lines.join('\n'));
    const shp = fx.ogr(
      'ESRI Shapefile',
      'jalan.shp',
      csv,
      '-nlt',
      'MULTILINESTRING',
      '-a_srs',
      'EPSG:32748',
      ...FROM_WKT,
    );
    const [layer] = await same(shp);
    expect(layer.stats).to.deep.include({ read: 1500, rejected: 0, garbledText: 0 });
    expect(layer.types.length, 'features without geometry are counted, not rows').to.equal(1496);
  });

  it('a point GDAL cannot transform: the copy stops there and the rest is read feature by feature, the point left out and said why', async () => {
    const lines = ['wkt,n'];
    for (let i = 1; i <= 1200; i++) lines.push(`"POINT (${i === 1100 ? '1e30 1e30' : `${680000 + i} 9300000`})",${i}`);
    const csv = fx.write('titik.csv', lines.join('\n'));
    const gpkg = geopackage('titik', csv, 'POINT', 'EPSG:32748');
    const [layer] = await same(gpkg);
    expect(layer.stats).to.deep.include({ read: 1200, rejected: 1 });
    expect((layer.stats as { rejections: Array<{ feature: number }> }).rejections[0].feature).to.equal(1100);
  });

  it('coordinates that are not longitude/latitude in a file said to be EPSG:4326 are left out the same way', async () => {
    const lines = ['wkt,n'];
    for (let i = 1; i <= 30; i++) lines.push(`"POINT (${i === 4 ? '680000 9300000' : `106.6${i} -6.2`})",${i}`);
    const csv = fx.write('salah.csv', lines.join('\n'));
    const gpkg = geopackage('salah', csv, 'POINT', 'EPSG:4326');
    const [layer] = await same(gpkg);
    expect(layer.stats).to.deep.include({ read: 30, rejected: 1 });
  });

  it('a layer with a time-of-day field is read feature by feature (FlatGeobuf writes its zone otherwise)', async () => {
    const csv = fx.write('waktu.csv', 'wkt,waktu\n"POINT (106.6 -6.2)",2024-05-01T10:20:30+07:00\n');
    fx.write('waktu.csvt', 'WKT,DateTime');
    const [layer] = await same(geopackage('waktu', csv, 'POINT', 'EPSG:4326'), false);
    expect(layer.rows).to.include(Buffer.from('2024-05-01T10:20:30+07:00').toString('hex'));
  });
});
