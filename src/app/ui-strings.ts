/** User-facing Chinese strings that views share; tests assert statuses and codes, not these. */
export const UI = Object.freeze({
  siteName: '汽配商城',
  tagline: '汽车用品与改装配件 · 车贴、中网、充电器、门槛条、尾灯总成',
  contactEmail: 'kefu@qipei.example',
  nav: { home: '首页', products: '全部商品', news: '资讯', search: '搜索' },
  search: { placeholder: '搜索配件、车型或资讯，如 宝骏730 尾灯', submit: '搜索' },
  searchUnavailable: { heading: '搜索暂时不可用', hint: '商品和资讯页面照常浏览，搜索恢复后会自动跟上最新内容。', browse: '浏览全部商品' },
  stock: { in: '现货', out: '缺货', low: '仅剩' },
  sorts: { relevance: '综合', newest: '最新上架', price_asc: '价格从低到高', price_desc: '价格从高到低' } as Record<string, string>,
});
