/**
 * Reference data for the Chinese passenger-car market: makes (品牌), the joint-venture
 * manufacturers that sell them (厂商), and models (车系) with production years.
 * Years are the China-market production span as best known; `null` yearTo = still on sale.
 * The data is the single source for both the title parser and the vehicle tables.
 */

export interface GenerationData {
  /** Generation number as sold in China (十代思域 = 10). */
  readonly n: number;
  readonly yearFrom: number;
  readonly yearTo: number | null;
}

export interface ModelOptions {
  /** Manufacturer name (a key of the make's `manufacturers`). */
  readonly mfr?: string;
  /** Other spellings seen in listing titles. Matching ignores case, spaces, '-' and '.'. */
  readonly aliases?: readonly string[];
  readonly gens?: readonly GenerationData[];
}

/** [name, English name without the make, yearFrom, yearTo, options] */
export type ModelRow = readonly [name: string, en: string, yearFrom: number, yearTo: number | null, opts?: ModelOptions];

export interface MakeData {
  readonly name: string;
  readonly nameEn: string;
  /** URL slug; stable once published. */
  readonly slug: string;
  readonly aliases?: readonly string[];
  /** Manufacturer name → English name. Title prefixes such as 东风本田 resolve to the make. */
  readonly manufacturers?: Readonly<Record<string, string>>;
  /** Extra spellings of manufacturers (e.g. 通用五菱). */
  readonly manufacturerAliases?: Readonly<Record<string, string>>;
  readonly models: readonly ModelRow[];
}

const SGMW = { 上汽通用五菱: 'SAIC-GM-Wuling' };
const SGMW_ALIASES = { 通用五菱: '上汽通用五菱', 上汽五菱: '上汽通用五菱' };

