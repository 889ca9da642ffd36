/** Entry point of the CLI from sources (tests run it with `node --import tsx server/cli-main.ts`);
 *  bin/simpul.js runs the compiled twin in dist/. */
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2));
