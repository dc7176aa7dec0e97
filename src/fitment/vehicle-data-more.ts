import type { MakeData } from './vehicle-data';

/**
 * The rest of the CPCA top-60 brands (and a few more sellers name often), in the same shape and
 * from the same sources as vehicle-data.ts (see its header). Sub-brands that sell under their
 * own name (坦克, 魏牌, 欧拉, 深蓝, 极氪, 几何, 捷途, 星途…) are makes of their own, as on 汽车之家.
 * Model names that are also ordinary words (拿铁, 好猫, 追风…) are listed as weak in the matcher.
 */
export const MORE_MAKES: readonly MakeData[] = [
  {
    name: '红旗', nameEn: 'Hongqi', slug: 'hongqi', aliases: ['HONGQI'], manufacturers: { 一汽红旗: 'FAW Hongqi' },
    models: [
      ['H5', 'H5', 2018, null, { mfr: '一汽红旗' }],
      ['H6', 'H6', 2022, null, { mfr: '一汽红旗' }],
      ['H7', 'H7', 2013, 2021, { mfr: '一汽红旗' }],
      ['H9', 'H9', 2020, null, { mfr: '一汽红旗' }],
      ['HS3', 'HS3', 2023, null, { mfr: '一汽红旗' }],
      ['HS5', 'HS5', 2019, null, { mfr: '一汽红旗' }],
      ['HS7', 'HS7', 2019, null, { mfr: '一汽红旗' }],
      ['HQ9', 'HQ9', 2023, null, { mfr: '一汽红旗' }],
      ['E-HS9', 'E-HS9', 2020, null, { mfr: '一汽红旗' }],
      ['E-QM5', 'E-QM5', 2021, null, { mfr: '一汽红旗' }],
    ],
  },
  {
    name: '坦克', nameEn: 'Tank', slug: 'tank', aliases: ['TANK'], manufacturers: { 长城汽车: 'Great Wall Motor' },
    models: [
      ['坦克300', '300', 2021, null, { mfr: '长城汽车', aliases: ['300'] }],
      ['坦克400', '400', 2023, null, { mfr: '长城汽车', aliases: ['400'] }],
      ['坦克500', '500', 2022, null, { mfr: '长城汽车', aliases: ['500'] }],
      ['坦克700', '700', 2024, null, { mfr: '长城汽车', aliases: ['700'] }],
    ],
  },
  {
    name: '魏牌', nameEn: 'WEY', slug: 'wey', aliases: ['WEY', '魏派'], manufacturers: { 长城汽车: 'Great Wall Motor' },
    models: [
      ['摩卡', 'Mocha', 2021, null, { mfr: '长城汽车' }],
      ['拿铁', 'Latte', 2022, null, { mfr: '长城汽车' }],
      ['玛奇朵', 'Macchiato', 2021, null, { mfr: '长城汽车' }],
      ['蓝山', 'Lanshan', 2022, null, { mfr: '长城汽车' }],
      ['VV5', 'VV5', 2017, 2021, { mfr: '长城汽车' }],
      ['VV6', 'VV6', 2018, 2021, { mfr: '长城汽车' }],
      ['VV7', 'VV7', 2017, 2021, { mfr: '长城汽车' }],
    ],
  },
  {
    name: '欧拉', nameEn: 'ORA', slug: 'ora', aliases: ['ORA'], manufacturers: { 长城汽车: 'Great Wall Motor' },
    models: [
      ['好猫', 'Good Cat', 2021, null, { mfr: '长城汽车' }],
      ['好猫GT', 'Good Cat GT', 2022, null, { mfr: '长城汽车' }],
      ['芭蕾猫', 'Ballet Cat', 2022, null, { mfr: '长城汽车' }],
      ['闪电猫', 'Lightning Cat', 2022, null, { mfr: '长城汽车' }],
      ['白猫', 'White Cat', 2020, 2022, { mfr: '长城汽车' }],
      ['黑猫', 'Black Cat', 2020, 2022, { mfr: '长城汽车' }],
    ],
  },
  {
    name: '长城', nameEn: 'Great Wall', slug: 'great-wall', aliases: ['GREATWALL'], manufacturers: { 长城汽车: 'Great Wall Motor' },
    models: [
      ['长城炮', 'Poer', 2019, null, { mfr: '长城汽车' }],
      ['风骏5', 'Wingle 5', 2009, null, { mfr: '长城汽车' }],
      ['风骏7', 'Wingle 7', 2018, null, { mfr: '长城汽车' }],
    ],
  },
  {
    name: '长安欧尚', nameEn: 'Changan Oshan', slug: 'changan-oshan', aliases: ['欧尚'],
    models: [
      ['X5', 'X5', 2020, null, { aliases: ['X5PLUS'] }],
      ['X7 PLUS', 'X7 Plus', 2021, null],
      ['Z6', 'Z6', 2022, null],
      ['科赛', 'Cosmos', 2017, 2021],
    ],
  },
  {
    name: '深蓝', nameEn: 'Deepal', slug: 'deepal', aliases: ['DEEPAL', '长安深蓝'],
    models: [
      ['SL03', 'SL03', 2022, null],
      ['S7', 'S7', 2023, null],
      ['G318', 'G318', 2024, null],
    ],
  },
  {
    name: '长安启源', nameEn: 'Changan Qiyuan', slug: 'changan-qiyuan', aliases: ['启源'],
    models: [
      ['A07', 'A07', 2023, null],
      ['A05', 'A05', 2024, null],
      ['Q05', 'Q05', 2024, null],
    ],
  },
  {
    name: '极氪', nameEn: 'Zeekr', slug: 'zeekr', aliases: ['ZEEKR'],
    models: [
      ['001', '001', 2021, null],
      ['007', '007', 2024, null],
      ['009', '009', 2022, null],
      ['7X', '7X', 2024, null],
      ['极氪X', 'X', 2023, null],
    ],
  },
  {
    name: '几何', nameEn: 'Geometry', slug: 'geometry',
    models: [
      ['几何A', 'A', 2019, null],
      ['几何C', 'C', 2020, null],
      ['几何E', 'E', 2022, null],
      ['几何G6', 'G6', 2023, null],
      ['几何M6', 'M6', 2023, null],
    ],
  },
  {
    name: '吉利银河', nameEn: 'Geely Galaxy', slug: 'geely-galaxy',
    models: [
      ['银河L6', 'L6', 2023, null, { aliases: ['L6'] }],
      ['银河L7', 'L7', 2023, null, { aliases: ['L7'] }],
      ['银河E8', 'E8', 2024, null, { aliases: ['E8'] }],
      ['星愿', 'Xingyuan', 2024, null],
    ],
  },
  {
    name: '零跑', nameEn: 'Leapmotor', slug: 'leapmotor', aliases: ['LEAPMOTOR'],
    models: [
      ['C11', 'C11', 2021, null],
      ['C01', 'C01', 2022, null],
      ['C10', 'C10', 2024, null],
      ['C16', 'C16', 2024, null],
      ['T03', 'T03', 2020, null],
      ['S01', 'S01', 2019, 2022],
    ],
  },
  {
    name: '问界', nameEn: 'AITO', slug: 'aito', aliases: ['AITO', '赛力斯问界'],
    models: [
      ['M5', 'M5', 2022, null],
      ['M7', 'M7', 2022, null],
      ['M9', 'M9', 2023, null],
    ],
  },
  {
    name: '哪吒', nameEn: 'Neta', slug: 'neta', aliases: ['NETA', '哪吒汽车'],
    models: [
      ['哪吒V', 'V', 2020, null],
      ['哪吒U', 'U', 2020, null],
      ['哪吒S', 'S', 2022, null],
      ['哪吒GT', 'GT', 2023, null],
      ['哪吒X', 'X', 2024, null],
      ['哪吒L', 'L', 2024, null],
      ['哪吒AYA', 'AYA', 2023, null],
    ],
  },
  {
    name: '捷途', nameEn: 'Jetour', slug: 'jetour', aliases: ['JETOUR'],
    models: [
      ['X70', 'X70', 2018, null],
      ['X70 PLUS', 'X70 Plus', 2020, null],
      ['X90', 'X90', 2019, null],
      ['X95', 'X95', 2019, null],
      ['旅行者', 'Traveller', 2023, null],
      ['大圣', 'Dasheng', 2022, null],
    ],
  },
  {
    name: '星途', nameEn: 'Exeed', slug: 'exeed', aliases: ['EXEED'],
    models: [
      ['揽月', 'Lanyue', 2023, null],
      ['凌云', 'Lingyun', 2019, null],
      ['追风', 'Zhuifeng', 2019, null],
      ['瑶光', 'Yaoguang', 2022, null],
    ],
  },
  {
    name: '凯迪拉克', nameEn: 'Cadillac', slug: 'cadillac', aliases: ['CADILLAC', '凯迪'], manufacturers: { 上汽通用凯迪拉克: 'SAIC-GM Cadillac' },
    models: [
      ['CT4', 'CT4', 2020, null, { mfr: '上汽通用凯迪拉克' }],
      ['CT5', 'CT5', 2019, null, { mfr: '上汽通用凯迪拉克' }],
      ['CT6', 'CT6', 2016, null, { mfr: '上汽通用凯迪拉克' }],
      ['XT4', 'XT4', 2018, null, { mfr: '上汽通用凯迪拉克' }],
      ['XT5', 'XT5', 2016, null, { mfr: '上汽通用凯迪拉克' }],
      ['XT6', 'XT6', 2019, null, { mfr: '上汽通用凯迪拉克' }],
      ['ATS-L', 'ATS-L', 2014, 2018, { mfr: '上汽通用凯迪拉克' }],
      ['XTS', 'XTS', 2013, 2018, { mfr: '上汽通用凯迪拉克' }],
    ],
  },
  {
    name: '雷克萨斯', nameEn: 'Lexus', slug: 'lexus', aliases: ['LEXUS', '凌志'],
    models: [
      ['ES', 'ES', 2006, null],
      ['RX', 'RX', 2003, null],
      ['NX', 'NX', 2015, null],
      ['UX', 'UX', 2019, null],
      ['LS', 'LS', 2006, null],
      ['LM', 'LM', 2020, null],
    ],
  },
  {
    name: '沃尔沃', nameEn: 'Volvo', slug: 'volvo', aliases: ['VOLVO'], manufacturers: { 沃尔沃亚太: 'Volvo Asia Pacific' },
    models: [
      ['S60', 'S60', 2011, null, { mfr: '沃尔沃亚太', aliases: ['S60L'] }],
      ['S90', 'S90', 2017, null, { mfr: '沃尔沃亚太' }],
      ['XC40', 'XC40', 2018, null, { mfr: '沃尔沃亚太' }],
      ['XC60', 'XC60', 2009, null, { mfr: '沃尔沃亚太' }],
      ['XC90', 'XC90', 2015, null],
    ],
  },
  {
    name: '路虎', nameEn: 'Land Rover', slug: 'land-rover', aliases: ['LANDROVER', 'LAND ROVER'], manufacturers: { 奇瑞捷豹路虎: 'Chery Jaguar Land Rover' },
    models: [
      ['揽胜', 'Range Rover', 2002, null],
      ['揽胜极光', 'Range Rover Evoque', 2012, null, { mfr: '奇瑞捷豹路虎' }],
      ['揽胜运动版', 'Range Rover Sport', 2005, null, { aliases: ['揽胜运动'] }],
      ['揽胜星脉', 'Range Rover Velar', 2017, null],
      ['发现', 'Discovery', 2005, null],
      ['发现神行', 'Discovery Sport', 2015, null, { mfr: '奇瑞捷豹路虎' }],
      ['卫士', 'Defender', 2020, null],
    ],
  },
  {
    name: '保时捷', nameEn: 'Porsche', slug: 'porsche', aliases: ['PORSCHE'],
    models: [
      ['卡宴', 'Cayenne', 2003, null, { aliases: ['CAYENNE'] }],
      ['Macan', 'Macan', 2014, null, { aliases: ['MACAN'] }],
      ['Panamera', 'Panamera', 2010, null, { aliases: ['帕拉梅拉'] }],
      ['Taycan', 'Taycan', 2020, null],
      ['911', '911', 2000, null],
    ],
  },
  {
    name: '斯柯达', nameEn: 'Skoda', slug: 'skoda', aliases: ['SKODA'], manufacturers: { 上汽斯柯达: 'SAIC Skoda' }, manufacturerAliases: { 上海斯柯达: '上汽斯柯达' },
    models: [
      ['明锐', 'Octavia', 2007, null, { mfr: '上汽斯柯达', aliases: ['OCTAVIA'] }],
      ['速派', 'Superb', 2009, null, { mfr: '上汽斯柯达', aliases: ['SUPERB'] }],
      ['柯迪亚克', 'Kodiaq', 2017, null, { mfr: '上汽斯柯达' }],
      ['柯珞克', 'Karoq', 2018, null, { mfr: '上汽斯柯达' }],
      ['柯米克', 'Kamiq', 2018, null, { mfr: '上汽斯柯达' }],
      ['昕锐', 'Rapid', 2013, 2021, { mfr: '上汽斯柯达' }],
      ['晶锐', 'Fabia', 2008, 2021, { mfr: '上汽斯柯达' }],
    ],
  },
  {
    name: 'Jeep', nameEn: 'Jeep', slug: 'jeep', aliases: ['JEEP', '吉普'], manufacturers: { 广汽菲克: 'GAC FCA' },
    models: [
      ['自由光', 'Cherokee', 2016, null, { mfr: '广汽菲克' }],
      ['指南者', 'Compass', 2017, null, { mfr: '广汽菲克' }],
      ['自由侠', 'Renegade', 2016, null, { mfr: '广汽菲克' }],
      ['牧马人', 'Wrangler', 2007, null],
      ['大切诺基', 'Grand Cherokee', 2011, null],
    ],
  },
  {
    name: '三菱', nameEn: 'Mitsubishi', slug: 'mitsubishi', aliases: ['MITSUBISHI'], manufacturers: { 广汽三菱: 'GAC Mitsubishi' },
    models: [
      ['欧蓝德', 'Outlander', 2013, null, { mfr: '广汽三菱' }],
      ['劲炫', 'ASX', 2013, null, { mfr: '广汽三菱', aliases: ['ASX'] }],
      ['帕杰罗', 'Pajero', 2003, null],
      ['奕歌', 'Eclipse Cross', 2018, null, { mfr: '广汽三菱' }],
    ],
  },
  {
    name: '标致', nameEn: 'Peugeot', slug: 'peugeot', aliases: ['PEUGEOT'], manufacturers: { 东风标致: 'Dongfeng Peugeot' },
    models: [
      ['301', '301', 2014, 2021, { mfr: '东风标致' }],
      ['308', '308', 2012, null, { mfr: '东风标致' }],
      ['408', '408', 2010, null, { mfr: '东风标致' }],
      ['508', '508', 2011, null, { mfr: '东风标致', aliases: ['508L'] }],
      ['2008', '2008', 2014, null, { mfr: '东风标致' }],
      ['3008', '3008', 2013, null, { mfr: '东风标致' }],
      ['4008', '4008', 2017, null, { mfr: '东风标致' }],
      ['5008', '5008', 2017, null, { mfr: '东风标致' }],
    ],
  },
  {
    name: '雪铁龙', nameEn: 'Citroën', slug: 'citroen', aliases: ['CITROEN'], manufacturers: { 东风雪铁龙: 'Dongfeng Citroën' }, manufacturerAliases: { 神龙: '东风雪铁龙' },
    models: [
      ['天逸', 'C5 Aircross', 2017, null, { mfr: '东风雪铁龙', aliases: ['天逸C5', 'C5AIRCROSS'] }],
      ['凡尔赛C5 X', 'C5 X', 2021, null, { mfr: '东风雪铁龙', aliases: ['C5X'] }],
      ['C5', 'C5', 2010, 2021, { mfr: '东风雪铁龙' }],
      ['C3-XR', 'C3-XR', 2015, null, { mfr: '东风雪铁龙' }],
      ['世嘉', 'C-Quatre', 2009, null, { mfr: '东风雪铁龙' }],
      ['爱丽舍', 'Elysée', 2002, 2023, { mfr: '东风雪铁龙' }],
    ],
  },
  {
    name: '捷达', nameEn: 'Jetta', slug: 'jetta',
    models: [
      ['捷达VA3', 'VA3', 2019, null, { aliases: ['VA3'] }],
      ['捷达VS5', 'VS5', 2019, null, { aliases: ['VS5'] }],
      ['捷达VS7', 'VS7', 2020, null, { aliases: ['VS7'] }],
    ],
  },
  {
    name: '东风风神', nameEn: 'Dongfeng Aeolus', slug: 'dongfeng-aeolus', aliases: ['风神'],
    models: [
      ['奕炫', 'Yixuan', 2019, null],
      ['奕炫MAX', 'Yixuan MAX', 2021, null],
      ['AX7', 'AX7', 2015, null],
      ['皓极', 'Haoji', 2022, null],
    ],
  },
  {
    name: '东风风行', nameEn: 'Dongfeng Forthing', slug: 'dongfeng-forthing', aliases: ['风行'],
    models: [
      ['景逸X5', 'Joyear X5', 2013, null],
      ['T5 EVO', 'T5 EVO', 2021, null],
      ['菱智', 'Lingzhi', 2007, null],
      ['风行SX6', 'SX6', 2016, 2021, { aliases: ['SX6'] }],
    ],
  },
  {
    name: '东风风光', nameEn: 'Dongfeng Fengon', slug: 'dongfeng-fengon', aliases: ['风光'],
    models: [
      ['风光580', '580', 2016, null, { aliases: ['580'] }],
      ['风光ix5', 'ix5', 2019, null, { aliases: ['IX5'] }],
    ],
  },
  {
    name: '奔腾', nameEn: 'Bestune', slug: 'bestune', aliases: ['BESTUNE', '一汽奔腾'],
    models: [
      ['B70', 'B70', 2006, null],
      ['B50', 'B50', 2009, 2019],
      ['T77', 'T77', 2018, null],
      ['T99', 'T99', 2019, null],
      ['T33', 'T33', 2019, null],
      ['NAT', 'NAT', 2021, null],
    ],
  },
  {
    name: '腾势', nameEn: 'Denza', slug: 'denza', aliases: ['DENZA'],
    models: [
      ['D9', 'D9', 2022, null],
      ['N7', 'N7', 2023, null],
      ['N8', 'N8', 2023, null],
    ],
  },
  {
    name: '岚图', nameEn: 'Voyah', slug: 'voyah', aliases: ['VOYAH'],
    models: [
      ['FREE', 'FREE', 2021, null],
      ['梦想家', 'Dreamer', 2022, null],
      ['追光', 'Passion', 2023, null],
    ],
  },
  {
    name: '阿维塔', nameEn: 'Avatr', slug: 'avatr', aliases: ['AVATR'],
    models: [
      ['阿维塔11', '11', 2022, null],
      ['阿维塔12', '12', 2023, null],
    ],
  },
  {
    name: '智己', nameEn: 'IM Motors', slug: 'im-motors', aliases: ['智己汽车'],
    models: [
      ['L7', 'L7', 2022, null],
      ['LS7', 'LS7', 2023, null],
      ['LS6', 'LS6', 2023, null],
    ],
  },
  {
    name: '小米', nameEn: 'Xiaomi', slug: 'xiaomi', aliases: ['小米汽车'],
    models: [['SU7', 'SU7', 2024, null]],
  },
  {
    name: '北京越野', nameEn: 'BAIC BJ', slug: 'baic-bj', aliases: ['北汽越野'],
    models: [
      ['BJ40', 'BJ40', 2014, null],
      ['BJ60', 'BJ60', 2022, null],
      ['BJ80', 'BJ80', 2016, null],
      ['BJ90', 'BJ90', 2018, null],
    ],
  },
  {
    name: '上汽大通', nameEn: 'Maxus', slug: 'maxus', aliases: ['MAXUS', '大通'],
    models: [
      ['G10', 'G10', 2014, null],
      ['G20', 'G20', 2019, null],
      ['G50', 'G50', 2019, null],
      ['D90', 'D90', 2017, null],
      ['T60', 'T60', 2017, null],
      ['V80', 'V80', 2011, null],
      ['MIFA 9', 'MIFA 9', 2022, null],
    ],
  },
  {
    name: '林肯', nameEn: 'Lincoln', slug: 'lincoln', aliases: ['LINCOLN'], manufacturers: { 长安林肯: 'Changan Lincoln' },
    models: [
      ['冒险家', 'Corsair', 2020, null, { mfr: '长安林肯' }],
      ['航海家', 'Nautilus', 2019, null],
      ['飞行家', 'Aviator', 2020, null, { mfr: '长安林肯' }],
      ['领航员', 'Navigator', 2018, null],
      ['林肯Z', 'Z', 2022, null, { mfr: '长安林肯' }],
    ],
  },
  {
    name: '英菲尼迪', nameEn: 'Infiniti', slug: 'infiniti', aliases: ['INFINITI'], manufacturers: { 东风英菲尼迪: 'Dongfeng Infiniti' },
    models: [
      ['Q50L', 'Q50L', 2015, 2022, { mfr: '东风英菲尼迪' }],
      ['QX50', 'QX50', 2018, 2022, { mfr: '东风英菲尼迪' }],
      ['QX60', 'QX60', 2014, null],
    ],
  },
  {
    name: '方程豹', nameEn: 'Fangchengbao', slug: 'fangchengbao',
    models: [['豹5', 'Bao 5', 2023, null]],
  },
  {
    name: '仰望', nameEn: 'Yangwang', slug: 'yangwang',
    models: [['U8', 'U8', 2023, null], ['U9', 'U9', 2024, null]],
  },
  {
    name: '江淮', nameEn: 'JAC', slug: 'jac', aliases: ['JAC'],
    models: [
      ['瑞风S3', 'Refine S3', 2014, null],
      ['瑞风S4', 'Refine S4', 2019, null],
      ['瑞风M3', 'Refine M3', 2015, null],
      ['嘉悦A5', 'Jiayue A5', 2019, null],
    ],
  },
  {
    name: '五十铃', nameEn: 'Isuzu', slug: 'isuzu', aliases: ['ISUZU'], manufacturers: { 江西五十铃: 'Jiangxi Isuzu' },
    models: [
      ['D-MAX', 'D-MAX', 2013, null, { mfr: '江西五十铃' }],
      ['mu-X', 'mu-X', 2017, null, { mfr: '江西五十铃', aliases: ['牧游侠'] }],
    ],
  },
  {
    name: '江铃', nameEn: 'JMC', slug: 'jmc', aliases: ['JMC'],
    models: [
      ['域虎', 'Yuhu', 2017, null],
      ['宝典', 'Baodian', 2009, null],
    ],
  },
  {
    name: '极狐', nameEn: 'Arcfox', slug: 'arcfox', aliases: ['ARCFOX'],
    models: [
      ['阿尔法S', 'Alpha S', 2021, null],
      ['阿尔法T', 'Alpha T', 2020, null],
    ],
  },
];
