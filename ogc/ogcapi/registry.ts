/** OGC API parts (Features, Tiles, Records) each add their conformance classes and landing
 *  page links here, so the landing page and /conformance list all of them from one table. */

export interface LandingLink {
  rel: string;
  type: string;
  title: string;
  /** Path under /ogcapi, e.g. `/collections`. */
  path: string;
}

export const CONFORMANCE: string[] = [];
export const LANDING_LINKS: LandingLink[] = [];

export function registerOgcApiPart(part: { conformance: string[]; links?: LandingLink[] }): void {
  for (const c of part.conformance) if (!CONFORMANCE.includes(c)) CONFORMANCE.push(c);
  for (const l of part.links ?? [])
    if (!LANDING_LINKS.some((x) => x.path === l.path && x.rel === l.rel)) LANDING_LINKS.push(l);
}
