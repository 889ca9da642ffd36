/** An import that cannot go on: the message names the file, the layer and, where it can,
 *  the feature, and says what to do. Shown to people as it is (CLI line, HTTP 400/413). */
export class ImportError extends Error {
  constructor(message: string, readonly status: 400 | 409 | 413 = 400) {
    super(message);
  }
}
