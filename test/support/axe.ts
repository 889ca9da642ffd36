/** axe-core in a Chromium page: the accessibility check of every web page's test. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

let source: string | undefined;

/** The rules axe finds broken with a serious or critical impact, as "rule: selectors". */
export async function seriousViolations(page: Page): Promise<string[]> {
  source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  const v = await page.evaluate(
    async () => (await (window as any).axe.run(document, { resultTypes: ['violations'] })).violations,
  );
  return v
    .filter((x: any) => ['serious', 'critical'].includes(x.impact))
    .map(
      (x: any) =>
        `${x.id}: ${x.nodes
          .map((n: any) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
}
