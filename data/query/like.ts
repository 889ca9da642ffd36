/** The one LIKE / wildcard matcher for filters evaluated in memory (CSW and OGC API Records
 *  queries, SLD rules). A pattern is compiled once; a match then takes time linear in the
 *  value for literal segments and O(n·⌈k/32⌉) for a segment of k characters that holds
 *  single-character wildcards — never the exponential backtracking of a RegExp built from
 *  the pattern (issue #15, finding 1). No RegExp is made from user input here.
 *
 *  How: the pattern is cut at its multi-character wildcards into fixed-length segments. The
 *  first must match at the start, the last at the end, and each middle one is placed at its
 *  leftmost occurrence after the previous (for fixed-length segments the leftmost placement
 *  is always the best one, so nothing is ever retried). A literal segment is found with
 *  Knuth–Morris–Pratt, a segment with single-character wildcards with bit-parallel Shift-And.
 *
 *  Characters are Unicode code points (a single-character wildcard matches one code point,
 *  also outside the BMP). Case-insensitive matching lower-cases the pattern and the value one
 *  code point at a time with the Unicode simple lowercase mapping (foldCodePoint), which is
 *  what PostgreSQL's ILIKE does in a UTF-8 database (lower() of both sides, then LIKE): folding
 *  never changes a string's length, so a single-character wildcard still matches exactly one
 *  character of the value. Σ and σ match (ς, the final form, only itself), K (Kelvin sign)
 *  matches k, İ matches i. */

export interface LikeSyntax {
  /** Matches any run of characters (OGC wildCard; `%` in SQL/CQL2). Empty = none. */
  wildCard: string;
  /** Matches exactly one character (OGC singleChar; `_`). Empty = none. */
  singleChar: string;
  /** Makes the next character literal (OGC escapeChar; `\`). Empty = none. */
  escapeChar: string;
  /** false: compare case-folded (see above). */
  matchCase: boolean;
}

/** A compiled pattern: call it with a value, or give `points` the value's code points already
 *  in the matcher's form (`codePoints(value, matcher.folds)`), or `text` the value as a string
 *  already in that form (`foldText(value)` when it folds) — a caller that matches the same long
 *  text often (a record's AnyText) folds it once instead of on every call. */
export interface LikeMatcher {
  (value: string): boolean;
  points(value: Int32Array): boolean;
  text(value: string): boolean;
  /** Whether the matcher compares case-folded code points (matchCase false). */
  readonly folds: boolean;
}

/** A segment character that matches any one character. */
const ANY = -1;

/** One code point of a pattern option, or undefined unless it is exactly one character. */
function optionChar(s: string): number | undefined {
  if (!s) return undefined;
  const c = s.codePointAt(0)!;
  return s.length === (c > 0xffff ? 2 : 1) ? c : undefined;
}

const foldCache = new Map<number, number>();
const FOLD_CACHE_MAX = 65_536;

/** The simple lowercase of one code point: the first code point of its lowercase (only İ
 *  lowers to two, i and a combining dot; its simple mapping is the plain i). */
export function foldCodePoint(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  const hit = foldCache.get(c);
  if (hit !== undefined) return hit;
  const f = String.fromCodePoint(c).toLowerCase().codePointAt(0) ?? c;
  if (foldCache.size < FOLD_CACHE_MAX) foldCache.set(c, f);
  return f;
}

/** A string as its code points, folded when `fold`. */
export function codePoints(s: string, fold: boolean): Int32Array {
  const out = new Int32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        i++;
      }
    }
    out[n++] = fold ? foldCodePoint(c) : c;
  }
  return n === s.length ? out : out.subarray(0, n);
}

