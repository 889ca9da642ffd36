/** The `simpul` command. Each subcommand lives in server/cli/<name>.ts and exports
 *  `run(args): Promise<number>`; a failing command ends in one line, `simpul: <message>`, with
 *  exit code 1 (2 for a command line that is not right) and no stack unless SIMPUL_DEBUG is set. */
import { OgcError } from '../data/errors.js';
import { USAGE_LOCATOR } from './cli/common.js';
import { DATABASE_COMMANDS } from './cli/commands.js';
import { runOnDataFolder } from './cli/remote.js';

const COMMANDS: Record<string, { help: string; load: () => Promise<{ run(args: string[]): Promise<number> }> }> = {
  serve: { help: 'serve                          start the HTTP server', load: () => import('./cli/serve.js') },
  import: {
    help: 'import FILE --org CODE --name NAME [--title T] [--srs EPSG:N] [--layer SRC] [--encoding CP1252] [--publish] [--access CLASS] [--replace] [--json]',
    load: () => import('./cli/import.js'),
  },
  demo: {
    help: 'demo [--layers N] [--serve]      load the Kota Tangerang demo layers (and N extra layers)',
    load: () => import('./cli/demo.js'),
  },
  layers: { help: 'layers [--json]                list the catalogue', load: () => import('./cli/layers.js') },
  publish: {
    help: "publish LAYER [--status S] [--access CLASS]   change a layer's status/access class",
    load: () => import('./cli/publish.js'),
  },
  user: {
    help: 'user add NAME --role ROLE [--org CODE] [--password P] | user list',
    load: () => import('./cli/user.js'),
  },
  token: { help: 'token issue USER [--label L] | token revoke USER', load: () => import('./cli/token.js') },
  seed: {
    help: 'seed LAYER --zoom 10-16 [--bbox minx,miny,maxx,maxy] [--format png|pbf]',
    load: () => import('./cli/seed.js'),
  },
  cache: { help: 'cache clear [LAYER]', load: () => import('./cli/cache.js') },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(
      `Usage: simpul <command> [options]\n\n${Object.values(COMMANDS)
        .map((c) => '  ' + c.help)
        .join('\n')}\n\nEnvironment: PORT, DATABASE_URL, SIMPUL_DATA_DIR, SIMPUL_PUBLIC_URL (see README).\n`,
    );
    return name ? 0 : 1;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    process.stderr.write(`simpul: unknown command "${name}" (try simpul --help)\n`);
    return 2;
  }
  try {
    // Commands on the database go through the node serving the data folder, or hold its lock.
    if (Object.hasOwn(DATABASE_COMMANDS, name))
      return await runOnDataFolder(name, args, async (a) => (await cmd.load()).run(a));
    return await (await cmd.load()).run(args);
  } catch (err) {
    const message = String((err as Error)?.message ?? err);
    // A usage message may add the command's synopsis on its next lines; any other is one line.
    const isUsage = err instanceof OgcError && err.locator === USAGE_LOCATOR;
    process.stderr.write(`simpul: ${isUsage ? message : message.split('\n')[0]}\n`);
    if (process.env.SIMPUL_DEBUG) console.error(err);
    return isUsage ? 2 : 1;
  }
}
