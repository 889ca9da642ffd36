/** Small files made for each test run with the real ogr2ogr from the shared test data,
 *  so each format and CRS is what GDAL itself writes. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { TESTDATA, TMP_ROOT } from '../support/backend.js';

export const POINTS = `${TESTDATA}/points.geojson`;
export const ROADS = `${TESTDATA}/roads.geojson`;
export const DISTRICTS = `${TESTDATA}/districts.geojson`;

export class Fixtures {
  readonly dir = `${TMP_ROOT}import-${randomBytes(4).toString('hex')}`;

  constructor() {
    mkdirSync(this.dir, { recursive: true });
  }

  path(name: string): string {
    return `${this.dir}/${name}`;
  }

  /** ogr2ogr -f DRIVER out src [args…]; returns the output path. */
  ogr(driver: string, out: string, src: string, ...args: string[]): string {
    const path = this.path(out);
    execFileSync('ogr2ogr', ['-f', driver, path, src, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    return path;
  }

  write(name: string, text: string | Buffer): string {
    writeFileSync(this.path(name), text);
    return this.path(name);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface SourcePoint {
  id: number;
  name: string;
  lon: number;
  lat: number;
}

export function sourcePoints(): SourcePoint[] {
  const fc = JSON.parse(readFileSync(POINTS, 'utf8'));
  return fc.features.map((f: any) => ({
    id: f.properties.id,
    name: f.properties.name,
    lon: f.geometry.coordinates[0],
    lat: f.geometry.coordinates[1],
  }));
}

/** Metres between two nearby lon/lat points (equirectangular: exact enough below 1 km). */
export function metres(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const R = 6_371_008.8;
  const rad = Math.PI / 180;
  const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.hypot(x, y) * R;
}

/** A CSV of n points over Tangerang with lon/lat columns. */
export function bigCsv(n: number): string {
  const rows = ['id,name,lon,lat,nilai'];
  for (let i = 0; i < n; i++) {
    rows.push(
      `${i},titik ${i},${(106.55 + ((i * 7919) % 20000) / 100000).toFixed(6)},${(-6.3 + ((i * 104729) % 20000) / 100000).toFixed(6)},${(i % 97) / 7}`,
    );
  }
  return rows.join('\n') + '\n';
}