/** A string with every code point folded (foldCodePoint): the same length in UTF-16 units. */
export function foldText(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Plain ASCII outside A–Z folds to itself: copy runs of it at once.
    if (c < 128 && (c < 65 || c > 90)) continue;
    const cp = s.codePointAt(i)!;
    const f = foldCodePoint(cp);
    out += s.slice(from, i) + String.fromCodePoint(f);
    if (cp > 0xffff) i++;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Finds a segment in text[from, to): the leftmost start, or -1. */
type Search = (text: Int32Array, from: number, to: number) => number;

/** Does `seg` match text at `at` (fixed length; ANY matches anything)? */
function matchesAt(seg: Int32Array, text: Int32Array, at: number): boolean {
  if (at < 0 || at + seg.length > text.length) return false;
  for (let j = 0; j < seg.length; j++) if (seg[j] !== ANY && seg[j] !== text[at + j]) return false;
  return true;
}

/** Knuth–Morris–Pratt for a literal segment: O(n + k). */
function kmpSearch(seg: Int32Array): Search {
  const k = seg.length;
  const fail = new Int32Array(k);
  for (let i = 1, j = 0; i < k; i++) {
    while (j > 0 && seg[i] !== seg[j]) j = fail[j - 1];
    if (seg[i] === seg[j]) j++;
    fail[i] = j;
  }
  return (text, from, to) => {
    if (k === 0) return from <= to ? from : -1;
    for (let i = from, j = 0; i < to; i++) {
      while (j > 0 && text[i] !== seg[j]) j = fail[j - 1];
      if (text[i] === seg[j]) j++;
      if (j === k) return i - k + 1;
    }
    return -1;
  };
}

/** Bit-parallel Shift-And for a segment with single-character wildcards: O(n·⌈k/32⌉). */
function shiftAndSearch(seg: Int32Array): Search {
  const k = seg.length;
  const words = (k + 31) >>> 5;
  const anyMask = new Int32Array(words);
  for (let j = 0; j < k; j++) if (seg[j] === ANY) anyMask[j >>> 5] |= 1 << (j & 31);
  const masks = new Map<number, Int32Array>();
  for (let j = 0; j < k; j++) {
    if (seg[j] === ANY || masks.has(seg[j])) continue;
    const m = anyMask.slice();
    for (let i = 0; i < k; i++) if (seg[i] === seg[j]) m[i >>> 5] |= 1 << (i & 31);
    masks.set(seg[j], m);
  }
  const lastWord = words - 1;
  const lastBit = (k - 1) & 31;
  return (text, from, to) => {
    const state = new Int32Array(words);
    for (let i = from; i < to; i++) {
      const mask = masks.get(text[i]) ?? anyMask;
      let carry = 1;
      for (let w = 0; w < words; w++) {
        const top = state[w] >>> 31;
        state[w] = ((state[w] << 1) | carry) & mask[w];
        carry = top;
      }
      if ((state[lastWord] >>> lastBit) & 1) return i - k + 1;
    }
    return -1;
  };
}

/** Compiles an OGC/SQL LIKE pattern into a matcher of whole values. */
export function compileLike(pattern: string, syntax: LikeSyntax): LikeMatcher {
  const fold = !syntax.matchCase;
  const wild = optionChar(syntax.wildCard);
  const single = optionChar(syntax.singleChar);
  const escape = optionChar(syntax.escapeChar);
  const p = codePoints(pattern, false);

  // Cut at the multi-character wildcards; runs of them count as one.
  const segments: number[][] = [[]];
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    const cur = segments[segments.length - 1];
    // An escape character at the very end stands for itself.
    if (escape !== undefined && c === escape && i + 1 < p.length) cur.push(fold ? foldCodePoint(p[++i]) : p[++i]);
    else if (wild !== undefined && c === wild) {
      if (cur.length || segments.length === 1) segments.push([]);
    } else if (single !== undefined && c === single) cur.push(ANY);
    else cur.push(fold ? foldCodePoint(c) : c);
  }
  const segs = segments.map((s) => Int32Array.from(s));
  const points = segs.length === 1 ? exactly(segs[0]) : around(segs);
  // A value shorter (in UTF-16 units) than the pattern's fixed characters cannot match.
  const minLength = segs.reduce((n, s) => n + s.length, 0);
  // Without single-character wildcards the segments are plain strings, matched with the
  // engine's own string search (much faster than a loop over code points on long texts); a
  // literal code-point sequence matches a UTF-16 string exactly where its units do.
  const literal = segs.every((s) => !s.includes(ANY));
  const text = literal
    ? aroundText(segments.map((s) => s.map((c) => String.fromCodePoint(c)).join('')))
    : (t: string) => points(codePoints(t, false));
  const matcher = literal
    ? (v: string) => v.length >= minLength && text(fold ? foldText(v) : v)
    : (v: string) => v.length >= minLength && points(codePoints(v, fold));
  return Object.assign(matcher, { points, text, folds: fold });
}

/** `exactly` and `around` for literal segments, on strings. */
function aroundText(segs: string[]): (t: string) => boolean {
  if (segs.length === 1) return (t) => t === segs[0];
  const first = segs[0];
  const last = segs[segs.length - 1];
  const middle = segs.slice(1, -1).filter((s) => s.length > 0);
  const minLength = segs.reduce((n, s) => n + s.length, 0);
  return (t) => {
    if (t.length < minLength || !t.startsWith(first) || !t.endsWith(last)) return false;
    const end = t.length - last.length;
    let pos = first.length;
    for (const m of middle) {
      const at = t.indexOf(m, pos);
      if (at < 0 || at + m.length > end) return false;
      pos = at + m.length;
    }
    return pos <= end;
  };
}

/** A pattern without multi-character wildcards: the whole value is its one segment. */
function exactly(only: Int32Array): (t: Int32Array) => boolean {
  return (t) => t.length === only.length && matchesAt(only, t, 0);
}

/** A pattern cut by multi-character wildcards: first at the start, last at the end, the middle
 *  ones each at its leftmost place after the one before. */
function around(segs: Int32Array[]): (t: Int32Array) => boolean {
  const first = segs[0];
  const last = segs[segs.length - 1];
  const middle = segs.slice(1, -1).filter((s) => s.length > 0);
  const searches = middle.map((s) => (s.includes(ANY) ? shiftAndSearch(s) : kmpSearch(s)));
  const minLength = segs.reduce((n, s) => n + s.length, 0);
  return (t) => {
    if (t.length < minLength) return false;
    const end = t.length - last.length;
    if (!matchesAt(first, t, 0) || !matchesAt(last, t, end)) return false;
    let pos = first.length;
    for (let s = 0; s < middle.length; s++) {
      const at = searches[s](t, pos, end);
      if (at < 0) return false;
      pos = at + middle[s].length;
    }
    return pos <= end;
  };
}
