/** ExternalGraphic data: images, checked before anything decodes them: the bytes must be the
 *  format the URI names (PNG, JPEG, GIF or WebP, by their signature) and the header's width
 *  and height must be within STYLE_LIMITS. A 195 KB PNG can declare 40000 × 40000 pixels
 *  (6.4 GB decoded); reading its header costs a few bytes. */
import { STYLE_LIMITS } from './limits.js';

export type GraphicFormat = 'png' | 'jpeg' | 'gif' | 'webp';

export interface ImageHeader {
  format: GraphicFormat;
  width: number;
  height: number;
}

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));
const u16be = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const u16le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u24le = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);
const u32be = (b: Uint8Array, at: number) => ((b[at] << 24) >>> 0) + ((b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]);

/** JPEG: the first start-of-frame marker (SOF0–SOF15 but DHT C4, JPG C8, DAC CC) holds the size. */
function jpegSize(b: Uint8Array): [number, number] | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const m = b[i + 1];
    if (m === 0xff) {
      i++;
      continue;
    }
    if (m === 0xd8 || m === 0x01 || (m >= 0xd0 && m <= 0xd7)) {
      i += 2;
      continue;
    }
    const len = u16be(b, i + 2);
    if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) return [u16be(b, i + 7), u16be(b, i + 5)];
    if (len < 2) return undefined;
    i += 2 + len;
  }
  return undefined;
}

function webpSize(b: Uint8Array): [number, number] | undefined {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ' && b.length >= 30) return [u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff];
  if (chunk === 'VP8L' && b.length >= 25) {
    const v = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
    return [(v & 0x3fff) + 1, ((v >>> 14) & 0x3fff) + 1];
  }
  if (chunk === 'VP8X' && b.length >= 30) return [u24le(b, 24) + 1, u24le(b, 27) + 1];
  return undefined;
}

/** The format (by signature) and pixel size an image declares, without decoding it. */
export function imageHeader(b: Uint8Array): ImageHeader | undefined {
  if (b.length >= 24 && b[0] === 0x89 && ascii(b, 1, 3) === 'PNG' && ascii(b, 12, 4) === 'IHDR')
    return { format: 'png', width: u32be(b, 16), height: u32be(b, 20) };
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) {
    const s = jpegSize(b);
    return s && { format: 'jpeg', width: s[0], height: s[1] };
  }
  if (b.length >= 10 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a'))
    return { format: 'gif', width: u16le(b, 6), height: u16le(b, 8) };
  if (b.length >= 16 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    const s = webpSize(b);
    return s && { format: 'webp', width: s[0], height: s[1] };
  }
  return undefined;
}

const DATA_URI = /^data:image\/(png|jpeg|jpg|gif|webp);base64,/i;

/** Why a data: image may not be drawn, or undefined when it may; `bytes` gets its content. */
export function graphicProblem(uri: string, out?: { bytes?: Buffer; header?: ImageHeader }): string | undefined {
  const m = DATA_URI.exec(uri);
  if (!m) return 'ExternalGraphic must be a data:image/png|jpeg|gif|webp;base64 URI (no URLs are fetched or read)';
  const b64 = uri.slice(m[0].length).replace(/\s+/g, '');
  // 4 base64 characters carry 3 bytes: refuse before decoding anything large.
  if (Math.floor((b64.length * 3) / 4) > STYLE_LIMITS.graphicBytes + 3)
    return `ExternalGraphic images may have at most ${STYLE_LIMITS.graphicBytes} bytes`;
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length > STYLE_LIMITS.graphicBytes)
    return `ExternalGraphic images may have at most ${STYLE_LIMITS.graphicBytes} bytes`;
  const h = imageHeader(bytes);
  const named = m[1].toLowerCase() === 'jpg' ? 'jpeg' : m[1].toLowerCase();
  if (!h || h.format !== named) return `ExternalGraphic is not a readable image/${named}`;
  const max = STYLE_LIMITS.graphicSide;
  if (h.width < 1 || h.height < 1 || h.width > max || h.height > max)
    return `ExternalGraphic image is ${h.width} × ${h.height} pixels; at most ${max} × ${max} are accepted`;
  if (out) {
    out.bytes = bytes;
    out.header = h;
  }
  return undefined;
}
