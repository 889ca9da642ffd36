/** Which commands work on the database (see remote.ts and ../admin-channel.ts). */
type Command = { run(args: string[]): Promise<number> };

/** The commands that open the database. PGlite cannot be opened by two processes at all, so
 *  reading ones (layers, user list) go through the node too. `cache clear` is not here: it
 *  touches only the tile cache, and tells a serving node to count again. */
export const DATABASE_COMMANDS: Record<string, () => Promise<Command>> = {
  import: () => import('./import.js'),
  demo: () => import('./demo.js'),
  layers: () => import('./layers.js'),
  publish: () => import('./publish.js'),
  user: () => import('./user.js'),
  token: () => import('./token.js'),
  seed: () => import('./seed.js'),
};
