/** Plain HTML pages of OGC API responses (f=html or a browser's Accept header). */
import { esc } from '../../data/xml.js';

export function wantsHtml(f: string | undefined, accept: string | undefined): boolean {
  if (f) return f.toLowerCase() === 'html';
  return !!accept && /text\/html/.test(accept) && !/application\/(geo\+)?json/.test(accept.split(',')[0]);
}

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>${esc(title)}</title><meta name="viewport" content="width=device-width"><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}</style></head><body><h1>${esc(title)}</h1>${body}</body></html>`;

const linkList = (links: any[]) =>
  `<ul>${links.map((l) => `<li><a href="${esc(l.href)}">${esc(l.title ?? l.rel)}</a> <small>(${esc(l.rel)}, ${esc(l.type ?? '')})</small></li>`).join('')}</ul>`;

/** Any JSON document of ours: title, description, links, collections, features. */
export function htmlPage(doc: any, fallbackTitle: string): string {
  let body = doc.description ? `<p>${esc(doc.description)}</p>` : '';
  if (Array.isArray(doc.conformsTo))
    body += `<ul>${doc.conformsTo.map((c: string) => `<li>${esc(c)}</li>`).join('')}</ul>`;
  if (Array.isArray(doc.collections)) {
    body += `<ul>${doc.collections.map((c: any) => `<li><a href="${esc((c.links ?? []).find((l: any) => l.rel === 'self')?.href?.replace(/\?f=json$/, '') ?? '')}?f=html">${esc(c.title ?? c.id)}</a> <code>${esc(c.id)}</code></li>`).join('')}</ul>`;
  }
  if (Array.isArray(doc.features) || doc.type === 'Feature') {
    const feats = doc.type === 'Feature' ? [doc] : doc.features;
    const keys = [...new Set(feats.flatMap((f: any) => Object.keys(f.properties ?? {})))] as string[];
    body += `<p>${esc(doc.numberReturned ?? feats.length)} of ${esc(doc.numberMatched ?? feats.length)}</p><table><tr><th>id</th>${keys.map((k) => `<th>${esc(k)}</th>`).join('')}</tr>${feats.map((f: any) => `<tr><td>${esc(f.id)}</td>${keys.map((k) => `<td>${esc(f.properties?.[k] ?? '')}</td>`).join('')}</tr>`).join('')}</table>`;
  }
  if (Array.isArray(doc.links)) body += `<h2>Links</h2>${linkList(doc.links)}`;
  return page(doc.title ?? fallbackTitle, body);
}
