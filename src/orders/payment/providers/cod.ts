import type { PaymentProvider } from '../payment-provider';

export const provider: PaymentProvider = {
  code: 'cod',
  label: '货到付款',
  hint: '快递送达时向快递员付款（现金或扫码）。',
  shipsBeforePayment: true,
  instructions: (ctx) => ({
    title: '货到付款',
    lines: [{ label: '应付金额', value: ctx.totalText }],
    note: '请在收货时向快递员付款，签收前可当面查验商品。',
  }),
};
