/** Which database the suite runs against: SIMPUL_TEST_DB=embedded (default) or postgis. */
export type Backend = 'embedded' | 'postgis';
export const BACKEND: Backend = process.env.SIMPUL_TEST_DB === 'postgis' ? 'postgis' : 'embedded';
export const PG_ADMIN_URL = process.env.SIMPUL_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEMPLATE_DB = 'simpul_test_template';
export const TMP_ROOT = new URL('../../.test-tmp/', import.meta.url).pathname;
export const EMBEDDED_TEMPLATE = `${TMP_ROOT}embedded-template`;
export const SHARED = new URL('../../../shared/', import.meta.url).pathname;
export const SCHEMAS = `${SHARED}ogc-schemas`;
export const TESTDATA = `${SHARED}testdata`;
