/** A drawn canvas → the requested image format: lossless PNG by png.ts (indexed when at most 256
 *  RGBA values, else 32-bit), the others by sharp. */
import type { Canvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import { encodePng } from './png.js';

export const IMAGE_FORMATS = ['image/png', 'image/png; mode=8bit', 'image/jpeg', 'image/webp'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

/** Accepted spellings → the canonical format. */
export function imageFormat(text: string): ImageFormat | undefined {
  const t = text.toLowerCase().replace(/\s+/g, '');
  const table: Record<string, ImageFormat> = {
    'image/png': 'image/png',
    png: 'image/png',
    'image/png;mode=8bit': 'image/png; mode=8bit',
    'image/png8': 'image/png; mode=8bit',
    png8: 'image/png; mode=8bit',
    'image/jpeg': 'image/jpeg',
    'image/jpg': 'image/jpeg',
    jpeg: 'image/jpeg',
    jpg: 'image/jpeg',
    'image/webp': 'image/webp',
    webp: 'image/webp',
  };
  return table[t];
}

const SYNC_PNG_PIXELS = 1024 * 1024;

/** A canvas → the requested image format. Pixels are read with getImageData, which gives
 *  straight alpha in one native step (canvas.data() gives premultiplied pixels, and undoing
 *  that in JavaScript or in sharp cost more than the read). `busy`: other pictures are waiting
 *  for the CPU, so PNG trades size for time (zlib level 1, about twice as fast as 6). */
export async function encodeCanvas(
  canvas: Canvas,
  format: ImageFormat,
  background?: string,
  busy = false,
): Promise<Buffer> {
  const { width, height } = canvas;
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const compressionLevel = busy ? 1 : 6;
  // Small pictures synchronously (cheaper); large ones in sharp's threads, never blocking a thread for long.
  if (format === 'image/png' && width * height <= SYNC_PNG_PIXELS)
    return encodePng(rgba, width, height, compressionLevel);
  const img = sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), {
    raw: { width, height, channels: 4 },
  });
  switch (format) {
    case 'image/png':
      return img.png({ compressionLevel, adaptiveFiltering: false }).toBuffer();
    case 'image/png; mode=8bit':
      return img.png({ palette: true, effort: 1, compressionLevel, adaptiveFiltering: false }).toBuffer();
    case 'image/jpeg':
      return img
        .flatten({ background: background ?? '#ffffff' })
        .jpeg({ quality: 80 })
        .toBuffer();
    case 'image/webp':
      return img.webp({ quality: 80, effort: 1 }).toBuffer();
  }
}
