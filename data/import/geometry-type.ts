/** An OGR geometry type word read: its base type (1 Point … 6 MultiPolygon, 7 collection, 8 and
 *  above arcs and surfaces) and whether it carries Z or M. 2.5D types carry the high bit (a
 *  negative int in JavaScript); ISO Z/M types add 1000s. */
export function ogrGeometryType(word: number): { base: number; zm: boolean } {
  const code = word < 0 ? word & 0x7fffffff : word;
  return { base: code % 1000, zm: word < 0 || code >= 1000 };
}

/** Points, lines, polygons and their Multi*: the types read from WKB without asking GDAL more. */
export const isSimpleType = (base: number) => base >= 1 && base <= 6;
