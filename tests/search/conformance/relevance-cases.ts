import { FIXTURE_IDS } from '../../fixtures/search-documents';

export interface RelevanceCase {
  readonly q: string;
  readonly expect: string;
  readonly type: 'product' | 'article';
  readonly id: number;
  /** When set, the document must rank above this position. */
  readonly within?: number;
}

const tail = { type: 'product', id: FIXTURE_IDS.tailLight, expect: 'the 宝骏 tail light' } as const;
const article = { type: 'article', id: FIXTURE_IDS.yonhap, expect: 'the Yonhap article' } as const;
const sill = { type: 'product', id: FIXTURE_IDS.sill, expect: 'the 宏光S sill strip' } as const;

/** Cases every engine must pass on FIXTURE_DOCUMENTS. */
export const RELEVANCE_CASES: readonly RelevanceCase[] = [
  { q: '尾灯', ...tail, within: 5 },
  { q: '尾燈', ...tail, within: 5 },
  { q: '后尾灯', ...tail, within: 3 },
  { q: '尾灯总成', ...tail, within: 3 },
  { q: '宝骏730 尾灯', ...tail, within: 3 },
  { q: '尾', ...tail },
  { q: 'baojun', ...tail },
  { q: 'bj', ...tail },
  { q: 'Baojn', ...tail },
  { q: 'tail light', ...tail, within: 5 },
  { q: 'TAIL LAMP', ...tail, within: 5 },
  { q: '１２ｖ', type: 'product', id: FIXTURE_IDS.charger, expect: 'the charger', within: 3 },
  { q: '12v', type: 'product', id: FIXTURE_IDS.charger, expect: 'the charger', within: 3 },
  { q: '24V', type: 'product', id: FIXTURE_IDS.charger, expect: 'the charger', within: 3 },
  { q: '充电', type: 'product', id: FIXTURE_IDS.charger, expect: 'the charger' },
  { q: 'charger', type: 'product', id: FIXTURE_IDS.charger, expect: 'the charger' },
  { q: '宏光', ...sill, within: 3 },
  { q: 'hongguang', ...sill, within: 3 },
  { q: 'door sill', ...sill, within: 5 },
  { q: 'grille', type: 'product', id: FIXTURE_IDS.grille, expect: 'the 享域 grille', within: 3 },
  { q: '中网', type: 'product', id: FIXTURE_IDS.grille, expect: 'the 享域 grille', within: 3 },
  { q: '享域', type: 'product', id: FIXTURE_IDS.grille, expect: 'the 享域 grille', within: 1 },
  { q: 'sticker', type: 'product', id: FIXTURE_IDS.sticker, expect: 'the sticker' },
  { q: '引擎盖', type: 'product', id: FIXTURE_IDS.sticker, expect: 'the sticker' },
  { q: 'Vladivostock', ...article, within: 1 },
  { q: 'Puttin', ...article, within: 1 },
  { q: 'vladi', ...article, within: 1 },
  { q: 'kim putin', ...article, within: 1 },
  { q: "Korea's liberation", ...article, within: 1 },
];
