/** Drawing hand-made features (pixel coordinates) through the render job, for pixel checks
 *  without a database. */
import sharp from 'sharp';
import { packLayer, runDrawJob } from '../../styles/render/draw-job.js';
import { parseSld } from '../../styles/sld.js';
import type { Style } from '../../styles/model.js';

export type P = [number, number];

/** TWKB at 0.1 px (as the map query sends it) of a point, a line string or a one-ring polygon. */
export function twkb(kind: 'point' | 'line' | 'polygon', pts: P[]): Uint8Array {
  const out: number[] = [{ point: 1, line: 2, polygon: 3 }[kind] | (2 << 4), 0];
  const varint = (v: number) => {
    for (; v >= 0x80; v = Math.floor(v / 128)) out.push((v & 0x7f) | 0x80);
    out.push(v);
  };
  const zigzag = (v: number) => varint(v < 0 ? -2 * v - 1 : 2 * v);
  if (kind === 'polygon') varint(1);
  if (kind !== 'point') varint(pts.length);
  let x = 0;
  let y = 0;
  for (const [px, py] of pts) {
    const [X, Y] = [Math.round(px * 10), Math.round(py * 10)];
    zigzag(X - x);
    zigzag(Y - y);
    [x, y] = [X, Y];
  }
  return Uint8Array.from(out);
}

/** A one-layer SLD around FeatureTypeStyle elements (SLD 1.0, ogc: filters). */
export function sld(body: string): Style {
  return parseSld(`<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
    <NamedLayer><Name>uji</Name><UserStyle><Name>s</Name>${body}</UserStyle></NamedLayer></StyledLayerDescriptor>`)[0]
    .styles[0];
}

export interface Picture {
  width: number;
  height: number;
  rgb: (x: number, y: number) => [number, number, number];
  /** Pixels whose colour passes the test. */
  where: (test: (r: number, g: number, b: number) => boolean) => P[];
}

export async function draw(
  style: Style,
  features: Array<{ twkb: Uint8Array; props?: Record<string, unknown> }>,
  width = 200,
  height = 200,
): Promise<Picture> {
  const layer = packLayer(
    style,
    features.map((f) => ({ props: f.props ?? {}, twkb: f.twkb })),
  );
  const png = await runDrawJob({
    width,
    height,
    format: 'image/png',
    transparent: false,
    background: '#ffffff',
    scale: 5000,
    k: 1,
    layers: [layer],
  });
  const data = await sharp(png).removeAlpha().raw().toBuffer();
  const rgb = (x: number, y: number): [number, number, number] => {
    const i = (y * width + x) * 3;
    return [data[i], data[i + 1], data[i + 2]];
  };
  const where = (test: (r: number, g: number, b: number) => boolean) => {
    const out: P[] = [];
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (test(...rgb(x, y))) out.push([x, y]);
    return out;
  };
  return { width, height, rgb, where };
}

export const red = (r: number, g: number, b: number) => r > 150 && g < 90 && b < 90;
export const blue = (r: number, g: number, b: number) => b > 150 && r < 90 && g < 90;
export const yellow = (r: number, g: number, b: number) => r > 200 && g > 200 && b < 80;
export const black = (r: number, g: number, b: number) => r < 60 && g < 60 && b < 60;
