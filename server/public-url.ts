/** The URL clients use to reach this node, for links in capabilities and records:
 *  SIMPUL_PUBLIC_URL when set, else RFC 7239 `Forwarded`, else `X-Forwarded-Proto/Host/Prefix`,
 *  else the request's own Host. */
import type { Request } from 'express';

const TOKEN = /^[A-Za-z0-9.:\-[\]]+$/;

export function publicBaseUrl(req: Request, configured: string | null): string {
  if (configured) return configured;
  let proto: string | undefined;
  let host: string | undefined;
  const fwd = req.get('forwarded');
  if (fwd) {
    const first = fwd.split(',')[0];
    for (const part of first.split(';')) {
      const [k, v] = part.split('=').map((s) => s?.trim());
      const val = v?.replace(/^"|"$/g, '');
      if (/^proto$/i.test(k) && val && /^https?$/i.test(val)) proto = val.toLowerCase();
      if (/^host$/i.test(k) && val && TOKEN.test(val)) host = val;
    }
  }
  const xfProto = req.get('x-forwarded-proto')?.split(',')[0].trim();
  const xfHost = req.get('x-forwarded-host')?.split(',')[0].trim();
  const xfPort = req.get('x-forwarded-port')?.split(',')[0].trim();
  if (!proto && xfProto && /^https?$/i.test(xfProto)) proto = xfProto.toLowerCase();
  if (!host && xfHost && TOKEN.test(xfHost))
    host = xfPort && /^\d+$/.test(xfPort) && !xfHost.includes(':') ? `${xfHost}:${xfPort}` : xfHost;
  proto ??= req.protocol;
  host ??= req.get('host') && TOKEN.test(req.get('host')!) ? req.get('host')! : 'localhost';
  let prefix = req.get('x-forwarded-prefix')?.split(',')[0].trim() ?? '';
  if (!/^(\/[A-Za-z0-9._~\-]+)*\/?$/.test(prefix)) prefix = '';
  return `${proto}://${host}${prefix.replace(/\/$/, '')}`;
}
