import fs from 'node:fs';
import path from 'node:path';
import type { PaymentProvider } from './payment-provider';

const PROVIDER_FILE = /^[a-z0-9-]+\.(ts|js)$/;
/** Checkout lists methods in this order; providers not named here follow alphabetically. */
const PREFERRED = ['cod', 'bank'];

/**
 * Every file in providers/ that exports `provider` is a payment method: adding Alipay or WeChat Pay
 * is one new file there, with no list to edit. Read once, at start-up, like the migrations folder.
 */
function loadProviders(dir: string): PaymentProvider[] {
  const found: PaymentProvider[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => PROVIDER_FILE.test(f) && !f.endsWith('.d.ts'))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, file)) as { provider?: PaymentProvider };
    if (!mod.provider) throw new Error(`payment provider file ${file} exports no \`provider\``);
    found.push(mod.provider);
  }
  const rank = (p: PaymentProvider) => (PREFERRED.includes(p.code) ? PREFERRED.indexOf(p.code) : PREFERRED.length);
  return found.sort((a, b) => rank(a) - rank(b) || a.code.localeCompare(b.code));
}

export interface PaymentRegistry {
  readonly all: readonly PaymentProvider[];
  get(code: string): PaymentProvider | undefined;
}

export function createPaymentRegistry(dir = path.join(__dirname, 'providers')): PaymentRegistry {
  const all = loadProviders(dir);
  const codes = new Set<string>();
  for (const p of all) {
    if (codes.has(p.code)) throw new Error(`two payment providers share the code "${p.code}"`);
    codes.add(p.code);
  }
  return { all, get: (code) => all.find((p) => p.code === code) };
}
