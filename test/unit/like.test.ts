/** The one LIKE matcher (data/query/like.ts): same answers as a plain dynamic-programming
 *  reference on many random patterns and values, the OGC pattern options, Unicode and case,
 *  and bounded time on patterns that made the old RegExp backtrack for minutes. */
import { expect } from 'chai';
import fc from 'fast-check';
import { codePoints, compileLike, foldCodePoint, foldText, type LikeSyntax } from '../../data/query/like.js';

const SQL: LikeSyntax = { wildCard: '%', singleChar: '_', escapeChar: '\\', matchCase: true };
const OGC: LikeSyntax = { wildCard: '*', singleChar: '.', escapeChar: '!', matchCase: true };

/** Reference: the pattern as tokens, matched by O(n·m) dynamic programming. */
function reference(pattern: string, value: string, s: LikeSyntax): boolean {
  const fold = !s.matchCase;
  const p = [...codePoints(pattern, false)];
  const cp = (x: string) => (x ? [...codePoints(x, false)] : []);
  const [w, one, esc] = [cp(s.wildCard), cp(s.singleChar), cp(s.escapeChar)];
  const tok: Array<{ k: 'star' | 'one' | 'lit'; c?: number }> = [];
  for (let i = 0; i < p.length; i++) {
    if (esc.length === 1 && p[i] === esc[0] && i + 1 < p.length) tok.push({ k: 'lit', c: p[++i] });
    else if (w.length === 1 && p[i] === w[0]) tok.push({ k: 'star' });
    else if (one.length === 1 && p[i] === one[0]) tok.push({ k: 'one' });
    else tok.push({ k: 'lit', c: p[i] });
  }
  const t = [...codePoints(value, fold)];
  const eq = (a: number, b: number) => (fold ? foldCodePoint(a) === b : a === b);
  // dp[j] = tokens[0..i) match t[0..j)
  let dp = new Array(t.length + 1).fill(false);
  dp[0] = true;
  for (const k of tok) {
    const next = new Array(t.length + 1).fill(false);
    for (let j = 0; j <= t.length; j++) {
      if (k.k === 'star') next[j] = dp[j] || (j > 0 && next[j - 1]);
      else if (j > 0 && dp[j - 1]) next[j] = k.k === 'one' || eq(k.c!, t[j - 1]);
    }
    dp = next;
  }
  return dp[t.length];
}

const like = (p: string, v: string, s: LikeSyntax = SQL) => compileLike(p, s)(v);

