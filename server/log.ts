/** JSON lines on stdout, one object per event. */
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 } as const;
export type Level = keyof typeof LEVELS;

export interface Logger {
  debug(msg: string, fields?: object): void;
  info(msg: string, fields?: object): void;
  warn(msg: string, fields?: object): void;
  error(msg: string, fields?: object): void;
}

export function createLogger(level: Level = 'info', out: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  const min = LEVELS[level] ?? 20;
  const emit = (lvl: Exclude<Level, 'silent'>) => (msg: string, fields?: object) => {
    if (LEVELS[lvl] < min) return;
    out(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields }));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
