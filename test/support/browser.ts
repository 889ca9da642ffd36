/** Chromium for the workspace's browser tests: launched as the other workspace tests launch it
 *  (SwiftShader, so the pages' MapLibre maps draw), and a person signed in through the sign-in form
 *  in a browser context of their own. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
}

export interface SignedIn {
  context: BrowserContext;
  page: Page;
}

/** Opens `next` signed out, is sent to the sign-in form, signs in, and lands back on `next`. */
export async function signIn(
  browser: Browser,
  base: string,
  username: string,
  password: string,
  next = '/workspace',
): Promise<SignedIn> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}${next}`);
  await page.waitForURL(/\/workspace\/sign-in\?next=/);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#sign-in');
  await page.waitForURL(`${base}${next}`);
  return { context, page };
}
