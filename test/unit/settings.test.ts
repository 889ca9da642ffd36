/** The site settings file (server/settings.ts, config/simpul.yaml) and the environment over it
 *  (server/config.ts): defaults, another file, overrides, and one-line refusals naming the key. */
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadConfig } from '../../server/config.js';
import { DEFAULT_SETTINGS, DEFAULT_SETTINGS_FILE, readSettings } from '../../server/settings.js';
import { nodeContext } from '../../server/context.js';
import { createLogger } from '../../server/log.js';
import { GENERATED, validatorSource } from '../support/settings-validator.js';

const dir = mkdtempSync(`${tmpdir()}/simpul-settings-`);
let n = 0;
/** A settings file named simpul.yaml (in a folder of its own) with this text. */
function file(text: string, name = 'simpul.yaml'): string {
  const d = `${dir}/${n++}`;
  mkdirSync(d);
  const path = `${d}/${name}`;
  writeFileSync(path, text);
  return path;
}
const refusal = (text: string) => {
  try {
    readSettings(file(text));
  } catch (err) {
    return (err as Error).message;
  }
  return 'accepted';
};

describe('site settings', () => {
  it('ships config/simpul.yaml equal to the built-in defaults (Kota Tangerang), valid against the schema', () => {
    expect(readSettings(DEFAULT_SETTINGS_FILE)).to.deep.equal(DEFAULT_SETTINGS);
    const c = loadConfig({});
    expect(c.site.provider.organisation).to.equal('Dinas Komunikasi dan Informatika Kota Tangerang');
    // One extent, covering Bappeda's boundaries (north to -6.0971).
    expect(c.site.extent).to.deep.equal([106.55, -6.3, 106.75, -6.09]);
    expect(c.maxFeatures).to.equal(100_000);
    expect(c.caches.wfsCapabilities).to.equal(200);
  });

  it('keeps the validator compiled from config/simpul.schema.json as the schema gives it', async () => {
    const fresh = await validatorSource();
    expect(
      readFileSync(GENERATED, 'utf8') === fresh,
      'server/settings-validate.generated.ts is stale: npx tsx test/support/settings-validator.ts --write',
    ).to.equal(true);
  });

  it('reads the file SIMPUL_CONFIG names; a file sets only what differs', () => {
    const path = file(
      `service:\n  title:\n    id: Simpul Kota Contoh\nprovider:\n  organisation: Diskominfo Kota Contoh\nextent: [110, -7.1, 110.2, -6.9]\nlimits:\n  maxFeatures: 500\n  caches:\n    tilesMB: 8\n`,
    );
    const c = loadConfig({ SIMPUL_CONFIG: path });
    expect(c.site.service.title).to.deep.equal({ id: 'Simpul Kota Contoh', en: DEFAULT_SETTINGS.service.title.en });
    expect(c.site.provider.organisation).to.equal('Diskominfo Kota Contoh');
    expect(c.site.provider.email).to.equal(DEFAULT_SETTINGS.provider.email);
    expect(c.site.extent).to.deep.equal([110, -7.1, 110.2, -6.9]);
    expect(c.maxFeatures).to.equal(500);
    expect(c.caches.tilesMB).to.equal(8);
    expect(c.caches.wfsCapabilities).to.equal(200);
  });

  it('lets the environment override the file', () => {
    const path = file(
      'limits:\n  maxFeatures: 500\n  defaultFeatures: 50\n  maxImagePixels: 1000000\n  maxUploadMB: 10\n',
    );
    const fromFile = loadConfig({ SIMPUL_CONFIG: path });
    expect([
      fromFile.maxFeatures,
      fromFile.defaultFeatures,
      fromFile.maxImagePixels,
      fromFile.maxUploadBytes,
    ]).to.deep.equal([500, 50, 1_000_000, 10 * 1024 * 1024]);
    const c = loadConfig({
      SIMPUL_CONFIG: path,
      SIMPUL_MAX_FEATURES: '700',
      SIMPUL_DEFAULT_FEATURES: '70',
      SIMPUL_MAX_IMAGE_PIXELS: '2000000',
      SIMPUL_MAX_UPLOAD_MB: '20',
    });
    expect([c.maxFeatures, c.defaultFeatures, c.maxImagePixels, c.maxUploadBytes]).to.deep.equal([
      700,
      70,
      2_000_000,
      20 * 1024 * 1024,
    ]);
  });

  it('refuses a bad value in the file with one line naming the key', () => {
    expect(refusal('limits:\n  maxFeatures: abc\n')).to.equal(
      'simpul.yaml: limits.maxFeatures must be an integer >= 1 (got "abc")',
    );
    expect(refusal('limits:\n  maxFeatures: 0\n')).to.equal(
      'simpul.yaml: limits.maxFeatures must be an integer >= 1 (got 0)',
    );
    expect(refusal('limits:\n  caches:\n    tilesMB: 1.5\n')).to.equal(
      'simpul.yaml: limits.caches.tilesMB must be an integer >= 1 (got 1.5)',
    );
    expect(refusal('limits:\n  maxFeaturs: 10\n')).to.match(
      /^simpul\.yaml: limits\.maxFeaturs is not a setting \(known: maxImagePixels, maxFeatures,/,
    );
    expect(refusal('provider:\n  email: nobody\n')).to.match(
      /^simpul\.yaml: provider\.email must be a text matching .* \(got "nobody"\)$/,
    );
    expect(refusal('extent: [106.75, -6.3, 106.55, -6.09]\n')).to.match(
      /^simpul\.yaml: extent must be \[minLon, minLat, maxLon, maxLat\] with min < max/,
    );
    expect(refusal('extent: [106.55, -96, 106.75, -6.09]\n')).to.equal(
      'simpul.yaml: extent[1] must be a number >= -90 <= 90 (got -96)',
    );
    expect(refusal('languages: [id, fr]\n')).to.equal(
      'simpul.yaml: languages[1] must be a text (one of id, en) (got "fr")',
    );
    expect(refusal('service:\n  title: Simpul\n')).to.equal(
      'simpul.yaml: service.title must be a mapping of keys (got "Simpul")',
    );
    expect(refusal('limits: [1\n')).to.match(/^simpul\.yaml: not valid YAML: /);
  });

  it('refuses a missing SIMPUL_CONFIG file and bad environment values, naming them', () => {
    expect(() => loadConfig({ SIMPUL_CONFIG: `${dir}/none.yaml` })).to.throw(/^SIMPUL_CONFIG: no settings file /);
    expect(() => loadConfig({ SIMPUL_MAX_FEATURES: 'abc' })).to.throw(
      'SIMPUL_MAX_FEATURES must be an integer >= 1 (got "abc")',
    );
    expect(() => loadConfig({ SIMPUL_DEFAULT_FEATURES: '0' })).to.throw(
      'SIMPUL_DEFAULT_FEATURES must be an integer >= 1 (got "0")',
    );
    expect(() => loadConfig({ SIMPUL_MAX_IMAGE_PIXELS: '4k' })).to.throw(/^SIMPUL_MAX_IMAGE_PIXELS /);
    expect(() => loadConfig({ SIMPUL_MAX_UPLOAD_MB: '-1' })).to.throw(/^SIMPUL_MAX_UPLOAD_MB /);
    expect(() => loadConfig({ PORT: 'http' })).to.throw(/^PORT /);
    expect(() => loadConfig({ SIMPUL_RENDER_THREADS: 'many' })).to.throw(/^SIMPUL_RENDER_THREADS /);
  });

  it("sizes the node's caches from the settings, made per node", async () => {
    const path = file('limits:\n  caches:\n    tilesMB: 3\n    styles: 7\n    storedStyles: 9\n');
    const config = { ...loadConfig({ SIMPUL_CONFIG: path }), renderThreads: 1 };
    const catalogue = { onChange() {}, unguardedAll: () => [] } as any;
    const a = nodeContext({ db: {} as any, catalogue, config, log: createLogger('silent') });
    const b = nodeContext({ db: {} as any, catalogue, config, log: createLogger('silent') });
    try {
      expect(a.tiles.hot.maxSize).to.equal(3 * 1024 * 1024);
      expect(a.styles.parsed.max).to.equal(7);
      expect(a.styles.stored.byLayer.max).to.equal(9);
      expect(a.styles).to.not.equal(b.styles);
      expect(a.records).to.not.equal(b.records);
    } finally {
      for (const ctx of [a, b]) for (const close of ctx.onClose) await close();
    }
  });
});
