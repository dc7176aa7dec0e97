import type { PaymentProvider } from '../payment-provider';

export const provider: PaymentProvider = {
  code: 'bank',
  label: '银行转账',
  hint: '下单后按页面显示的账户转账，备注订单号，到账后发货。',
  shipsBeforePayment: false,
  instructions: (ctx) => ({
    title: '请转账至以下账户',
    lines: [
      { label: '开户行', value: ctx.settings.bank_name ?? '' },
      { label: '户名', value: ctx.settings.bank_account_name ?? '' },
      { label: '账号', value: ctx.settings.bank_account_no ?? '' },
      { label: '金额', value: ctx.totalText },
      { label: '转账备注（订单号）', value: ctx.orderNumber },
    ],
    note: '转账时请务必在备注中填写订单号，我们核对到账后即安排发货。',
  }),
};
