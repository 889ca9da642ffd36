/** The dependency rule (.dependency-cruiser.cjs, `npm run check:layers`) reports each kind of
 *  broken import by name, checked on a small tree written for the purpose. */
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type IConfiguration, type IViolation } from 'dependency-cruiser';

const ROOT = new URL('../../', import.meta.url).pathname;
const config = createRequire(import.meta.url)(`${ROOT}.dependency-cruiser.cjs`) as IConfiguration;

/** A miniature of the layers: each file, its source. */
const TREE: Record<string, string> = {
  'server/app.ts':
    "import express from 'express';\nimport { openDatabase } from '../data/db/open.js';\nexport const app = express();\nexport const open = openDatabase;\n",
  'ogc/ok.ts':
    "import type { Db } from '../data/db/types.js';\nimport { rows } from '../data/rows.js';\nimport { draw } from '../styles/draw.js';\nexport const ok = (db: Db) => [rows(db), draw()];\n",
  'ogc/uses-express.ts': "import type { Request } from 'express';\nexport const path = (r: Request) => r.path;\n",
  'tiles/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
  'tiles/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
  'styles/draw.ts': 'export const draw = () => 1;\n',
  'styles/opens-db.ts': "import { openDatabase } from '../data/db/open.js';\nexport const open = openDatabase;\n",
  'data/rows.ts':
    "import type { Db } from './db/types.js';\nimport { openDatabase } from './db/open.js';\nexport const rows = (db: Db) => [db, openDatabase];\n",
  'data/upward.ts': "import { app } from '../server/app.js';\nexport const up = app;\n",
  'data/db/types.ts': 'export interface Db { query(sql: string): Promise<unknown> }\n',
  'data/db/open.ts': "import type { Db } from './types.js';\nexport const openDatabase = (): Db | null => null;\n",
  'test/anything.test.ts':
    "import express from 'express';\nimport { app } from '../server/app.js';\nimport { up } from '../data/upward.js';\nexport const all = [express, app, up];\n",
};

describe('dependency rule (.dependency-cruiser.cjs)', function () {
  this.timeout(60_000);
  let dir: string;
  let violations: IViolation[];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'simpul-layers-'));
    for (const [file, text] of Object.entries(TREE)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(
      join(dir, 'tsconfig.check.json'),
      JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true } }),
    );
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const result = await cruise(['server', 'ogc', 'tiles', 'styles', 'data', 'test'], {
        ...config.options,
        validate: true,
        ruleSet: { forbidden: config.forbidden },
      });
      if (typeof result.output === 'string') throw new Error('expected a cruise result');
      violations = result.output.summary.violations;
    } finally {
      process.chdir(cwd);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Every violation as "rule: from → to". */
  const found = () => violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();

  it('reports an upward import, an Express import below server/, a circle and a database opened outside data/, each by name', () => {
    expect(found()).to.deep.equal(
      [
        'layers: data/ imports nothing from server/ ogc/ tiles/ styles/: data/upward.ts → server/app.ts',
        'express only in server/: ogc/uses-express.ts → node_modules/express/index.js',
        'no circular imports: tiles/a.ts → tiles/b.ts',
        'database adapters only in data/ (and server/ to open the database): styles/opens-db.ts → data/db/open.ts',
      ].sort(),
    );
  });

  it('says in each failure what the rule is for', () => {
    const layer = violations.find((v) => v.rule.name.startsWith('layers: data/'));
    expect(layer?.rule.severity).to.equal('error');
    const comments = Object.fromEntries((config.forbidden ?? []).map((r) => [r.name, r.comment]));
    for (const v of violations) expect(comments[v.rule.name], v.rule.name).to.match(/\w+ \w+ \w+/);
  });
});
