/** An import that cannot go on: the message names the file, the layer and, where it can,
 *  the feature, and says what to do. Shown to people as it is (CLI line, HTTP 400/403/409/413/503). */
export class ImportError extends Error {
  constructor(message: string, readonly status: 400 | 403 | 409 | 413 | 503 = 400) {
    super(message);
  }
}
