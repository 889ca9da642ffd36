/** Checks of literals a filter carries, so a malformed one is refused while the filter is read
 *  (400 naming the parameter) rather than reaching the database and failing there (500):
 *  DATE/TIMESTAMP values and geometry literals (GeoJSON from CQL2 JSON, or built from WKT/GML). */
import type { Geometry } from 'geojson';
import type { OgcError } from '../errors.js';

type Bad = (why: string) => OgcError;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-](\d{2}):?(\d{2}))?$/;

function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A DATE ('YYYY-MM-DD') or TIMESTAMP (RFC 3339) literal, returned unchanged when valid. */
export function checkTemporal(kind: 'date' | 'timestamp', text: string, bad: Bad): string {
  const s = text.trim();
  const m = (kind === 'date' ? DATE : TIMESTAMP).exec(s);
  const ok =
    !!m &&
    validDay(+m[1], +m[2], +m[3]) &&
    (kind === 'date' ||
      (+m[4] <= 23 && +m[5] <= 59 && +m[6] <= 60 && (m[7] === undefined || (+m[7] <= 23 && +m[8] <= 59))));
  if (!ok) {
    const shown = s.length > 40 ? `${s.slice(0, 40)}…` : s;
    throw bad(
      kind === 'date'
        ? `DATE needs a date written YYYY-MM-DD, not "${shown}"`
        : `TIMESTAMP needs an RFC 3339 instant such as 2024-01-31T08:00:00Z, not "${shown}"`,
    );
  }
  return s;
}

/** Nesting of `coordinates` below a position, per geometry type. */
const DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

/** A geometry literal with the shape its type needs: finite numbers, lines of two positions or
 *  more, closed rings of four or more. Returned unchanged when valid. */
export function checkGeometry(g: Geometry, bad: Bad): Geometry {
  const type = (g as { type?: unknown }).type;
  const depth = typeof type === 'string' ? DEPTH[type] : undefined;
  if (depth === undefined) throw bad(`unsupported geometry type ${String(type).slice(0, 40)}`);
  const position = (p: unknown) => {
    if (
      !Array.isArray(p) ||
      p.length < 2 ||
      p.length > 4 ||
      !p.every((n) => typeof n === 'number' && Number.isFinite(n))
    ) {
      throw bad(`${type}: a position must be two to four finite numbers`);
    }
  };
  const positions = (a: unknown, min: number, closed: boolean) => {
    if (!Array.isArray(a) || a.length < min)
      throw bad(`${type} needs ${min} positions or more in each ${closed ? 'ring' : 'line'}`);
    a.forEach(position);
    if (closed && (a[0][0] !== a[a.length - 1][0] || a[0][1] !== a[a.length - 1][1]))
      throw bad(`${type}: a ring must end where it starts`);
  };
  const list = (a: unknown, each: (x: unknown) => void, min = 1) => {
    if (!Array.isArray(a) || a.length < min) throw bad(`${type} has no coordinates`);
    a.forEach(each);
  };
  const c = (g as { coordinates?: unknown }).coordinates;
  const polygon = (p: unknown) => list(p, (r) => positions(r, 4, true));
  switch (type) {
    case 'Point':
      position(c);
      break;
    case 'MultiPoint':
      list(c, position);
      break;
    case 'LineString':
      positions(c, 2, false);
      break;
    case 'MultiLineString':
      list(c, (l) => positions(l, 2, false));
      break;
    case 'Polygon':
      polygon(c);
      break;
    case 'MultiPolygon':
      list(c, polygon);
      break;
  }
  return g;
}
