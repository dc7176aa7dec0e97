import { MORE_MAKES } from './vehicle-data-more';

/**
 * Reference data for the Chinese passenger-car market: makes (品牌), the joint-venture
 * manufacturers that sell them (厂商), and models (车系) with production years.
 * Years are the China-market production span as best known; `null` yearTo = still on sale.
 * The data is the single source for both the title parser and the vehicle tables; the makes
 * added for the best-selling-60 coverage live in vehicle-data-more.ts and are appended below.
 *
 * Where the facts come from: no maintained npm dataset of China-market makes/models/generations
 * exists (checked the npm index in Dec 2026: only VIN decoders and US-market lists), so this is
 * hand-kept. Brand list: the CPCA (乘联会) retail rankings 2022–2024 (top 60 brands by volume).
 * Models, China-market model years (款) and generations: the 车系 pages of 汽车之家 (autohome.com.cn)
 * and 懂车帝 (dongchedi.com), as of 2024. Generation numbers follow how sellers count them
 * (十代思域, 六代CR-V, 14代轩逸); chassis codes (G05, W213, C8) are the makers' own.
 * Years are model years as sold in China, so two generations never overlap here.
 */

export interface GenerationData {
  /** Generation number as sold in China (十代思域 = 10). */
  readonly n: number;
  readonly yearFrom: number;
  readonly yearTo: number | null;
  /** Chassis codes sellers use for this generation (宝马X5 G05, 奔驰E级 W213). */
  readonly codes?: readonly string[];
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

const BASE_MAKES: readonly MakeData[] = [
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
      ['CR-V', 'CR-V', 2004, null, { mfr: '东风本田', gens: [{ n: 2, yearFrom: 2004, yearTo: 2006 }, { n: 3, yearFrom: 2007, yearTo: 2011 }, { n: 4, yearFrom: 2012, yearTo: 2016 }, { n: 5, yearFrom: 2017, yearTo: 2022 }, { n: 6, yearFrom: 2023, yearTo: null }] }],
      ['INSPIRE', 'Inspire', 2018, 2022, { mfr: '东风本田' }],
      ['e:NS1', 'e:NS1', 2022, null, { mfr: '东风本田' }],
      ['杰德', 'Jade', 2013, 2020, { mfr: '东风本田' }],
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
      ['型格', 'Integra', 2022, null, { mfr: '广汽本田', aliases: ['INTEGRA'] }],
      ['e:NP1', 'e:NP1', 2022, null, { mfr: '广汽本田' }],
      ['歌诗图', 'Crosstour', 2010, 2016, { mfr: '广汽本田' }],
    ],
  },
  {
    name: '大众', nameEn: 'Volkswagen', slug: 'volkswagen', aliases: ['VW', 'VOLKSWAGEN'],
    manufacturers: { 一汽大众: 'FAW-Volkswagen', 上汽大众: 'SAIC Volkswagen' },
    manufacturerAliases: { '一汽-大众': '一汽大众', 上海大众: '上汽大众' },
    models: [
      ['朗逸', 'Lavida', 2008, null, { mfr: '上汽大众', gens: [{ n: 1, yearFrom: 2008, yearTo: 2012 }, { n: 2, yearFrom: 2013, yearTo: 2017 }, { n: 3, yearFrom: 2018, yearTo: null }] }],
      ['朗逸PLUS', 'Lavida Plus', 2018, null, { mfr: '上汽大众' }],
      ['途安', 'Touran', 2004, null, { mfr: '上汽大众', aliases: ['途安L'] }],
      ['途铠', 'T-Cross', 2019, null, { mfr: '上汽大众' }],
      ['威然', 'Viloran', 2020, null, { mfr: '上汽大众' }],
      ['凌渡L', 'Lamando L', 2022, null, { mfr: '上汽大众' }],
      ['Polo', 'Polo', 2002, null, { mfr: '上汽大众', aliases: ['波罗'] }],
      ['ID.4 X', 'ID.4 X', 2021, null, { mfr: '上汽大众' }],
      ['ID.6 X', 'ID.6 X', 2021, null, { mfr: '上汽大众' }],
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
      ['高尔夫', 'Golf', 2003, null, { mfr: '一汽大众', aliases: ['GOLF'], gens: [{ n: 6, yearFrom: 2009, yearTo: 2013 }, { n: 7, yearFrom: 2014, yearTo: 2020 }, { n: 8, yearFrom: 2021, yearTo: null }] }],
      ['探歌', 'T-Roc', 2018, null, { mfr: '一汽大众' }],
      ['探影', 'Tacqua', 2020, null, { mfr: '一汽大众' }],
      ['揽境', 'Talagon', 2021, null, { mfr: '一汽大众' }],
      ['ID.3', 'ID.3', 2021, null, { mfr: '一汽大众' }],
      ['ID.4 CROZZ', 'ID.4 CROZZ', 2021, null, { mfr: '一汽大众' }],
      ['ID.6 CROZZ', 'ID.6 CROZZ', 2021, null, { mfr: '一汽大众' }],
      ['探岳', 'Tayron', 2018, null, { mfr: '一汽大众' }],
      ['捷达', 'Jetta', 1991, 2019, { mfr: '一汽大众' }],
    ],
  },
  {
    name: '丰田', nameEn: 'Toyota', slug: 'toyota', aliases: ['TOYOTA'],
    manufacturers: { 一汽丰田: 'FAW Toyota', 广汽丰田: 'GAC Toyota' },
    models: [
      ['卡罗拉', 'Corolla', 2007, null, { mfr: '一汽丰田', gens: [{ n: 10, yearFrom: 2007, yearTo: 2013 }, { n: 11, yearFrom: 2014, yearTo: 2018 }, { n: 12, yearFrom: 2019, yearTo: null }] }],
      ['卡罗拉双擎', 'Corolla Hybrid', 2015, null, { mfr: '一汽丰田' }],
      ['卡罗拉锐放', 'Corolla Cross', 2021, null, { mfr: '一汽丰田', aliases: ['锐放'] }],
      ['亚洲狮', 'Allion', 2019, null, { mfr: '一汽丰田' }],
      ['皇冠陆放', 'Crown Kluger', 2021, null, { mfr: '一汽丰田' }],
      ['威驰', 'Vios', 2008, 2022, { mfr: '一汽丰田' }],
      ['bZ4X', 'bZ4X', 2022, null, { mfr: '一汽丰田' }],
      ['RAV4荣放', 'RAV4', 2009, null, { mfr: '一汽丰田', aliases: ['RAV4', '荣放'], gens: [{ n: 3, yearFrom: 2009, yearTo: 2012 }, { n: 4, yearFrom: 2013, yearTo: 2019 }, { n: 5, yearFrom: 2020, yearTo: null }] }],
      ['亚洲龙', 'Avalon', 2019, null, { mfr: '一汽丰田' }],
      ['普拉多', 'Prado', 2003, null, { mfr: '一汽丰田', aliases: ['霸道'] }],
      ['皇冠', 'Crown', 2005, 2020, { mfr: '一汽丰田' }],
      ['凯美瑞', 'Camry', 2006, null, { mfr: '广汽丰田', gens: [{ n: 6, yearFrom: 2006, yearTo: 2011 }, { n: 7, yearFrom: 2012, yearTo: 2017 }, { n: 8, yearFrom: 2018, yearTo: 2023 }, { n: 9, yearFrom: 2024, yearTo: null }] }],
      ['汉兰达', 'Highlander', 2009, null, { mfr: '广汽丰田', gens: [{ n: 2, yearFrom: 2009, yearTo: 2014 }, { n: 3, yearFrom: 2015, yearTo: 2021 }, { n: 4, yearFrom: 2022, yearTo: null }] }],
      ['雷凌', 'Levin', 2014, null, { mfr: '广汽丰田' }],
      ['雷凌双擎', 'Levin Hybrid', 2015, null, { mfr: '广汽丰田' }],
      ['凌放', 'Harrier', 2022, null, { mfr: '广汽丰田' }],
      ['锋兰达', 'Frontlander', 2022, null, { mfr: '广汽丰田' }],
      ['赛那', 'Sienna', 2021, null, { mfr: '广汽丰田' }],
      ['格瑞维亚', 'Granvia', 2022, null, { mfr: '广汽丰田' }],
      ['C-HR', 'C-HR', 2018, null, { mfr: '广汽丰田' }],
      ['威兰达', 'Wildlander', 2020, null, { mfr: '广汽丰田' }],
      ['致炫', 'Yaris L', 2014, 2022, { mfr: '广汽丰田' }],
    ],
  },
  {
    name: '日产', nameEn: 'Nissan', slug: 'nissan', aliases: ['NISSAN', '尼桑'],
    manufacturers: { 东风日产: 'Dongfeng Nissan' },
    models: [
      ['轩逸', 'Sylphy', 2006, null, { mfr: '东风日产', gens: [{ n: 12, yearFrom: 2006, yearTo: 2011 }, { n: 13, yearFrom: 2012, yearTo: 2018 }, { n: 14, yearFrom: 2019, yearTo: null }] }],
      ['楼兰', 'Murano', 2015, null, { mfr: '东风日产' }],
      ['途达', 'Terra', 2018, null, { mfr: '东风日产' }],
      ['蓝鸟', 'Bluebird', 2016, 2021, { mfr: '东风日产' }],
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
      ['GL8', 'GL8', 2000, null, { mfr: '上汽通用别克', aliases: ['陆尊'] }],
      ['昂科旗', 'Enclave', 2020, null, { mfr: '上汽通用别克' }],
      ['昂科威PLUS', 'Envision Plus', 2021, null, { mfr: '上汽通用别克' }],
      ['GL6', 'GL6', 2017, 2022, { mfr: '上汽通用别克' }],
      ['微蓝', 'Velite', 2019, null, { mfr: '上汽通用别克' }],
      ['世纪', 'Century', 2022, null, { mfr: '上汽通用别克' }],
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
      ['创酷', 'Trax', 2014, 2022],
      ['沃兰多', 'Orlando', 2018, null],
      ['开拓者', 'Blazer', 2020, null],
      ['赛欧', 'Sail', 2010, 2020],
      ['创界', 'Tracker', 2019, null],
      ['星迈罗', 'Seeker', 2023, null],
    ],
  },
  {
    name: '福特', nameEn: 'Ford', slug: 'ford', aliases: ['FORD'], manufacturers: { 长安福特: 'Changan Ford', 江铃福特: 'JMC Ford' },
    models: [
      ['福克斯', 'Focus', 2005, null, { mfr: '长安福特', gens: [{ n: 2, yearFrom: 2005, yearTo: 2011 }, { n: 3, yearFrom: 2012, yearTo: 2018 }, { n: 4, yearFrom: 2019, yearTo: null }] }],
      ['蒙迪欧', 'Mondeo', 2004, null, { mfr: '长安福特', gens: [{ n: 4, yearFrom: 2007, yearTo: 2012 }, { n: 5, yearFrom: 2013, yearTo: 2021 }, { n: 6, yearFrom: 2022, yearTo: null }] }],
      ['锐界', 'Edge', 2015, 2022, { mfr: '长安福特' }],
      ['锐界L', 'Edge L', 2023, null, { mfr: '长安福特' }],
      ['探险者', 'Explorer', 2020, null, { mfr: '长安福特' }],
      ['领界', 'Territory', 2019, null, { mfr: '江铃福特' }],
      ['领睿', 'Equator Sport', 2022, null, { mfr: '江铃福特' }],
      ['领裕', 'Equator', 2021, null, { mfr: '江铃福特' }],
      ['金牛座', 'Taurus', 2015, 2023, { mfr: '长安福特' }],
      ['EVOS', 'EVOS', 2022, null, { mfr: '长安福特' }],
      ['翼博', 'EcoSport', 2013, 2018, { mfr: '长安福特' }],
      ['嘉年华', 'Fiesta', 2004, 2018, { mfr: '长安福特' }],
      ['Mustang', 'Mustang', 2015, null, { aliases: ['野马'] }],
      ['翼虎', 'Kuga', 2013, 2019, { mfr: '长安福特' }],
      ['锐际', 'Escape', 2019, null, { mfr: '长安福特' }],
      ['福睿斯', 'Escort', 2015, 2021, { mfr: '长安福特' }],
    ],
  },
  {
    name: '现代', nameEn: 'Hyundai', slug: 'hyundai', aliases: ['HYUNDAI'], manufacturers: { 北京现代: 'Beijing Hyundai' },
    models: [
      ['伊兰特', 'Elantra', 2004, null, { mfr: '北京现代', gens: [{ n: 7, yearFrom: 2021, yearTo: null }] }],
      ['名图', 'Mistra', 2013, 2021, { mfr: '北京现代' }],
      ['领动', 'Lingdong', 2016, 2022, { mfr: '北京现代' }],
      ['瑞纳', 'Verna', 2010, 2020, { mfr: '北京现代' }],
      ['胜达', 'Santa Fe', 2013, null, { mfr: '北京现代' }],
      ['ix25', 'ix25', 2015, null, { mfr: '北京现代' }],
      ['途胜L', 'Tucson L', 2021, null, { mfr: '北京现代' }],
      ['菲斯塔', 'Festa', 2019, null, { mfr: '北京现代' }],
      ['库斯途', 'Custo', 2021, null, { mfr: '北京现代' }],
      ['朗动', 'Langdong', 2012, 2018, { mfr: '北京现代' }],
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
      ['K5', 'K5', 2011, null, { mfr: '东风悦达起亚', aliases: ['凯酷'] }],
      ['K2', 'K2', 2011, 2021, { mfr: '东风悦达起亚' }],
      ['KX3', 'KX3', 2015, null, { mfr: '东风悦达起亚', aliases: ['傲跑'] }],
      ['KX5', 'KX5', 2016, null, { mfr: '东风悦达起亚' }],
      ['狮跑', 'Sportage Shipao', 2007, 2017, { mfr: '东风悦达起亚' }],
      ['焕驰', 'Pegas', 2017, null, { mfr: '东风悦达起亚' }],
      ['奕跑', 'Yipao', 2018, null, { mfr: '东风悦达起亚' }],
      ['嘉华', 'Carnival', 2021, null, { mfr: '东风悦达起亚' }],
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
      ['CX-30', 'CX-30', 2020, null, { mfr: '长安马自达' }],
      ['CX-50', 'CX-50', 2023, null, { mfr: '长安马自达' }],
      ['CX-8', 'CX-8', 2018, 2022, { mfr: '长安马自达' }],
      ['睿翼', 'Mazda6 Ruiyi', 2009, 2016, { mfr: '一汽马自达' }],
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
      ['逸动PLUS', 'Eado Plus', 2020, null],
      ['CS55', 'CS55', 2017, 2020],
      ['CS35', 'CS35', 2012, 2020],
      ['CS85', 'CS85', 2019, null],
      ['CS95', 'CS95', 2017, null],
      ['锐程CC', 'Raeton CC', 2020, null],
      ['锐程PLUS', 'Raeton Plus', 2023, null],
      ['UNI-K', 'UNI-K', 2021, null],
      ['UNI-T', 'UNI-T', 2020, null],
      ['UNI-V', 'UNI-V', 2022, null],
    ],
  },
  {
    name: '哈弗', nameEn: 'Haval', slug: 'haval', aliases: ['HAVAL', '哈佛'],
    manufacturers: { 长城汽车: 'Great Wall Motor' }, manufacturerAliases: { 长城: '长城汽车' },
    models: [
      ['H6', 'H6', 2011, null, { mfr: '长城汽车', gens: [{ n: 1, yearFrom: 2011, yearTo: 2016 }, { n: 2, yearFrom: 2017, yearTo: 2020 }, { n: 3, yearFrom: 2021, yearTo: null }] }],
      ['H6 Coupe', 'H6 Coupe', 2015, 2020, { mfr: '长城汽车' }],
      ['H6S', 'H6S', 2021, null, { mfr: '长城汽车' }],
      ['H2', 'H2', 2014, 2021, { mfr: '长城汽车' }],
      ['神兽', 'Shenshou', 2021, null, { mfr: '长城汽车' }],
      ['赤兔', 'Chitu', 2021, null, { mfr: '长城汽车' }],
      ['枭龙', 'Xiaolong', 2023, null, { mfr: '长城汽车' }],
      ['酷狗', 'Kugou', 2022, null, { mfr: '长城汽车' }],
      ['猛龙', 'Menglong', 2023, null, { mfr: '长城汽车' }],
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
      ['帝豪GL', 'Emgrand GL', 2016, null],
      ['帝豪L', 'Emgrand L', 2022, null],
      ['缤瑞', 'Binrui', 2018, null],
      ['豪越', 'Haoyue', 2020, null],
      ['嘉际', 'Jiaji', 2019, null],
      ['博瑞', 'Borui', 2015, 2022],
      ['博越L', 'Boyue L', 2022, null],
      ['ICON', 'ICON', 2020, null],
      ['缤越', 'Coolray', 2018, null],
      ['星瑞', 'Preface', 2020, null],
      ['远景', 'Vision', 2006, null],
    ],
  },
  {
    name: '比亚迪', nameEn: 'BYD', slug: 'byd', aliases: ['BYD'],
    models: [
      ['宋PLUS', 'Song PLUS', 2020, null],
      ['宋L', 'Song L', 2024, null],
      ['宋MAX', 'Song MAX', 2017, null],
      ['秦L', 'Qin L', 2024, null],
      ['海豹06', 'Seal 06', 2024, null],
      ['海狮07', 'Sealion 07', 2024, null],
      ['护卫舰07', 'Frigate 07', 2023, null],
      ['元Pro', 'Yuan Pro', 2021, null],
      ['e2', 'e2', 2019, null],
      ['宋Pro', 'Song Pro', 2019, null],
      ['宋', 'Song', 2015, null],
      ['汉', 'Han', 2020, null],
      ['唐', 'Tang', 2015, null, { gens: [{ n: 1, yearFrom: 2015, yearTo: 2017 }, { n: 2, yearFrom: 2018, yearTo: null }] }],
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
      ['瑞虎8 PLUS', 'Tiggo 8 Plus', 2021, null],
      ['瑞虎8 PRO', 'Tiggo 8 Pro', 2022, null],
      ['瑞虎7 PLUS', 'Tiggo 7 Plus', 2021, null],
      ['瑞虎9', 'Tiggo 9', 2023, null],
      ['瑞虎3x', 'Tiggo 3x', 2019, null],
      ['艾瑞泽8', 'Arrizo 8', 2022, null],
      ['艾瑞泽GX', 'Arrizo GX', 2018, null],
      ['QQ冰淇淋', 'QQ Ice Cream', 2021, null],
      ['小蚂蚁', 'eQ1', 2017, null],
    ],
  },
  {
    name: '传祺', nameEn: 'Trumpchi', slug: 'trumpchi', aliases: ['TRUMPCHI'],
    manufacturers: { 广汽传祺: 'GAC Trumpchi' },
    models: [
      ['GS4', 'GS4', 2015, null, { mfr: '广汽传祺' }],
      ['GS8', 'GS8', 2017, null, { mfr: '广汽传祺' }],
      ['GS3', 'GS3', 2017, null, { mfr: '广汽传祺', aliases: ['影速', 'GS3影速'] }],
      ['影酷', 'Emkoo', 2022, null, { mfr: '广汽传祺' }],
      ['M6', 'M6', 2019, null, { mfr: '广汽传祺' }],
      ['E9', 'E9', 2023, null, { mfr: '广汽传祺' }],
      ['GA6', 'GA6', 2015, 2022, { mfr: '广汽传祺' }],
      ['GS5', 'GS5', 2012, 2019, { mfr: '广汽传祺' }],
      ['M8', 'M8', 2018, null, { mfr: '广汽传祺', aliases: ['M8宗师'] }],
      ['影豹', 'Empow', 2021, null, { mfr: '广汽传祺' }],
    ],
  },
  {
    name: '荣威', nameEn: 'Roewe', slug: 'roewe', aliases: ['ROEWE'], manufacturers: { 上汽荣威: 'SAIC Roewe' },
    models: [
      ['RX5', 'RX5', 2016, null, { mfr: '上汽荣威' }],
      ['RX5 MAX', 'RX5 MAX', 2019, null, { mfr: '上汽荣威' }],
      ['RX5 PLUS', 'RX5 PLUS', 2020, null, { mfr: '上汽荣威' }],
      ['RX8', 'RX8', 2018, null, { mfr: '上汽荣威' }],
      ['科莱威', 'Clever', 2020, null, { mfr: '上汽荣威' }],
      ['D7', 'D7', 2023, null, { mfr: '上汽荣威' }],
      ['360', '360', 2015, 2018, { mfr: '上汽荣威' }],
      ['950', '950', 2012, 2017, { mfr: '上汽荣威' }],
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
      ['MG4', 'MG4', 2022, null, { mfr: '上汽名爵' }],
      ['MG7', 'MG7', 2023, null, { mfr: '上汽名爵' }],
      ['MG3', 'MG3', 2008, 2019, { mfr: '上汽名爵' }],
      ['锐腾', 'GS', 2015, 2019, { mfr: '上汽名爵' }],
      ['锐行', 'GT', 2017, 2020, { mfr: '上汽名爵' }],
      ['MG ONE', 'ONE', 2021, null, { mfr: '上汽名爵' }],
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
      ['07', '07', 2023, null],
      ['08', '08', 2023, null],
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
      ['A4L', 'A4L', 2009, null, { mfr: '一汽奥迪', gens: [{ n: 4, yearFrom: 2009, yearTo: 2016, codes: ['B8'] }, { n: 5, yearFrom: 2017, yearTo: null, codes: ['B9'] }] }],
      ['A6L', 'A6L', 2005, null, { mfr: '一汽奥迪', gens: [{ n: 3, yearFrom: 2005, yearTo: 2011, codes: ['C6'] }, { n: 4, yearFrom: 2012, yearTo: 2018, codes: ['C7'] }, { n: 5, yearFrom: 2019, yearTo: null, codes: ['C8'] }] }],
      ['Q2L', 'Q2L', 2018, null, { mfr: '一汽奥迪' }],
      ['Q7', 'Q7', 2006, null],
      ['A5', 'A5', 2017, null],
      ['A8L', 'A8L', 2004, null],
      ['Q4 e-tron', 'Q4 e-tron', 2022, null, { mfr: '一汽奥迪' }],
      ['Q5L', 'Q5L', 2018, null, { mfr: '一汽奥迪' }],
      ['Q5', 'Q5', 2010, 2017, { mfr: '一汽奥迪' }],
      ['Q3', 'Q3', 2013, null, { mfr: '一汽奥迪' }],
      ['A3', 'A3', 2014, null, { mfr: '一汽奥迪' }],
    ],
  },
  {
    name: '宝马', nameEn: 'BMW', slug: 'bmw', aliases: ['BMW'], manufacturers: { 华晨宝马: 'BMW Brilliance' },
    models: [
      ['3系', '3 Series', 2005, null, { mfr: '华晨宝马', aliases: ['三系', '3系GT', '320LI', '325LI'], gens: [{ n: 5, yearFrom: 2005, yearTo: 2012, codes: ['E90'] }, { n: 6, yearFrom: 2013, yearTo: 2019, codes: ['F35', 'F30'] }, { n: 7, yearFrom: 2020, yearTo: null, codes: ['G28', 'G20'] }] }],
      ['5系', '5 Series', 2006, null, { mfr: '华晨宝马', aliases: ['五系', '525LI', '530LI'], gens: [{ n: 6, yearFrom: 2010, yearTo: 2017, codes: ['F18', 'F10'] }, { n: 7, yearFrom: 2018, yearTo: 2023, codes: ['G38', 'G30'] }, { n: 8, yearFrom: 2024, yearTo: null, codes: ['G68', 'G60'] }] }],
      ['1系', '1 Series', 2017, null, { mfr: '华晨宝马' }],
      ['X1', 'X1', 2012, null, { mfr: '华晨宝马', gens: [{ n: 1, yearFrom: 2012, yearTo: 2015, codes: ['E84'] }, { n: 2, yearFrom: 2016, yearTo: 2022, codes: ['F49', 'F48'] }, { n: 3, yearFrom: 2023, yearTo: null, codes: ['U11'] }] }],
      ['X3', 'X3', 2018, null, { mfr: '华晨宝马', gens: [{ n: 3, yearFrom: 2018, yearTo: null, codes: ['G08', 'G01'] }] }],
      ['X5', 'X5', 2007, null, { gens: [{ n: 2, yearFrom: 2007, yearTo: 2013, codes: ['E70'] }, { n: 3, yearFrom: 2014, yearTo: 2018, codes: ['F15'] }, { n: 4, yearFrom: 2019, yearTo: null, codes: ['G05'] }] }],
      ['X6', 'X6', 2008, null],
      ['X4', 'X4', 2014, null],
      ['X2', 'X2', 2018, null],
      ['2系', '2 Series', 2015, null],
      ['4系', '4 Series', 2014, null],
      ['7系', '7 Series', 2002, null],
      ['iX3', 'iX3', 2020, null, { mfr: '华晨宝马' }],
    ],
  },
  {
    name: '奔驰', nameEn: 'Mercedes-Benz', slug: 'mercedes-benz', aliases: ['BENZ', '梅赛德斯', '梅赛德斯奔驰'],
    manufacturers: { 北京奔驰: 'Beijing Benz' },
    models: [
      ['C级', 'C-Class', 2008, null, { mfr: '北京奔驰', aliases: ['C200L', 'C260L', 'C300L', 'C260'], gens: [{ n: 3, yearFrom: 2008, yearTo: 2014, codes: ['W204'] }, { n: 4, yearFrom: 2015, yearTo: 2021, codes: ['W205'] }, { n: 5, yearFrom: 2022, yearTo: null, codes: ['W206'] }] }],
      ['E级', 'E-Class', 2007, null, { mfr: '北京奔驰', aliases: ['E260L', 'E300L'], gens: [{ n: 4, yearFrom: 2010, yearTo: 2015, codes: ['W212'] }, { n: 5, yearFrom: 2016, yearTo: 2023, codes: ['W213'] }, { n: 6, yearFrom: 2024, yearTo: null, codes: ['W214'] }] }],
      ['GLC', 'GLC', 2016, null, { mfr: '北京奔驰', gens: [{ n: 1, yearFrom: 2016, yearTo: 2022, codes: ['X253'] }, { n: 2, yearFrom: 2023, yearTo: null, codes: ['X254'] }] }],
      ['GLA', 'GLA', 2017, null, { mfr: '北京奔驰' }],
      ['GLB', 'GLB', 2020, null, { mfr: '北京奔驰' }],
      ['GLE', 'GLE', 2015, null],
      ['S级', 'S-Class', 2006, null, { aliases: ['S400', 'S450'] }],
      ['V级', 'V-Class', 2016, null, { aliases: ['V260'] }],
      ['威霆', 'Vito', 2010, null],
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
      ['L6', 'L6', 2024, null],
      ['MEGA', 'MEGA', 2024, null],
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
      ['ES7', 'ES7', 2022, null],
      ['EC7', 'EC7', 2023, null],
      ['ET5T', 'ET5T', 2023, null],
    ],
  },
  {
    name: '小鹏', nameEn: 'XPeng', slug: 'xpeng', aliases: ['XPENG'],
    models: [
      ['P7', 'P7', 2020, null],
      ['P5', 'P5', 2021, null],
      ['G3', 'G3', 2019, null],
      ['G9', 'G9', 2022, null],
      ['G6', 'G6', 2023, null],
      ['X9', 'X9', 2024, null],
      ['MONA M03', 'MONA M03', 2024, null, { aliases: ['M03'] }],
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

export const VEHICLE_MAKES: readonly MakeData[] = [...BASE_MAKES, ...MORE_MAKES];
