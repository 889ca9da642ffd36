/** An import never reaches the network: GDAL runs in its own process (import-process.ts)
 *  with these settings, and a path that names a network file system is refused before
 *  GDAL sees it. Verified against GDAL 3.6 (test/security/bounded-import.test.ts): the GML
 *  driver fetches a WFS DescribeFeatureType schemaLocation unless DOWNLOAD_SCHEMA=NO, and any
 *  other HTTP request GDAL might still make goes to a proxy that does not exist. */

/** GDAL configuration set in the import process before any file is opened. */
export const NO_NETWORK_CONFIG: ReadonlyArray<readonly [string, string]> = [
  // Every libcurl request (schemas, xlinks, /vsicurl/, styles) goes to a closed local port and
  // fails at once. The process's environment is cleared of no_proxy, which would bypass it.
  ['GDAL_HTTP_PROXY', '127.0.0.1:1'],
  ['GDAL_HTTPS_PROXY', '127.0.0.1:1'],
  ['GDAL_HTTP_CONNECTTIMEOUT', '1'],
  ['GDAL_HTTP_TIMEOUT', '1'],
  ['GDAL_HTTP_MAX_RETRY', '0'],
  // /vsicurl/ opens nothing (no file has this extension).
  ['CPL_VSIL_CURL_ALLOWED_EXTENSIONS', '.simpul-no-network'],
  // GML: no schema download, no xlink:href resolution.
  ['GML_DOWNLOAD_SCHEMA', 'NO'],
  ['GML_DOWNLOAD_WFS_SCHEMA', 'NO'],
  ['GML_SKIP_RESOLVE_ELEMS', 'ALL'],
  // KML (libkml): no external style files, no remote styleUrl.
  ['LIBKML_EXTERNAL_STYLE', 'NO'],
  ['LIBKML_RESOLVE_STYLE', 'NO'],
];

/** Open options that keep a driver off the network, by GDAL driver name. */
export const NO_NETWORK_OPEN_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  GML: ['DOWNLOAD_SCHEMA=NO', 'WRITE_GFS=NO'],
};

/** Environment variables of the import process that would let requests around the dead proxy. */
export const PROXY_ENV = /^(no_proxy|http_proxy|https_proxy|all_proxy|ftp_proxy|curl_ca_bundle)$/i;

/** GDAL's virtual file systems that reach the network or other processes. */
const NETWORK_VSI =
  /(^|[/\\])vsi(curl|curl_streaming|s3|s3_streaming|gs|gs_streaming|az|az_streaming|adls|oss|oss_streaming|swift|swift_streaming|webhdfs|hdfs|stdin|stdout|subfile|sparse|crypt|cached|mem)\b/i;
/** URLs and GDAL's connection-string prefixes (WFS:, WMS:, PG:…). */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\/|^[A-Za-z][A-Za-z0-9_]+:(?![\\/])/;

/** Why a name given by a user (a file, a layer) may not go to GDAL, or null when it may. */
export function networkPathRefusal(name: string): string | null {
  if (NETWORK_VSI.test(name)) return 'names a GDAL virtual file system: give a local file';
  if (URL_LIKE.test(name)) return 'is a URL or a connection string: give a local file (Simpul does not fetch data)';
  return null;
}
