import { expect } from 'chai';
import sharp from 'sharp';
import { createCanvas } from '@napi-rs/canvas';
import { encodePng } from '../../styles/render/png.js';

describe('PNG encoder (map pictures: indexed when lossless, else 32-bit)', () => {
  it('writes the canvas pixels (straight alpha) so that sharp reads them back, at both zlib levels', async () => {
    const c = createCanvas(64, 48);
    const g = c.getContext('2d');
    g.fillStyle = '#2ca02c';
    g.globalAlpha = 0.35;
    g.fillRect(4, 4, 40, 30);
    g.globalAlpha = 1;
    g.strokeStyle = '#d62728';
    g.lineWidth = 2.5;
    g.beginPath();
    g.arc(40, 24, 15, 0, Math.PI * 2);
    g.stroke();
    const rgba = g.getImageData(0, 0, 64, 48).data;
    // The same picture through sharp from the premultiplied pixels, as a second opinion.
    const want = await sharp(c.data(), { raw: { width: 64, height: 48, channels: 4, premultiplied: true } })
      .raw()
      .toBuffer();
    for (const level of [1, 6]) {
      const png = encodePng(rgba, 64, 48, level);
      const m = await sharp(png).metadata();
      expect([m.width, m.height, m.channels, m.format]).to.deep.equal([64, 48, 4, 'png']);
      const got = await sharp(png).raw().toBuffer();
      let worst = 0;
      for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
      expect(worst, `level ${level}`).to.be.at.most(1);
    }
  });

  const colourType = (png: Buffer) => png[25];
  const pixels = async (png: Buffer) => sharp(png).ensureAlpha().raw().toBuffer();

  it('writes a picture of at most 256 RGBA values as an indexed PNG with the very same pixels', async () => {
    const c = createCanvas(96, 64);
    const g = c.getContext('2d');
    g.strokeStyle = '#1f77b4';
    g.lineWidth = 1.5;
    g.beginPath();
    for (let i = 0; i < 12; i++) {
      g.moveTo(3, 5 * i + 1.3);
      g.lineTo(93, 5 * i + 7 * Math.sin(i));
    }
    g.stroke();
    const rgba = g.getImageData(0, 0, 96, 64).data;
    for (const level of [1, 6]) {
      const png = encodePng(rgba, 96, 64, level);
      expect(colourType(png), 'indexed').to.equal(3);
      expect(png.includes(Buffer.from('tRNS')), 'with a transparency table').to.equal(true);
      expect((await pixels(png)).equals(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength))).to.equal(true);
    }
    // Opaque (a background): no transparency table, still the same pixels.
    g.globalCompositeOperation = 'destination-over';
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, 96, 64);
    const opaque = g.getImageData(0, 0, 96, 64).data;
    const png = encodePng(opaque, 96, 64, 6);
    expect([colourType(png), png.includes(Buffer.from('tRNS'))]).to.deep.equal([3, false]);
    expect((await pixels(png)).equals(Buffer.from(opaque.buffer, opaque.byteOffset, opaque.byteLength))).to.equal(true);
  });

  it('keeps 32-bit RGBA when the picture has more than 256 RGBA values', async () => {
    const rgba = new Uint8ClampedArray(32 * 32 * 4);
    for (let i = 0; i < 32 * 32; i++) rgba.set([i & 255, i >> 5, 7, 255], i * 4);
    const png = encodePng(rgba, 32, 32, 1);
    expect(colourType(png)).to.equal(6);
    expect((await pixels(png)).equals(Buffer.from(rgba.buffer))).to.equal(true);
  });
});
