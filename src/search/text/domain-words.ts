import { vehicleCatalog } from '../../fitment';

/**
 * Domain vocabulary for the segmenter: vehicle makes and models, and part names. Without these,
 * jieba splits 宝骏 into 宝|骏 and 门槛条 into 门槛|条, which hurts pinyin (baojun, bj) and exactness.
 * Data, not code: extend freely (lowercase; simplified Chinese).
 */
export const VEHICLE_WORDS: readonly string[] = [
  '宝骏', '五菱', '宏光', '宏光s', '宏光mini', '宏光plus', '之光', '荣光', '征程', '凯捷', '星辰', '星驰', '佳辰',
  '宝骏730', '宝骏560', '宝骏510', '宝骏530', '宝骏310', '宝骏630', '宝骏rs-3', '悦也', '云朵', '宝骏e300',
  '东风', '本田', '东风本田', '享域', '思域', '雅阁', '飞度', '缤智', '凌派', '艾力绅', '奥德赛', '冠道', '皓影',
  '丰田', '卡罗拉', '凯美瑞', '雷凌', '汉兰达', '荣放', '普拉多', '大众', '朗逸', '速腾', '迈腾', '帕萨特',
  '宝来', '高尔夫', '途观', '捷达', '桑塔纳', '日产', '轩逸', '天籁', '奇骏', '逍客', '别克', '英朗', '君威',
  '君越', '昂科威', '雪佛兰', '科鲁兹', '迈锐宝', '长安', '逸动', '长城', '哈弗', '哈弗h6', '吉利', '帝豪',
  '博越', '比亚迪', '秦', '宋', '唐', '汉', '元', '海豚', '奇瑞', '瑞虎', '艾瑞泽', '传祺', '荣威', '名爵',
  '奥迪', '宝马', '奔驰', '特斯拉', '蔚来', '理想', '小鹏', '现代', '起亚', '马自达', '福特', '福克斯', '蒙迪欧',
  '摩托车', '电动车', '货车', '面包车',
];

export const PART_WORDS: readonly string[] = [
  '中网', '前脸', '门槛条', '迎宾踏板', '脚踏板', '尾灯', '尾灯总成', '后尾灯', '前大灯', '大灯总成', '雾灯',
  '刹车灯', '转向灯', '倒车灯', '日行灯', '灯罩', '行车记录仪', '车贴', '贴纸', '拉花', '引擎盖', '机盖',
  '充电器', '充电机', '电瓶', '蓄电池', '车载充电器', '点烟器', '手机支架', '香水', '车载香水', '香薰', '车载香薰', '电瓶充电器', '门槛', '记录仪', '脚垫', '座套',
  '坐垫', '方向盘套', '后视镜', '倒车镜', '雨刮', '雨刮器', '挡泥板', '后护板', '后备箱', '行李架', '亮条',
  '装饰条', '防撞条', '轮毂', '轮胎', '机油', '滤芯', '空滤', '刹车片', '火花塞', '防虫网', '改装件',
  '遮阳挡', '头枕', '腰靠', '安全带', '车衣', '车罩', '扶手箱', '氛围灯', '喇叭', '导航', '倒车影像',
];

/** Seller noise kept whole by the segmenter so the stop-word list can name it (包邮, not 包 + 邮). */
export const NOISE_WORDS: readonly string[] = [
  '包邮', '正品', '新款', '专用', '适用于', '改装', '配件', '用品', '热卖', '爆款', '特价', '现货', '厂家直销', '原装正品',
  '黑化', '前格栅', '格栅', '三代', '二代', '一代', '升级款', '原厂款',
];

export const DOMAIN_WORDS: readonly string[] = [...VEHICLE_WORDS, ...PART_WORDS, ...NOISE_WORDS];

let catalogueWords: string[] | null = null;

/**
 * DOMAIN_WORDS plus every Chinese make and model name of the fitment catalogue (亚洲龙, 星越l, 宋plus),
 * lowercased: the segmenter's dictionary, so a model name is one word and can be recognised as a vehicle.
 */
export function segmenterWords(): readonly string[] {
  if (catalogueWords) return catalogueWords;
  const words = new Set(DOMAIN_WORDS);
  for (const make of vehicleCatalog().makes) {
    for (const name of [make.name, ...make.aliases, ...make.models.flatMap((m) => [m.name, ...m.aliases])]) {
      const w = name.toLowerCase().replace(/\s+/g, '');
      if (/\p{Script=Han}/u.test(w) && Array.from(w).length >= 2) words.add(w);
    }
  }
  catalogueWords = [...words];
  return catalogueWords;
}
