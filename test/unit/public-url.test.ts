import { expect } from 'chai';
import type { Request } from 'express';
import { publicBaseUrl } from '../../server/public-url.js';

function req(headers: Record<string, string>, protocol = 'http'): Request {
  const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { protocol, get: (name: string) => h[name.toLowerCase()] } as unknown as Request;
}

describe('public URLs', () => {
  it('uses SIMPUL_PUBLIC_URL when set', () => {
    expect(publicBaseUrl(req({ host: 'internal:8080' }), 'https://geo.tangerangkota.go.id/simpul')).to.equal(
      'https://geo.tangerangkota.go.id/simpul',
    );
  });
  it('follows RFC 7239 Forwarded', () => {
    expect(
      publicBaseUrl(req({ host: 'internal:8080', forwarded: 'for=1.2.3.4;proto=https;host=peta.example.id' }), null),
    ).to.equal('https://peta.example.id');
  });
  it('follows X-Forwarded-Proto/Host/Prefix', () => {
    expect(
      publicBaseUrl(
        req({
          host: 'internal:8080',
          'x-forwarded-proto': 'https',
          'x-forwarded-host': 'peta.example.id',
          'x-forwarded-prefix': '/simpul',
        }),
        null,
      ),
    ).to.equal('https://peta.example.id/simpul');
  });
  it('ignores forged, malformed forwarded values', () => {
    expect(
      publicBaseUrl(
        req({ host: 'localhost:8080', 'x-forwarded-host': 'evil.com/"><script>', 'x-forwarded-prefix': '/a b' }),
        null,
      ),
    ).to.equal('http://localhost:8080');
  });
});