export const VEHICLE_MAKES: readonly MakeData[] = [
  {
    name: '宝骏', nameEn: 'Baojun', slug: 'baojun', manufacturers: SGMW, manufacturerAliases: SGMW_ALIASES,
    models: [
      ['310', '310', 2016, 2020, { mfr: '上汽通用五菱' }],
      ['310W', '310W', 2017, 2020, { mfr: '上汽通用五菱' }],
      ['360', '360', 2018, 2020, { mfr: '上汽通用五菱' }],
      ['510', '510', 2017, 2021, { mfr: '上汽通用五菱' }],
      ['530', '530', 2018, 2023, { mfr: '上汽通用五菱' }],
      ['560', '560', 2015, 2019, { mfr: '上汽通用五菱' }],
      ['610', '610', 2014, 2017, { mfr: '上汽通用五菱' }],
      ['630', '630', 2011, 2016, { mfr: '上汽通用五菱' }],
      ['730', '730', 2014, 2021, { mfr: '上汽通用五菱' }],
      ['RS-3', 'RS-3', 2020, 2022, { mfr: '上汽通用五菱' }],
      ['RS-5', 'RS-5', 2019, 2021, { mfr: '上汽通用五菱' }],
      ['RC-6', 'RC-6', 2019, 2022, { mfr: '上汽通用五菱' }],
      ['RM-5', 'RM-5', 2019, 2021, { mfr: '上汽通用五菱' }],
      ['KiWi EV', 'KiWi EV', 2021, null, { mfr: '上汽通用五菱' }],
      ['云朵', 'Yunduo', 2023, null, { mfr: '上汽通用五菱' }],
    ],
  },
  {
    name: '五菱', nameEn: 'Wuling', slug: 'wuling', manufacturers: SGMW, manufacturerAliases: SGMW_ALIASES,
    models: [
      ['宏光', 'Hongguang', 2010, 2018, { mfr: '上汽通用五菱' }],
      ['宏光S', 'Hongguang S', 2013, 2021, { mfr: '上汽通用五菱' }],
      ['宏光S1', 'Hongguang S1', 2014, 2019, { mfr: '上汽通用五菱' }],
      ['宏光S3', 'Hongguang S3', 2017, 2022, { mfr: '上汽通用五菱' }],
      ['宏光V', 'Hongguang V', 2015, 2022, { mfr: '上汽通用五菱' }],
      ['宏光PLUS', 'Hongguang PLUS', 2019, 2022, { mfr: '上汽通用五菱' }],
      ['宏光MINI EV', 'Hongguang MINI EV', 2020, null, { mfr: '上汽通用五菱', aliases: ['宏光MINI', 'MINIEV'] }],
      ['五菱之光', 'Zhiguang', 2002, 2022, { mfr: '上汽通用五菱', aliases: ['之光'] }],
      ['荣光', 'Rongguang', 2008, null, { mfr: '上汽通用五菱' }],
      ['五菱星光', 'Xingguang', 2023, null, { mfr: '上汽通用五菱', aliases: ['星光'] }],
      ['五菱星辰', 'Xingchen', 2021, null, { mfr: '上汽通用五菱', aliases: ['星辰'] }],
      ['凯捷', 'Victory', 2020, null, { mfr: '上汽通用五菱' }],
      ['佳辰', 'Jiachen', 2022, null, { mfr: '上汽通用五菱' }],
      ['缤果', 'Bingo', 2023, null, { mfr: '上汽通用五菱' }],
      ['征程', 'Zhengcheng', 2019, null, { mfr: '上汽通用五菱' }],
    ],
  },
  {
    name: '本田', nameEn: 'Honda', slug: 'honda', aliases: ['HONDA'],
    manufacturers: { 东风本田: 'Dongfeng Honda', 广汽本田: 'GAC Honda' },
    models: [
      ['思域', 'Civic', 2006, null, { mfr: '东风本田', aliases: ['CIVIC', '喜美'], gens: [{ n: 8, yearFrom: 2006, yearTo: 2011 }, { n: 9, yearFrom: 2012, yearTo: 2015 }, { n: 10, yearFrom: 2016, yearTo: 2021 }, { n: 11, yearFrom: 2022, yearTo: null }] }],
      ['享域', 'Envix', 2019, 2024, { mfr: '东风本田', aliases: ['ENVIX'] }],
      ['CR-V', 'CR-V', 2004, null, { mfr: '东风本田' }],
      ['XR-V', 'XR-V', 2015, 2022, { mfr: '东风本田' }],
      ['UR-V', 'UR-V', 2017, 2023, { mfr: '东风本田' }],
      ['艾力绅', 'Elysion', 2012, null, { mfr: '东风本田' }],
      ['雅阁', 'Accord', 1999, null, { mfr: '广汽本田', aliases: ['ACCORD'], gens: [{ n: 8, yearFrom: 2008, yearTo: 2013 }, { n: 9, yearFrom: 2014, yearTo: 2017 }, { n: 10, yearFrom: 2018, yearTo: 2022 }, { n: 11, yearFrom: 2023, yearTo: null }] }],
      ['飞度', 'Fit', 2004, 2024, { mfr: '广汽本田' }],
      ['缤智', 'Vezel', 2015, null, { mfr: '广汽本田' }],
      ['冠道', 'Avancier', 2017, 2022, { mfr: '广汽本田' }],
      ['凌派', 'Crider', 2013, null, { mfr: '广汽本田' }],
      ['奥德赛', 'Odyssey', 2002, null, { mfr: '广汽本田' }],
      ['皓影', 'Breeze', 2020, null, { mfr: '广汽本田' }],
      ['锋范', 'City', 2008, 2021, { mfr: '广汽本田' }],
    ],
  },
  {
    name: '大众', nameEn: 'Volkswagen', slug: 'volkswagen', aliases: ['VW', 'VOLKSWAGEN'],
    manufacturers: { 一汽大众: 'FAW-Volkswagen', 上汽大众: 'SAIC Volkswagen' },
    manufacturerAliases: { '一汽-大众': '一汽大众', 上海大众: '上汽大众' },
    models: [
      ['朗逸', 'Lavida', 2008, null, { mfr: '上汽大众' }],
      ['帕萨特', 'Passat', 2000, null, { mfr: '上汽大众' }],
      ['途观', 'Tiguan', 2010, 2018, { mfr: '上汽大众' }],
      ['途观L', 'Tiguan L', 2017, null, { mfr: '上汽大众' }],
      ['途岳', 'Tharu', 2018, null, { mfr: '上汽大众' }],
      ['途昂', 'Teramont', 2016, null, { mfr: '上汽大众' }],
      ['凌渡', 'Lamando', 2015, null, { mfr: '上汽大众' }],
      ['桑塔纳', 'Santana', 1983, 2022, { mfr: '上汽大众' }],
      ['速腾', 'Sagitar', 2006, null, { mfr: '一汽大众' }],
      ['迈腾', 'Magotan', 2007, null, { mfr: '一汽大众', gens: [{ n: 7, yearFrom: 2012, yearTo: 2016 }, { n: 8, yearFrom: 2017, yearTo: null }] }],
      ['宝来', 'Bora', 2001, null, { mfr: '一汽大众' }],
      ['高尔夫', 'Golf', 2003, null, { mfr: '一汽大众', aliases: ['GOLF'] }],
      ['探岳', 'Tayron', 2018, null, { mfr: '一汽大众' }],
      ['捷达', 'Jetta', 1991, 2019, { mfr: '一汽大众' }],
    ],
  },
  {
    name: '丰田', nameEn: 'Toyota', slug: 'toyota', aliases: ['TOYOTA'],
    manufacturers: { 一汽丰田: 'FAW Toyota', 广汽丰田: 'GAC Toyota' },
    models: [
      ['卡罗拉', 'Corolla', 2007, null, { mfr: '一汽丰田', gens: [{ n: 11, yearFrom: 2014, yearTo: 2018 }, { n: 12, yearFrom: 2019, yearTo: null }] }],
      ['RAV4荣放', 'RAV4', 2009, null, { mfr: '一汽丰田', aliases: ['RAV4', '荣放'] }],
      ['亚洲龙', 'Avalon', 2019, null, { mfr: '一汽丰田' }],
      ['普拉多', 'Prado', 2003, null, { mfr: '一汽丰田', aliases: ['霸道'] }],
      ['皇冠', 'Crown', 2005, 2020, { mfr: '一汽丰田' }],
      ['凯美瑞', 'Camry', 2006, null, { mfr: '广汽丰田', gens: [{ n: 7, yearFrom: 2012, yearTo: 2017 }, { n: 8, yearFrom: 2018, yearTo: null }] }],
      ['汉兰达', 'Highlander', 2009, null, { mfr: '广汽丰田' }],
      ['雷凌', 'Levin', 2014, null, { mfr: '广汽丰田' }],
      ['C-HR', 'C-HR', 2018, null, { mfr: '广汽丰田' }],
      ['威兰达', 'Wildlander', 2020, null, { mfr: '广汽丰田' }],
      ['致炫', 'Yaris L', 2014, 2022, { mfr: '广汽丰田' }],
    ],
  },
  {
    name: '日产', nameEn: 'Nissan', slug: 'nissan', aliases: ['NISSAN', '尼桑'],
    manufacturers: { 东风日产: 'Dongfeng Nissan' },
    models: [
      ['轩逸', 'Sylphy', 2006, null, { mfr: '东风日产', gens: [{ n: 14, yearFrom: 2019, yearTo: null }] }],
      ['奇骏', 'X-Trail', 2008, null, { mfr: '东风日产' }],
      ['天籁', 'Teana', 2004, null, { mfr: '东风日产' }],
      ['逍客', 'Qashqai', 2008, null, { mfr: '东风日产' }],
      ['骐达', 'Tiida', 2005, 2022, { mfr: '东风日产' }],
      ['阳光', 'Sunny', 2011, 2019, { mfr: '东风日产' }],
      ['劲客', 'Kicks', 2017, null, { mfr: '东风日产' }],
    ],
  },
  {
    name: '别克', nameEn: 'Buick', slug: 'buick', aliases: ['BUICK'],
    manufacturers: { 上汽通用别克: 'SAIC-GM Buick' }, manufacturerAliases: { 上汽通用: '上汽通用别克' },
    models: [
      ['英朗', 'Excelle GT', 2010, null, { mfr: '上汽通用别克' }],
      ['君威', 'Regal', 2002, null, { mfr: '上汽通用别克' }],
      ['君越', 'LaCrosse', 2006, null, { mfr: '上汽通用别克' }],
      ['昂科威', 'Envision', 2014, null, { mfr: '上汽通用别克' }],
      ['昂科拉', 'Encore', 2013, null, { mfr: '上汽通用别克' }],
      ['GL8', 'GL8', 2000, null, { mfr: '上汽通用别克' }],
      ['威朗', 'Verano', 2015, null, { mfr: '上汽通用别克' }],
      ['凯越', 'Excelle', 2003, 2018, { mfr: '上汽通用别克' }],
    ],
  },
  {
    name: '雪佛兰', nameEn: 'Chevrolet', slug: 'chevrolet', aliases: ['CHEVROLET'],
    models: [
      ['科鲁兹', 'Cruze', 2009, null],
      ['迈锐宝', 'Malibu', 2012, null, { aliases: ['迈锐宝XL'] }],
      ['科沃兹', 'Cavalier', 2016, null],
      ['探界者', 'Equinox', 2017, null],
    ],
  },
  {
    name: '福特', nameEn: 'Ford', slug: 'ford', aliases: ['FORD'], manufacturers: { 长安福特: 'Changan Ford' },
    models: [
      ['福克斯', 'Focus', 2005, null, { mfr: '长安福特' }],
      ['蒙迪欧', 'Mondeo', 2004, null, { mfr: '长安福特' }],
      ['翼虎', 'Kuga', 2013, 2019, { mfr: '长安福特' }],
      ['锐际', 'Escape', 2019, null, { mfr: '长安福特' }],
      ['福睿斯', 'Escort', 2015, 2021, { mfr: '长安福特' }],
    ],
  },
  {
    name: '现代', nameEn: 'Hyundai', slug: 'hyundai', aliases: ['HYUNDAI'], manufacturers: { 北京现代: 'Beijing Hyundai' },
    models: [
      ['伊兰特', 'Elantra', 2004, null, { mfr: '北京现代' }],
      ['悦动', 'Elantra Yuedong', 2008, 2020, { mfr: '北京现代' }],
      ['途胜', 'Tucson', 2005, null, { mfr: '北京现代' }],
      ['索纳塔', 'Sonata', 2004, null, { mfr: '北京现代' }],
      ['ix35', 'ix35', 2010, null, { mfr: '北京现代' }],
    ],
  },
  {
    name: '起亚', nameEn: 'Kia', slug: 'kia', aliases: ['KIA'], manufacturers: { 东风悦达起亚: 'Dongfeng Yueda Kia' },
    manufacturerAliases: { 悦达起亚: '东风悦达起亚' },
    models: [
      ['K3', 'K3', 2013, null, { mfr: '东风悦达起亚' }],
      ['K5', 'K5', 2011, null, { mfr: '东风悦达起亚' }],
      ['智跑', 'Sportage', 2010, null, { mfr: '东风悦达起亚' }],
    ],
  },
  {
    name: '马自达', nameEn: 'Mazda', slug: 'mazda', aliases: ['MAZDA'],
    manufacturers: { 长安马自达: 'Changan Mazda', 一汽马自达: 'FAW Mazda' },
    models: [
      ['昂克赛拉', 'Axela', 2014, null, { mfr: '长安马自达', aliases: ['马自达3昂克赛拉', '马3'] }],
      ['CX-5', 'CX-5', 2013, null, { mfr: '长安马自达' }],
      ['阿特兹', 'Atenza', 2014, null, { mfr: '一汽马自达' }],
      ['CX-4', 'CX-4', 2016, null, { mfr: '一汽马自达' }],
    ],
  },
  {
    name: '长安', nameEn: 'Changan', slug: 'changan', aliases: ['CHANGAN'],
    models: [
      ['CS75PLUS', 'CS75 PLUS', 2019, null],
      ['CS75', 'CS75', 2014, null],
      ['CS55PLUS', 'CS55 PLUS', 2021, null],
      ['CS35PLUS', 'CS35 PLUS', 2018, null],
      ['逸动', 'Eado', 2012, null],
      ['UNI-K', 'UNI-K', 2021, null],
      ['UNI-T', 'UNI-T', 2020, null],
      ['UNI-V', 'UNI-V', 2022, null],
    ],
  },
  {
    name: '哈弗', nameEn: 'Haval', slug: 'haval', aliases: ['HAVAL', '哈佛'],
    manufacturers: { 长城汽车: 'Great Wall Motor' }, manufacturerAliases: { 长城: '长城汽车' },
    models: [
      ['H6', 'H6', 2011, null, { mfr: '长城汽车' }],
      ['大狗', 'Dargo', 2020, null, { mfr: '长城汽车' }],
      ['F7', 'F7', 2019, null, { mfr: '长城汽车' }],
      ['M6', 'M6', 2017, null, { mfr: '长城汽车' }],
      ['H9', 'H9', 2014, null, { mfr: '长城汽车' }],
      ['初恋', 'Chulian', 2021, null, { mfr: '长城汽车' }],
    ],
  },
  {
    name: '吉利', nameEn: 'Geely', slug: 'geely', aliases: ['GEELY'],
    models: [
      ['星越L', 'Monjaro', 2021, null],
      ['星越', 'Xingyue', 2019, 2022],
      ['博越', 'Boyue', 2016, null],
      ['帝豪', 'Emgrand', 2009, null],
      ['帝豪GS', 'Emgrand GS', 2016, 2022],
      ['缤越', 'Coolray', 2018, null],
      ['星瑞', 'Preface', 2020, null],
      ['远景', 'Vision', 2006, null],
    ],
  },
  {
    name: '比亚迪', nameEn: 'BYD', slug: 'byd', aliases: ['BYD'],
    models: [
      ['宋PLUS', 'Song PLUS', 2020, null],
      ['宋Pro', 'Song Pro', 2019, null],
      ['宋', 'Song', 2015, null],
      ['汉', 'Han', 2020, null],
      ['唐', 'Tang', 2015, null],
      ['秦PLUS', 'Qin PLUS', 2021, null],
      ['秦', 'Qin', 2012, null],
      ['元PLUS', 'Yuan PLUS', 2022, null, { aliases: ['ATTO3'] }],
      ['元', 'Yuan', 2016, null],
      ['海豚', 'Dolphin', 2021, null],
      ['海豹', 'Seal', 2022, null],
      ['海鸥', 'Seagull', 2023, null],
      ['驱逐舰05', 'Destroyer 05', 2022, null],
    ],
  },
  {
    name: '奇瑞', nameEn: 'Chery', slug: 'chery', aliases: ['CHERY'],
    models: [
      ['瑞虎8', 'Tiggo 8', 2018, null],
      ['瑞虎7', 'Tiggo 7', 2016, null],
      ['瑞虎5X', 'Tiggo 5X', 2017, null],
      ['艾瑞泽5', 'Arrizo 5', 2016, null],
    ],
  },
  {
    name: '传祺', nameEn: 'Trumpchi', slug: 'trumpchi', aliases: ['TRUMPCHI'],
    manufacturers: { 广汽传祺: 'GAC Trumpchi' },
    models: [
      ['GS4', 'GS4', 2015, null, { mfr: '广汽传祺' }],
      ['GS8', 'GS8', 2017, null, { mfr: '广汽传祺' }],
      ['GS3', 'GS3', 2017, null, { mfr: '广汽传祺' }],
      ['M8', 'M8', 2018, null, { mfr: '广汽传祺' }],
      ['影豹', 'Empow', 2021, null, { mfr: '广汽传祺' }],
    ],
  },
  {
    name: '荣威', nameEn: 'Roewe', slug: 'roewe', aliases: ['ROEWE'], manufacturers: { 上汽荣威: 'SAIC Roewe' },
    models: [
      ['RX5', 'RX5', 2016, null, { mfr: '上汽荣威' }],
      ['RX3', 'RX3', 2018, null, { mfr: '上汽荣威' }],
      ['i5', 'i5', 2019, null, { mfr: '上汽荣威' }],
      ['i6', 'i6', 2017, null, { mfr: '上汽荣威' }],
      ['350', '350', 2010, 2015, { mfr: '上汽荣威' }],
      ['550', '550', 2008, 2014, { mfr: '上汽荣威' }],
    ],
  },
  {
    name: '名爵', nameEn: 'MG', slug: 'mg', aliases: ['MG'], manufacturers: { 上汽名爵: 'SAIC MG' },
    models: [
      ['MG5', 'MG5', 2012, null, { mfr: '上汽名爵' }],
      ['MG6', 'MG6', 2010, null, { mfr: '上汽名爵' }],
      ['MG ZS', 'ZS', 2017, null, { mfr: '上汽名爵', aliases: ['ZS'] }],
      ['MG HS', 'HS', 2018, null, { mfr: '上汽名爵', aliases: ['HS'] }],
    ],
  },
  {
    name: '领克', nameEn: 'Lynk & Co', slug: 'lynk-co', aliases: ['LYNK', 'LYNK&CO'],
    models: [
      ['01', '01', 2017, null],
      ['02', '02', 2018, null],
      ['03', '03', 2018, null],
      ['05', '05', 2020, null],
      ['06', '06', 2020, null],
      ['09', '09', 2021, null],
    ],
  },
  {
    name: '特斯拉', nameEn: 'Tesla', slug: 'tesla', aliases: ['TESLA'],
    models: [
      ['Model 3', 'Model 3', 2019, null, { aliases: ['MODEL丫3'] }],
      ['Model Y', 'Model Y', 2021, null, { aliases: ['MODEL丫'] }],
      ['Model S', 'Model S', 2014, null],
      ['Model X', 'Model X', 2016, null],
    ],
  },
  {
    name: '奥迪', nameEn: 'Audi', slug: 'audi', aliases: ['AUDI'], manufacturers: { 一汽奥迪: 'FAW-Audi' },
    models: [
      ['A4L', 'A4L', 2009, null, { mfr: '一汽奥迪' }],
      ['A6L', 'A6L', 2005, null, { mfr: '一汽奥迪' }],
      ['Q5L', 'Q5L', 2018, null, { mfr: '一汽奥迪' }],
      ['Q5', 'Q5', 2010, 2017, { mfr: '一汽奥迪' }],
      ['Q3', 'Q3', 2013, null, { mfr: '一汽奥迪' }],
      ['A3', 'A3', 2014, null, { mfr: '一汽奥迪' }],
    ],
  },
  {
    name: '宝马', nameEn: 'BMW', slug: 'bmw', aliases: ['BMW'], manufacturers: { 华晨宝马: 'BMW Brilliance' },
    models: [
      ['3系', '3 Series', 2005, null, { mfr: '华晨宝马', aliases: ['三系', '3系GT', '320LI', '325LI'] }],
      ['5系', '5 Series', 2006, null, { mfr: '华晨宝马', aliases: ['五系', '525LI', '530LI'] }],
      ['1系', '1 Series', 2017, null, { mfr: '华晨宝马' }],
      ['X1', 'X1', 2012, null, { mfr: '华晨宝马' }],
      ['X3', 'X3', 2018, null, { mfr: '华晨宝马' }],
    ],
  },
  {
    name: '奔驰', nameEn: 'Mercedes-Benz', slug: 'mercedes-benz', aliases: ['BENZ', '梅赛德斯', '梅赛德斯奔驰'],
    manufacturers: { 北京奔驰: 'Beijing Benz' },
    models: [
      ['C级', 'C-Class', 2008, null, { mfr: '北京奔驰', aliases: ['C200L', 'C260L', 'C300L', 'C260'] }],
      ['E级', 'E-Class', 2007, null, { mfr: '北京奔驰', aliases: ['E260L', 'E300L'] }],
      ['GLC', 'GLC', 2016, null, { mfr: '北京奔驰' }],
      ['A级', 'A-Class', 2019, null, { mfr: '北京奔驰', aliases: ['A200L'] }],
    ],
  },
  {
    name: '理想', nameEn: 'Li Auto', slug: 'li-auto', aliases: ['理想汽车'],
    models: [
      ['ONE', 'ONE', 2019, 2022],
      ['L7', 'L7', 2023, null],
      ['L8', 'L8', 2022, null],
      ['L9', 'L9', 2022, null],
    ],
  },
  {
    name: '蔚来', nameEn: 'NIO', slug: 'nio', aliases: ['NIO'],
    models: [
      ['ES6', 'ES6', 2019, null],
      ['ES8', 'ES8', 2018, null],
      ['EC6', 'EC6', 2020, null],
      ['ET5', 'ET5', 2022, null],
      ['ET7', 'ET7', 2022, null],
    ],
  },
  {
    name: '小鹏', nameEn: 'XPeng', slug: 'xpeng', aliases: ['XPENG'],
    models: [
      ['P7', 'P7', 2020, null],
      ['P5', 'P5', 2021, null],
      ['G3', 'G3', 2019, null],
      ['G9', 'G9', 2022, null],
    ],
  },
  {
    name: '埃安', nameEn: 'AION', slug: 'aion', aliases: ['AION'], manufacturers: { 广汽埃安: 'GAC Aion' },
    models: [
      ['AION S', 'S', 2019, null, { mfr: '广汽埃安', aliases: ['S'] }],
      ['AION Y', 'Y', 2021, null, { mfr: '广汽埃安', aliases: ['Y'] }],
      ['AION V', 'V', 2020, null, { mfr: '广汽埃安', aliases: ['V'] }],
    ],
  },
];
