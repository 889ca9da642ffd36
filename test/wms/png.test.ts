import { expect } from 'chai';
import sharp from 'sharp';
import { createCanvas } from '@napi-rs/canvas';
import { encodePng } from '../../styles/render/png.js';

describe('PNG encoder (32-bit map pictures)', () => {
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
    const want = await sharp(c.data(), { raw: { width: 64, height: 48, channels: 4, premultiplied: true } }).raw().toBuffer();
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
});
