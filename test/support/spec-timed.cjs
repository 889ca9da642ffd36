// mocha's spec reporter, then the ten slowest test files with their times (hooks included), so a
// CI log shows where the suite's minutes go.
const Mocha = require('mocha');

const { EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_RUN_END } = Mocha.Runner.constants;

class SpecTimed extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const started = new Map();
    const took = [];
    runner.on(EVENT_SUITE_BEGIN, (s) => {
      if (s.parent?.root) started.set(s, Date.now());
    });
    runner.on(EVENT_SUITE_END, (s) => {
      if (started.has(s)) took.push([Date.now() - started.get(s), s.file ?? s.title]);
    });
    runner.once(EVENT_RUN_END, () => {
      took.sort((a, b) => b[0] - a[0]);
      const total = took.reduce((n, [ms]) => n + ms, 0);
      process.stdout.write(`\n  slowest test files (of ${(total / 1000).toFixed(0)} s in all):\n`);
      for (const [ms, file] of took.slice(0, 10))
        process.stdout.write(
          `  ${(ms / 1000).toFixed(1).padStart(7)} s  ${String(file).replace(process.cwd() + '/', '')}\n`,
        );
    });
  }
}

module.exports = SpecTimed;
