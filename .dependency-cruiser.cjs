// The dependency rule of the project guide, checked by `npm run check:layers`:
//   server/ → ogc/ → tiles/ → styles/ → data/
// An import points down a layer or stays inside its folder (type-only imports included); bin/,
// test/, bench/ and scripts/ sit outside the layers and may import anything. Each rule's name and
// comment are what a failure prints, so they say in plain words what was broken.
const LAYERS = ['server', 'ogc', 'tiles', 'styles', 'data'];
const OUTSIDE = '^(bin|test|bench|scripts)/';

/** One rule per layer: nothing above it, and nothing from outside the layers. */
const layerRules = LAYERS.slice(1).map((layer, i) => {
  const above = LAYERS.slice(0, i + 1);
  return {
    name: `layers: ${layer}/ imports nothing from ${above.map((l) => `${l}/`).join(' ')}`,
    comment: `${layer}/ sits below ${above.join(', ')} in server → ogc → tiles → styles → data: an import only points down a layer (types too). Declare the narrow interface ${layer}/ needs in ${layer}/ and let server/ pass the concrete object.`,
    severity: 'error',
    from: { path: `^${layer}/` },
    to: { path: `^(${above.join('|')})/` },
  };
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'layers: the source imports nothing from bin/ test/ bench/ scripts/',
      comment: 'bin/, test/, bench/ and scripts/ use the layers; no layer depends on them.',
      severity: 'error',
      from: { path: `^(${LAYERS.join('|')})/` },
      to: { path: OUTSIDE },
    },
    {
      name: 'no circular imports',
      comment: 'Modules import each other in a circle: break it by moving what both need into a module below them.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'express only in server/',
      comment:
        'Only server/ adapts HTTP: services below it take a ServiceRequest and return a Reply (data/reply.ts), never Express objects or types.',
      severity: 'error',
      from: { pathNot: `^server/|${OUTSIDE}` },
      to: { path: '(^|/)node_modules/(express|@types/express|@types/express-serve-static-core)/' },
    },
    {
      name: 'database adapters only in data/ (and server/ to open the database)',
      comment:
        'Only data/ talks to the database; server/ may open it at start. Other layers use the Db type from data/db/types.ts and functions of data/ named for what they fetch.',
      severity: 'error',
      from: { pathNot: `^(data|server)/|${OUTSIDE}` },
      to: { path: '^data/db/', pathNot: '^data/db/(types|request-scope)\\.ts$' },
    },
    {
      name: 'database drivers only in data/',
      comment:
        "pg, pg-cursor and PGlite are the database adapters' business (data/db/); nothing else talks SQL to a driver.",
      severity: 'error',
      from: { pathNot: `^data/|${OUTSIDE}` },
      to: { path: '(^|/)node_modules/(pg|pg-cursor|pg-pool|@electric-sql/pglite[^/]*)/' },
    },
    {
      name: 'no import that does not resolve',
      comment: 'An import names a file or package that does not exist.',
      severity: 'error',
      // The map page's browser script imports by URL, from what the server serves.
      from: { pathNot: '^server/web/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Type-only imports count: a layer must not depend on server/ even for a type.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.check.json' },
    // A worktree may link node_modules from elsewhere: keep the paths under node_modules/.
    preserveSymlinks: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|var|vendor|\\.test-tmp)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.cjs', '.mjs', '.d.ts', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
