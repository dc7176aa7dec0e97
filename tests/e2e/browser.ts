import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Debian's Chromium; `npx playwright install` is never used. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
}

export interface CspViolation {
  url: string;
  directive: string;
  blocked: string;
  sample: string;
}

/** Everything a page said that a clean page should not: collected per context, across navigations. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: CspViolation[];
  dialogs: string[];
}

export interface WatchedContext {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
  /** Empties the lists, e.g. between steps of a journey. */
  reset(): void;
  close(): Promise<void>;
}

// Runs before any page script on every document: the CSP event never reaches the console on its
// own for every case (e.g. blocked inline handlers in report-only mode), so record each one.
const CSP_LISTENER = `document.addEventListener('securitypolicyviolation', (e) => {
  window.__qpReportCsp({ url: e.documentURI, directive: e.effectiveDirective || e.violatedDirective, blocked: e.blockedURI, sample: e.sample || '' });
});`;

/**
 * A context whose page reports console errors, uncaught exceptions, CSP violations and dialogs.
 * Dialogs are dismissed (and recorded), so a payload that calls alert() cannot hang a test.
 * `expectedErrorStatus(url)`: Chromium logs "Failed to load resource" for a document that is
 * meant to be a 404/400 page; those are not problems.
 */
export async function watchedContext(browser: Browser, options: BrowserContextOptions = {}, expectedErrorStatus: (url: string) => boolean = () => false): Promise<WatchedContext> {
  const context = await browser.newContext(options);
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], cspViolations: [], dialogs: [] };
  await context.exposeBinding('__qpReportCsp', (_source, v: CspViolation) => {
    problems.cspViolations.push(v);
  });
  await context.addInitScript({ content: CSP_LISTENER });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location().url;
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text()) && expectedErrorStatus(where)) return;
    problems.consoleErrors.push(`${msg.text()} (${where})`);
  });
  page.on('pageerror', (err) => problems.pageErrors.push(err.message));
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  return {
    context,
    page,
    problems,
    reset() {
      problems.consoleErrors.length = 0;
      problems.pageErrors.length = 0;
      problems.cspViolations.length = 0;
      problems.dialogs.length = 0;
    },
    close: () => context.close(),
  };
}

export function noProblems(): PageProblems {
  return { consoleErrors: [], pageErrors: [], cspViolations: [], dialogs: [] };
}
