import { formatFen } from '../../shared/money';
import type { CheckoutInput } from '../checkout-form';
import type { OutgoingMail } from './mail-transport';

export interface MessageOrder extends Pick<CheckoutInput, 'name' | 'phone' | 'email' | 'province' | 'city' | 'district' | 'address' | 'note'> {
  readonly id: number;
  readonly number: string;
  readonly paymentLabel: string;
  readonly totalFen: number;
  readonly items: readonly { title: string; variantLabel: string; qty: number; unitFen: number }[];
}

export function newOrderMail(o: MessageOrder, shopEmail: string, orderUrl: string): OutgoingMail {
  const lines = o.items.map((i) => `- ${i.title}${i.variantLabel ? `（${i.variantLabel}）` : ''} × ${i.qty}  ${formatFen(i.unitFen * i.qty)}`);
  return {
    kind: 'order_placed',
    to: shopEmail,
    orderId: o.id,
    subject: `新订单 ${o.number}`,
    text: [
      `订单号：${o.number}`, `付款方式：${o.paymentLabel}`, `合计：${formatFen(o.totalFen)}`, '', ...lines, '',
      `收货人：${o.name} ${o.phone}`, `地址：${o.province}${o.city}${o.district} ${o.address}`,
      o.note ? `备注：${o.note}` : '', '', `后台查看：${orderUrl}`,
    ].join('\n'),
  };
}

export function shippedMail(o: MessageOrder, carrier: string, trackingNo: string, lookupUrl: string): OutgoingMail {
  return {
    kind: 'order_shipped',
    to: o.email,
    orderId: o.id,
    subject: `您的订单 ${o.number} 已发货`,
    text: [`${o.name}，您好：`, '', `您的订单 ${o.number} 已发货。`, `快递公司：${carrier}`, `运单号：${trackingNo}`, '', `查看订单：${lookupUrl}`].join('\n'),
  };
}
