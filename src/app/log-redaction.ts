/**
 * Request logs must not become a way into someone's order: a signed order link's `sig` is a
 * capability. The request log is one short line (create-app.ts); headers and bodies are never in it.
 */
const SIG = /([?&]sig=)[^&#]*/g;

export function redactUrl(url: string): string {
  return url.replace(SIG, '$1[redacted]');
}
