import type { Knex } from 'knex';
import { z } from 'zod';
import { BadRequestError } from '../shared/errors';

export interface ShopSettings {
  readonly deliveryFeeFen: number;
  readonly freeShippingFen: number;
  readonly bankName: string;
  readonly bankAccountName: string;
  readonly bankAccountNo: string;
  readonly notifyEmail: string;
  /** The raw key/value rows, for payment providers' instructions. */
  readonly raw: Readonly<Record<string, string>>;
}

const YUAN = /^\d{1,6}(\.\d{1,2})?$/;
const toFen = (yuan: string) => Math.round(Number(yuan) * 100);

export const settingsForm = z.object({
  delivery_fee: z.string().trim().regex(YUAN, '运费应为金额，如 10 或 12.50'),
  free_shipping: z.string().trim().regex(YUAN, '包邮门槛应为金额，如 199'),
  bank_name: z.string().trim().min(1, '请填写开户行').max(100, '开户行最多 100 字'),
  bank_account_name: z.string().trim().min(1, '请填写户名').max(100, '户名最多 100 字'),
  bank_account_no: z.string().trim().regex(/^[\d ]{8,40}$/, '账号应为 8–40 位数字（可含空格）'),
  notify_email: z.string().trim().email('通知邮箱格式不正确').max(254),
  _csrf: z.string().optional(),
}).strict();

export type SettingsForm = z.infer<typeof settingsForm>;

export async function readSettings(db: Knex | Knex.Transaction): Promise<ShopSettings> {
  const rows: { key: string; value: string }[] = await db('shop_settings').select('key', 'value');
  const raw = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return {
    deliveryFeeFen: Number(raw.delivery_fee_fen ?? 0),
    freeShippingFen: Number(raw.free_shipping_fen ?? 0),
    bankName: raw.bank_name ?? '',
    bankAccountName: raw.bank_account_name ?? '',
    bankAccountNo: raw.bank_account_no ?? '',
    notifyEmail: raw.notify_email ?? '',
    raw,
  };
}

export function settingsToForm(s: ShopSettings): Record<string, string> {
  return {
    delivery_fee: (s.deliveryFeeFen / 100).toFixed(2), free_shipping: (s.freeShippingFen / 100).toFixed(2),
    bank_name: s.bankName, bank_account_name: s.bankAccountName, bank_account_no: s.bankAccountNo, notify_email: s.notifyEmail,
  };
}

export async function saveSettings(db: Knex, body: unknown): Promise<void> {
  const parsed = settingsForm.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadRequestError(issue.message, 'invalid_settings', { parameter: String(issue.path[0] ?? '') });
  }
  const f = parsed.data;
  const values: Record<string, string> = {
    delivery_fee_fen: String(toFen(f.delivery_fee)), free_shipping_fen: String(toFen(f.free_shipping)),
    bank_name: f.bank_name, bank_account_name: f.bank_account_name, bank_account_no: f.bank_account_no, notify_email: f.notify_email,
  };
  await db.transaction(async (trx) => {
    for (const [key, value] of Object.entries(values)) await trx('shop_settings').insert({ key, value }).onConflict('key').merge({ value });
  });
}

/** The flat delivery fee, waived at or above the free-shipping threshold. */
export function deliveryFee(settings: ShopSettings, itemsFen: number): number {
  return settings.freeShippingFen > 0 && itemsFen >= settings.freeShippingFen ? 0 : settings.deliveryFeeFen;
}
