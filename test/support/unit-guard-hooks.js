// Module resolution hook of test/support/unit-guard.js (runs on the loader thread).
let forbidden = /^$/;

export function initialize(data) {
  forbidden = new RegExp(data.forbidden);
}

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (forbidden.test(resolved.url)) {
    throw new Error(
      `unit tests must not load ${specifier} (imported from ${context.parentURL}); import only the module under test, or move the test out of test/unit/`,
    );
  }
  return resolved;
}