describe('LIKE matcher (data/query/like.ts)', () => {
  it('agrees with the reference on random patterns and values', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', '%', '_', '\\', 'é', 'É', '😀', 'σ', 'ς', 'Σ', 'ß');
    const str = fc.array(alphabet, { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(str, str, fc.boolean(), (p, v, matchCase) => {
        const s = { ...SQL, matchCase };
        expect(like(p, v, s), `${JSON.stringify(p)} ~ ${JSON.stringify(v)} matchCase=${matchCase}`).to.equal(
          reference(p, v, s),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the reference on long segments with single-character wildcards (several words of Shift-And)', () => {
    const seg = fc.array(fc.constantFrom('a', 'b', '_'), { minLength: 20, maxLength: 80 }).map((a) => a.join(''));
    const text = fc.array(fc.constantFrom('a', 'b'), { minLength: 0, maxLength: 200 }).map((a) => a.join(''));
    fc.assert(
      fc.property(seg, seg, text, (x, y, v) => {
        for (const p of [`%${x}%`, `a%${x}%${y}`, `%${x}%${y}%b`])
          expect(like(p, v), `${p} ~ ${v}`).to.equal(reference(p, v, SQL));
      }),
      { numRuns: 500 },
    );
  });

  it('takes the OGC options: wildcard, single character and escape of any character', () => {
    expect(like('SD*', 'SD Negeri 1', OGC)).to.equal(true);
    expect(like('S.', 'SD', OGC)).to.equal(true);
    expect(like('S.', 'SDN', OGC)).to.equal(false);
    expect(like('a!*b', 'a*b', OGC)).to.equal(true);
    expect(like('a!*b', 'axb', OGC)).to.equal(false);
    expect(like('50%', '50%', OGC)).to.equal(true, '% is a plain character when * is the wildcard');
    expect(like('50%', '500', OGC)).to.equal(false);
    expect(like('a!', 'a!', OGC)).to.equal(true, 'an escape at the very end stands for itself');
    expect(like('a\\%', 'a%')).to.equal(true);
    expect(like('a\\%', 'ab')).to.equal(false);
    expect(like('a\\_', 'a_')).to.equal(true);
    expect(like('a\\_', 'ab')).to.equal(false);
    expect(like('a%', 'xyz', { wildCard: '', singleChar: '', escapeChar: '', matchCase: true })).to.equal(false);
    expect(like('a%', 'a%', { wildCard: '', singleChar: '', escapeChar: '', matchCase: true })).to.equal(true);
  });

  it('handles the empty pattern and empty values', () => {
    expect(like('', '')).to.equal(true);
    expect(like('', 'a')).to.equal(false);
    expect(like('%', '')).to.equal(true);
    expect(like('%%%', 'abc')).to.equal(true);
    expect(like('_', '')).to.equal(false);
  });

  it('counts characters as code points and lower-cases one code point to one (as ILIKE)', () => {
    expect(like('_', '😀')).to.equal(true, 'one wildcard, one astral character');
    expect(like('__', '😀')).to.equal(false);
    expect(like('%😀_', 'x😀y')).to.equal(true);
    const ci = { ...SQL, matchCase: false };
    expect(like('jalan%', 'JALAN Raya', ci)).to.equal(true);
    expect(like('jalan%', 'JALAN Raya')).to.equal(false);
    expect(like('%é%', 'CAFÉ', ci)).to.equal(true);
    expect(like('σ_', 'ΣΣ', ci)).to.equal(true);
    expect(like('ς', 'Σ', ci)).to.equal(false, 'simple lowercase, as ILIKE: Σ lowers to σ, not to the final ς');
    expect(like('i', 'İ', ci)).to.equal(true, 'İ lowers to i (its simple mapping)');
    expect(like('k', '\u212A', ci)).to.equal(true, 'Kelvin sign folds to k');
    expect(like('_', 'İ', ci)).to.equal(true, 'İ stays one character when folded');
    expect(like('stra_e', 'STRASSE', ci)).to.equal(false, 'no full case folding: ß is one character');
    expect(like('stra_e', 'Straße', ci)).to.equal(true);
  });

  it('answers the same on pre-folded code points (points) and text (text) as on the plain value', () => {
    const alphabet = fc.constantFrom('a', 'B', '%', '_', '\\', 'É', 'é', '😀', 'Σ', 'ς', 'İ', 'ß', '\u212A', 'k');
    const str = fc.array(alphabet, { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(str, str, fc.boolean(), (p, v, matchCase) => {
        const m = compileLike(p, { ...SQL, matchCase });
        expect(m.folds).to.equal(!matchCase);
        expect(m.points(codePoints(v, m.folds)), `${JSON.stringify(p)} ~ ${JSON.stringify(v)}`).to.equal(m(v));
        expect(m.text(m.folds ? foldText(v) : v), `text: ${JSON.stringify(p)} ~ ${JSON.stringify(v)}`).to.equal(m(v));
        expect(foldText(v)).to.equal(String.fromCodePoint(...codePoints(v, true)));
      }),
      { numRuns: 3000 },
    );
  });

  it('finishes in milliseconds on patterns that made a RegExp backtrack', () => {
    const text = 'a'.repeat(100_000);
    const hostile = [
      `${'%a'.repeat(30)}%!`,
      `%${'a'.repeat(5_000)}b%`,
      `%${'a_'.repeat(2_000)}b%`,
      `${'%a_'.repeat(500)}%!`,
      `${'_%'.repeat(2_000)}!`,
    ];
    for (const matchCase of [true, false]) {
      for (const p of hostile) {
        const m = compileLike(p, { ...SQL, matchCase });
        const t0 = performance.now();
        expect(m(text)).to.equal(false);
        const ms = performance.now() - t0;
        // A backtracking matcher takes minutes on these; 2 s leaves room for a loaded CI machine.
        expect(ms, `${p.slice(0, 20)}… took ${ms.toFixed(1)} ms`).to.be.below(2000);
      }
    }
    // The finding's exact pattern on a catalogue-sized text with many a's.
    const t0 = performance.now();
    expect(compileLike('%a%a%a%a%a%a%!', { ...SQL, matchCase: false })('a'.repeat(100_000) + '!')).to.equal(true);
    expect(performance.now() - t0).to.be.below(200);
  });
});
