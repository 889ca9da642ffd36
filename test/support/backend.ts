/** Which database the suite runs against: SIMPUL_TEST_DB=embedded (default) or postgis. */
export type Backend = 'embedded' | 'postgis';
export const BACKEND: Backend = process.env.SIMPUL_TEST_DB === 'postgis' ? 'postgis' : 'embedded';
export const PG_ADMIN_URL = process.env.SIMPUL_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** One id per test run, so that runs on the same machine never share a template. */
export const RUN_ID = (process.env.SIMPUL_TEST_RUN ?? String(process.pid)).replace(/\W/g, '');
export const TEMPLATE_DB = `simpul_test_${RUN_ID}_template`;
export const TEST_DB_PREFIX = `simpul_test_${RUN_ID}_`;
export const TMP_ROOT = new URL('../../.test-tmp/', import.meta.url).pathname;
export const EMBEDDED_TEMPLATE = `${TMP_ROOT}embedded-template-${RUN_ID}`;
/** Official schemas and test data, vendored in the repository (see vendor/README.md). */
export const VENDOR = new URL('../../vendor/', import.meta.url).pathname;
export const SCHEMAS = `${VENDOR}ogc-schemas`;
export const TESTDATA = `${VENDOR}testdata`;
