import { z } from 'zod';
import { BadRequestError } from '../shared/errors';
import { resolveDivision } from './divisions';
import type { PaymentRegistry } from './payment/registry';

export const LIMITS = { name: 20, address: 120, note: 200, email: 254 } as const;

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE = /^1[3-9]\d{9}$/;

export interface CheckoutInput {
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  readonly province: string;
  readonly city: string;
  readonly district: string;
  readonly address: string;
  readonly note: string;
  readonly payment: string;
  readonly idempotencyKey: string;
}

const text = (max: number, required: string, tooLong: string) => z.string().trim().min(1, required).max(max, tooLong);

const schema = z.object({
  name: text(LIMITS.name, '请填写收货人姓名', `收货人姓名最多 ${LIMITS.name} 字`),
  phone: z.string().trim().regex(MOBILE, '请填写 11 位中国大陆手机号'),
  email: z.union([z.literal(''), z.string().trim().email('邮箱格式不正确').max(LIMITS.email)]).optional(),
  province: text(40, '请选择省份', '省份无效'),
  city: text(40, '请选择城市', '城市无效'),
  district: text(40, '请选择区县', '区县无效'),
  address: text(LIMITS.address, '请填写详细地址', `详细地址最多 ${LIMITS.address} 字`),
  note: z.string().trim().max(LIMITS.note, `备注最多 ${LIMITS.note} 字`).optional(),
  payment: z.string().max(20),
  idempotency_key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '表单已失效，请刷新页面后重新提交'),
  _csrf: z.string().optional(),
}).strict();

/** The checkout POST, validated at the edge: each problem is a 400 naming its field; nothing is written. */
export function parseCheckout(body: unknown, payments: PaymentRegistry): CheckoutInput {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.code === 'unrecognized_keys' ? String(issue.keys[0]).slice(0, 40) : String(issue.path[0] ?? '');
    const code = issue.code === 'unrecognized_keys' ? 'unexpected_field' : `invalid_${field}`;
    const message = issue.code === 'unrecognized_keys' ? `不接受字段 ${field.slice(0, 40)}（价格等以商品页为准）` : issue.code === 'invalid_type' ? `缺少字段 ${field}` : issue.message;
    throw new BadRequestError(message, code, { parameter: field });
  }
  const f = parsed.data;
  if (!payments.get(f.payment)) throw new BadRequestError('请选择付款方式', 'invalid_payment', { parameter: 'payment' });
  const division = resolveDivision(f.province, f.city, f.district);
  if (!division) throw new BadRequestError('省、市、区县不匹配，请重新选择', 'invalid_division', { parameter: 'city' });
  return {
    name: f.name, phone: f.phone, email: f.email ?? '', ...division, address: f.address, note: f.note ?? '',
    payment: f.payment, idempotencyKey: f.idempotency_key,
  };
}
