/** A deterministic generator of Taobao-style listings for benchmarks and scale tests. */
import { vehicleCatalog } from '../fitment';

const MAKES = ['五菱', '宝骏', '本田', '丰田', '大众', '比亚迪', '吉利', '长安', '哈弗', '日产', '特斯拉', '奥迪', '别克', '奇瑞'];
const MODELS_PER_MAKE = 8;

/**
 * Makes with up to eight sibling models each from the fitment catalogue (H6, H9, 大狗, F7…; Model 3,
 * Model Y…), so a catalogue is full of near-duplicate listings for the wrong model of the right make.
 */
export const VEHICLES: readonly (readonly [string, readonly string[]])[] = MAKES.map((name) => {
  const make = vehicleCatalog().makeByName(name);
  return [name, (make?.models ?? []).slice(0, MODELS_PER_MAKE).map((m) => m.name)] as const;
});

export const PARTS: { category: string; names: string[]; min: number; max: number; specs: [string, string[]][] }[] = [
  { category: 'stickers', names: ['车贴', '拉花', '碳纤维贴纸', '划痕遮挡贴', '引擎盖贴'], min: 9.9, max: 89, specs: [['材质', ['PVC', '3M膜', '反光膜']]] },
  { category: 'grilles', names: ['中网', '蜂窝中网', '前脸亮条', '黑武士中网'], min: 198, max: 680, specs: [['材质', ['ABS', '304不锈钢', '铝合金']]] },
  { category: 'sill-strips', names: ['门槛条', '迎宾踏板', '后护板', '侧踏板'], min: 49, max: 399, specs: [['材质', ['304不锈钢', '碳纤维纹', '铝合金']]] },
  { category: 'car-covers', names: ['车衣', '车罩', '半罩车衣'], min: 89, max: 499, specs: [['面料', ['牛津布', '铝膜', '加厚棉绒']]] },
  { category: 'headlights', names: ['大灯总成', 'LED大灯灯泡', '透镜大灯', '日行灯'], min: 99, max: 2380, specs: [['光源', ['LED', '氙气', '卤素']]] },
  { category: 'tail-lights', names: ['尾灯总成', '后尾灯', '刹车灯', '流水转向尾灯'], min: 168, max: 1680, specs: [['光源', ['LED', '卤素']]] },
  { category: 'chargers', names: ['电瓶充电器', '车载充电器', '无线充电器', '快充点烟器'], min: 29, max: 399, specs: [['电压', ['12V', '24V', '12V/24V']]] },
  { category: 'dash-cams', names: ['行车记录仪', '流媒体后视镜', '隐藏式记录仪'], min: 169, max: 599, specs: [['分辨率', ['1080P', '2K', '4K']]] },
  { category: 'phone-holders', names: ['手机支架', '磁吸支架', '出风口支架'], min: 19.9, max: 169, specs: [['安装方式', ['出风口', '吸盘', '仪表台']]] },
  { category: 'floor-mats', names: ['脚垫', '全包围脚垫', 'TPE脚垫', '丝圈脚垫'], min: 99, max: 399, specs: [['材质', ['TPE', '皮革', '丝圈']]] },
  { category: 'seat-covers', names: ['座套', '坐垫', '冰丝凉垫'], min: 129, max: 899, specs: [['材质', ['皮革', '冰丝', '亚麻']]] },
  { category: 'steering-wheel-covers', names: ['方向盘套', '翻毛皮方向盘套'], min: 39, max: 159, specs: [['尺寸', ['38cm', '40cm']]] },
  { category: 'car-perfume', names: ['车载香水', '香薰', '出风口香薰'], min: 19.9, max: 89, specs: [['香型', ['古龙', '海洋', '桂花']]] },
  { category: 'car-wash', names: ['洗车液', '擦车巾', '洗车机', '镀晶套装'], min: 19.9, max: 399, specs: [['容量', ['500ml', '1L', '2L']]] },
  { category: 'wipers', names: ['雨刮器', '无骨雨刷', '后雨刮'], min: 29, max: 129, specs: [['尺寸', ['16寸', '24寸', '26寸']]] },
];

const PREFIX = ['适用于', '专用', '', '原厂款', '升级款'];
const SUFFIX = ['改装', '装饰', '配件', '专用', '汽车用品', '高端', '加厚', '防水'];

/** xorshift32: fast, seedable and stable across runs and platforms. */
export function rng(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) % 1_000_000) / 1_000_000;
  };
}

export interface SyntheticProduct {
  slug: string;
  title: string;
  nameEn: string;
  category: string;
  priceFen: number;
  stock: number;
  description: string;
  specs: [string, string][];
  ageDays: number;
  /** The vehicle the listing fits (years as four digits), or null for a universal part. */
  vehicle: { make: string; model: string; yearFrom: number; yearTo: number } | null;
}

export function syntheticProduct(i: number, rand: () => number): SyntheticProduct {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)];
  const part = pick(PARTS);
  const universal = rand() < 0.15;
  const [make, models] = pick(VEHICLES);
  const model = pick(models);
  const from = 14 + Math.floor(rand() * 8);
  const to = Math.min(24, from + 1 + Math.floor(rand() * 6));
  const name = pick(part.names);
  // A space after a model ending in a code (宏光S3 18-23款), as sellers write it: glued, S318 would be another code.
  const gap = /[A-Za-z0-9]$/.test(model) ? ' ' : '';
  const vehicle = universal ? '汽车通用' : `${pick(PREFIX)}${make}${model}${rand() < 0.6 ? `${gap}${from}-${to}款` : ''}`;
  const title = `${vehicle}${name}${pick(SUFFIX)}${pick(SUFFIX)}`.slice(0, 60);
  const price = part.min + rand() * (part.max - part.min);
  return {
    slug: `bulk-${i}`,
    title,
    nameEn: `${universal ? 'Universal' : `${make} ${model}`} ${part.category.replace(/-/g, ' ')} #${i}`,
    category: part.category,
    priceFen: Math.round(price * 10) * 10,
    stock: rand() < 0.1 ? 0 : Math.floor(rand() * 500),
    description: `${title}。${make}${model}车主好评，包邮，七天无理由退换。`,
    specs: part.specs.map(([k, vs]) => [k, pick(vs)] as [string, string]),
    ageDays: Math.floor(rand() * 720),
    vehicle: universal ? null : { make, model, yearFrom: 2000 + from, yearTo: 2000 + to },
  };
}
