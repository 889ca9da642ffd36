import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const ROOT = new URL('../../', import.meta.url).pathname;

/** The compose file as Debian's docker-compose resolves it (no Docker engine needed), as JSON. */
function composeConfig(env: NodeJS.ProcessEnv = {}): any {
  const yaml = execFileSync('docker-compose', ['-f', `${ROOT}docker-compose.yml`, 'config'], {
    cwd: ROOT,
    env: { ...process.env, POSTGRES_PASSWORD: '', SIMPUL_PUBLIC_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const json = execFileSync('python3', ['-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin)))'], {
    input: yaml,
  });
  return JSON.parse(String(json));
}

describe('docker: image and compose file', () => {
  it('docker-compose config accepts the compose file: PostGIS 15 + Simpul, both with health checks', () => {
    const c = composeConfig({ POSTGRES_PASSWORD: 'rahasia', SIMPUL_PUBLIC_URL: 'https://peta.tangerangkota.go.id' });
    expect(Object.keys(c.services).sort()).to.deep.equal(['db', 'simpul']);
    const { db, simpul } = c.services;
    expect(db.image).to.equal('postgis/postgis:15-3.4');
    expect(db.healthcheck.test.join(' ')).to.contain('pg_isready');
    expect(simpul.build.context.replace(/\/$/, '')).to.equal(ROOT.replace(/\/$/, ''));
    expect(simpul.depends_on.db.condition).to.equal('service_healthy');
    expect(simpul.environment.DATABASE_URL).to.equal('postgres://simpul:rahasia@db:5432/simpul');
    expect(simpul.environment.SIMPUL_PUBLIC_URL).to.equal('https://peta.tangerangkota.go.id');
    expect(simpul.healthcheck.test.join(' ')).to.contain('/ready');
    expect(simpul.ports[0]).to.include({ target: 8080 });
  });

  it('builds on node:20-bookworm with the system GDAL and serves with bin/simpul.js', () => {
    const df = readFileSync(`${ROOT}Dockerfile`, 'utf8');
    expect(df).to.match(/^FROM node:20-bookworm$/m);
    expect(df).to.match(/apt-get install[^\n]*libgdal-dev[^\n]*gdal-bin/);
    expect(df).to.contain('npm_config_build_from_source=gdal-async npm_config_shared_gdal=true npm ci');
    expect(df).to.contain('CMD ["node", "bin/simpul.js", "serve"]');
    const ignore = readFileSync(`${ROOT}.dockerignore`, 'utf8').split('\n');
    expect(ignore).to.include.members(['node_modules', 'dist', '.git', 'var']);
  });
});
