import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: a number read out over the phone or copied from a bank slip can't be misread. */
export const ORDER_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ORDER_NUMBER = /^QP\d{8}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/;

const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** QP20261201-7K3F: the shop's date (Asia/Shanghai) and four random characters, retried on collision. */
export function newOrderNumber(at: Date): string {
  const date = day.format(at).replace(/-/g, '');
  let tail = '';
  for (let i = 0; i < 4; i++) tail += ORDER_ALPHABET[randomInt(ORDER_ALPHABET.length)];
  return `QP${date}-${tail}`;
}
