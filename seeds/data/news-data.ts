// Seed newsroom for qipei (汽配). Plain data only: no imports.
//
// The first article is the wire story of the source page (shared/seed-page.txt): title and
// paragraphs copied byte for byte, the caption once (the page shows it twice, once with a stray
// `<strong></strong>`), the credit split out of the caption, the trailing "(Yonhap)" kept in the
// last paragraph as printed and also stored as the source. The page shows no dateline, byline or
// dek for it, so none is invented. The rest are demo articles written for the shop.

export interface SeedArticle {
  slug: string;
  title: string;
  dek: string;
  /** Paragraph texts (escaped by the seed) or ready HTML blocks starting with `<`. */
  paragraphs: string[];
  byline: string;
  source: string;
  dateline: string;
  section: string;
  lang: string;
  /** Asia/Shanghai wall time, as the page displays it. */
  publishedAt: string;
  views: number;
  imageLabel: string;
  imageAlt: string;
  imageCaption: string;
  imageCredit: string;
  tags: string[];
  productSlugs: string[];
}

export const YONHAP_STORY: SeedArticle = {
  slug: 'kim-putin-exchange-messages-liberation-anniversary',
  title: "Kim, Putin exchange messages on anniversary of Korea's liberation from Japan",
  dek: '',
  paragraphs: [
    "North Korean leader Kim Jong-un and Russian President Vladimir Putin stressed the friendly ties of their countries and vowed further bilateral cooperation as they exchanged messages to mark the 76th anniversary of the liberation of the Korean Peninsula from Japan's colonial rule, Pyongyang's state media reported Sunday.",
    "In a message sent to Putin on Sunday, Kim emphasized that the friendly ties \"forged in blood in the struggle against the common enemy\" have been carried forward for generations and hoped that the relations would grow stronger onto a \"new strategic level,\" according to the Korean Central News Agency.",
    "Putin sent a message to Kim on the same day, in which he stressed that the two countries \"cherish the memory of the service personnel of the Red Army and Korean patriots who dedicated their lives to the freedom of Korea,\" the KCNA said.",
    "Putin expressed \"the belief that the bilateral cooperation of mutual benefits would be further promoted through the implementation of the agreements reached at the 2019 meeting in Vladivostok,\" it added, referring to the summit the leaders held in Russia's Far Eastern city.",
    "\"This would no doubt contribute to ensuring the security in the Korean Peninsula and the Northeast Asian region as a whole,\" he was quoted as saying.",
    "Kim and Putin have exchanged messages to mark the anniversary of Korea's liberation from Japan's 1910-45 colonial rule.",
    "North Korea has strengthened relations, in particular, with other socialist countries, including China and Cuba amid prolonged stalemate in denuclearization talks with the United States and crippling global sanctions on its economy. (Yonhap)",
  ],
  byline: '',
  source: 'Yonhap',
  dateline: '',
  section: '国际',
  lang: 'en',
  publishedAt: '2024-09-21 05:32:44',
  views: 3,
  imageLabel: '资料图',
  imageAlt: '示意图占位：原图为金正恩与普京在符拉迪沃斯托克会谈前握手的资料照片',
  imageCaption: 'In this 2019 April file photo, North Korean leader Kim Jong-un and Russian President Vladimir Putin shake hands before summit in Vladivostok, Russia.',
  imageCredit: 'AP-Yonhap',
  tags: ['国际新闻', '朝鲜半岛'],
  productSlugs: [],
};

const EDITORS = '汽配商城编辑部';
const SHOP = '汽配商城';

export const DEMO_ARTICLES: SeedArticle[] = [
  {
    slug: 'how-to-choose-12v-24v-battery-charger',
    title: '电瓶充电器怎么选？12V 与 24V 一次讲清楚',
    dek: '小轿车多为 12V，货车和大客车多为 24V。选错电压轻则充不进，重则损坏电瓶。',
    paragraphs: [
      '冬天早上打不着火，十有八九是电瓶亏电。一台智能充电器放在后备箱，比等救援快得多。但在下单之前，先弄清楚自己车上电瓶的电压。',
      '<h2>先看电压：12V 还是 24V</h2>',
      '绝大多数家用轿车、SUV 和摩托车使用 12V 电瓶；重型货车、大客车和部分工程车用两块 12V 电瓶串联成 24V。电瓶标签上一般会印着额定电压，不确定时以标签为准。',
      '<ul><li>只开家用车：选 12V 即可；</li><li>家里同时有货车或大客车：选 12V/24V 自动识别的型号；</li><li>摩托车电瓶容量小：注意充电电流不要过大。</li></ul>',
      '<h2>再看电流与修复功能</h2>',
      '充电电流越大充得越快，但对小容量电瓶并不友好。带脉冲修复功能的智能充电器能在一定程度上缓解硫化，适合长期停放的车辆。',
      '<blockquote><p>充电时请先接正极、后接负极，拆除时顺序相反，并保持通风。</p></blockquote>',
      '本店的<a href="/p/smart-battery-charger-12v-24v">全智能 12V/24V 电瓶充电机</a>支持自动识别电压，适合家里有多种车型的车主。',
    ],
    byline: EDITORS,
    source: SHOP,
    dateline: '广州',
    section: '选购指南',
    lang: 'zh-CN',
    publishedAt: '2024-09-28 10:00:00',
    views: 1286,
    imageLabel: '充电器',
    imageAlt: '示意图：汽车电瓶充电器',
    imageCaption: '智能充电器可自动识别 12V 与 24V 电瓶（示意图）。',
    imageCredit: '汽配商城',
    tags: ['充电器', '电瓶', '12V', '24V'],
    productSlugs: ['smart-battery-charger-12v-24v', 'motorcycle-battery-charger-12v-6v', 'pd-65w-dual-type-c-car-charger'],
  },
  {
    slug: 'fitting-stainless-steel-sill-strips',
    title: '不锈钢门槛条安装教程：十分钟贴得又正又牢',
    dek: '清洁、定位、加热、按压，四步做好，门槛条不起翘不脱胶。',
    paragraphs: [
      '门槛条是上下车时最容易被踩到、刮到的地方，一条不锈钢门槛条既能防刮，又能提升质感。多数门槛条采用 3M 双面胶粘贴，自己动手完全可以完成。',
      '<ol><li>用酒精或除胶剂把门槛表面的油污、蜡层擦干净，等待完全干燥；</li><li>先不撕背胶，把门槛条放上去比对位置，用纸胶带做好标记；</li><li>气温低于 15 ℃ 时，用吹风机把胶面和车身稍微加热；</li><li>撕开背胶，从一端开始对准标记，边贴边用力按压。</li></ol>',
      '贴好后 24 小时内尽量不要洗车，让胶层充分固化。',
      '五菱宏光 S 车主可以直接选择<a href="/p/wuling-hongguang-s-stainless-sill-strips">专用不锈钢门槛条</a>，尺寸按原车开模，不需要裁剪。',
    ],
    byline: EDITORS,
    source: SHOP,
    dateline: '广州',
    section: '安装教程',
    lang: 'zh-CN',
    publishedAt: '2024-09-25 09:30:00',
    views: 864,
    imageLabel: '门槛条',
    imageAlt: '示意图：车门下方的不锈钢门槛条',
    imageCaption: '粘贴前先用纸胶带标记位置（示意图）。',
    imageCredit: '汽配商城',
    tags: ['门槛条', '改装', '五菱'],
    productSlugs: ['wuling-hongguang-s-stainless-sill-strips', 'geely-xingyue-l-stainless-sill-strips', 'universal-carbon-sill-protector'],
  },
  {
    slug: 'tail-light-modification-rules',
    title: '改装尾灯会被查吗？尾灯改装的几条底线',
    dek: '颜色、亮度和功能是关键：改装尾灯前先弄清楚哪些能改、哪些不能改。',
    paragraphs: [
      '不少车主喜欢把原厂尾灯换成带流水转向的 LED 尾灯总成。好看之余，也要注意年检和道路安全的要求。',
      '<h2>三条底线</h2>',
      '<ul><li><strong>颜色不能变</strong>：刹车灯、示廓灯为红色，转向灯为琥珀色，倒车灯为白色；</li><li><strong>功能不能少</strong>：原车有的灯光功能，改装后都要保留；</li><li><strong>亮度要合适</strong>：过亮的刹车灯会晃到后车驾驶人。</li></ul>',
      '选择尾灯总成时，优先选择与原车插头一致、即插即用的型号，避免剪线改线留下隐患。',
      '宝骏 730 车主可参考<a href="/p/baojun-730-tail-light-assembly">14-21 款后尾灯总成</a>，原位安装。',
    ],
    byline: EDITORS,
    source: SHOP,
    dateline: '柳州',
    section: '用车知识',
    lang: 'zh-CN',
    publishedAt: '2024-09-22 14:00:00',
    views: 2310,
    imageLabel: '尾灯',
    imageAlt: '示意图：汽车尾灯总成',
    imageCaption: '改装后的尾灯颜色与功能须与原车一致（示意图）。',
    imageCredit: '汽配商城',
    tags: ['尾灯', '宝骏', 'LED'],
    productSlugs: ['baojun-730-tail-light-assembly', 'changan-cs75-plus-led-tail-light-assembly', 'baojun-510-560-730-tail-light-shell'],
  },
  {
    slug: 'caring-for-car-decals',
    title: '车贴怎么保养才不起泡不褪色？',
    dek: '洗车、暴晒和高压水枪是车贴的三大敌人，掌握这些细节能多用好几年。',
    paragraphs: [
      '个性车贴、拉花能遮挡小划痕，也能让车辆与众不同。但贴得好不好、用得久不久，很大程度取决于日常保养。',
      '<ul><li>新贴的车贴 48 小时内不要洗车；</li><li>高压水枪与车贴边缘保持 30 厘米以上距离，不要对着边缘冲；</li><li>夏季尽量停在阴凉处，减少紫外线照射；</li><li>出现小气泡时，用细针从边缘刺破后用刮板推平。</li></ul>',
      '去除旧车贴时，用吹风机加热后慢慢揭下，残胶用专用除胶剂清理，不要用刀片刮车漆。',
      '喜欢引擎盖长剑图案的车主，可以看看这款<a href="/p/long-sword-hood-rear-window-sticker">长剑机盖车贴</a>。',
    ],
    byline: EDITORS,
    source: SHOP,
    dateline: '广州',
    section: '养护',
    lang: 'zh-CN',
    publishedAt: '2024-09-18 20:15:00',
    views: 517,
    imageLabel: '车贴',
    imageAlt: '示意图：引擎盖上的装饰车贴',
    imageCaption: '车贴边缘是最容易起翘的地方（示意图）。',
    imageCredit: '汽配商城',
    tags: ['车贴', '拉花', '外观'],
    productSlugs: ['long-sword-hood-rear-window-sticker', 'universal-reflective-scratch-cover-sticker', 'honda-civic-10th-gen-carbon-fiber-decal'],
  },
  {
    slug: 'cleaning-front-grille',
    title: '中网积了虫尸和泥垢？这样清洗不伤电镀亮条',
    dek: '中网缝隙多、亮条怕刮，清洁时工具和清洁剂都要选对。',
    paragraphs: [
      '高速跑一趟，中网上往往粘满了虫尸和灰尘。时间一长，酸性残留会腐蚀电镀层，让亮条发黄起斑。',
      '<ol><li>先用清水冲湿，软化污渍；</li><li>用中性洗车液配合软毛刷，顺着格栅方向刷洗；</li><li>电镀亮条用超细纤维毛巾擦干，不要用钢丝球或硬毛刷；</li><li>最后可喷一层镀晶剂，下次更容易清洁。</li></ol>',
      '如果原车中网已经老化，换一块<a href="/p/dongfeng-honda-envix-metal-grille-trim">享域专用金属中网亮条</a>，前脸立刻焕然一新。',
    ],
    byline: EDITORS,
    source: SHOP,
    dateline: '广州',
    section: '养护',
    lang: 'zh-CN',
    publishedAt: '2024-09-15 11:00:00',
    views: 398,
    imageLabel: '中网',
    imageAlt: '示意图：汽车前脸中网',
    imageCaption: '电镀亮条只用软毛巾擦拭（示意图）。',
    imageCredit: '汽配商城',
    tags: ['中网', '洗车', '本田'],
    productSlugs: ['dongfeng-honda-envix-metal-grille-trim', 'microfiber-car-wash-towel', 'high-foam-car-wash-shampoo-2l'],
  },
  {
    slug: 'choosing-car-floor-mats',
    title: 'TPE、皮革还是橡胶？汽车脚垫选购指南',
    dek: '全包围好看，TPE 好洗，橡胶便宜耐用：按用车习惯来选。',
    paragraphs: [
      '脚垫是车内最容易脏的地方之一。雨雪天带进来的泥水，如果脚垫不防水，很快就会渗到原车地毯里，产生异味。',
      '<ul><li><strong>TPE 脚垫</strong>：无味环保，边缘高，防水好，冲洗方便；</li><li><strong>皮革全包围</strong>：颜值高，包裹性好，但清洁稍麻烦；</li><li><strong>橡胶通用款</strong>：价格低，耐磨，适合营运车辆。</li></ul>',
      '无论选哪种，主驾脚垫都必须有卡扣固定，避免滑动后卡住油门或刹车踏板。',
    ],
    byline: EDITORS,
    source: SHOP,
    dateline: '广州',
    section: '选购指南',
    lang: 'zh-CN',
    publishedAt: '2024-09-10 09:00:00',
    views: 742,
    imageLabel: '脚垫',
    imageAlt: '示意图：汽车主驾驶位脚垫',
    imageCaption: '主驾脚垫必须用卡扣固定（示意图）。',
    imageCredit: '汽配商城',
    tags: ['脚垫', 'TPE', '全包围'],
    productSlugs: ['toyota-corolla-19-23-tpe-floor-mats', 'tesla-model-3-y-tpe-floor-mats', 'universal-rubber-floor-mats'],
  },
  {
    slug: 'dash-cam-buying-guide',
    title: '行车记录仪选购：分辨率、夜视和停车监控怎么取舍',
    dek: '看清车牌才是硬道理：夜间画质与循环录制比参数表上的像素更重要。',
    paragraphs: [
      '行车记录仪是发生剐蹭时最有力的证据。选购时不要只看“4K”字样，更要关注夜间画面和实际可读的车牌。',
      '<ol><li>分辨率：1080P 是底线，前后双录更安心；</li><li>夜视：大光圈镜头和宽动态（WDR）更关键；</li><li>存储：选择高耐久存储卡，开启循环录制；</li><li>停车监控：需要降压线取电，注意电瓶低压保护。</li></ol>',
      '追求原车风格的车主，可以选择隐藏式专车专用记录仪，安装后几乎看不出改装痕迹。',
    ],
    byline: EDITORS,
    source: SHOP,
    dateline: '深圳',
    section: '选购指南',
    lang: 'zh-CN',
    publishedAt: '2024-09-05 16:30:00',
    views: 1054,
    imageLabel: '记录仪',
    imageAlt: '示意图：安装在后视镜后方的行车记录仪',
    imageCaption: '隐藏式记录仪安装在后视镜后方（示意图）。',
    imageCredit: '汽配商城',
    tags: ['行车记录仪', '4K', '夜视'],
    productSlugs: ['4k-dual-lens-night-vision-dash-cam', '1080p-mini-hidden-dash-cam', 'streaming-rearview-mirror-dash-cam-12-inch'],
  },
  {
    slug: 'wiper-blade-replacement-guide',
    title: '雨刮器多久换一次？听声音、看水痕就知道',
    dek: '刮不干净、有异响、起水雾，都是雨刮片老化的信号。',
    paragraphs: [
      '雨刮片是橡胶件，日晒雨淋之下一般 6 到 12 个月就会老化。刮水时留下水痕或发出“吱吱”声，就该更换了。',
      '更换前先确认雨刮臂的接口类型和左右两侧的长度，大多数车型主驾与副驾长度不同。',
      '<blockquote><p>抬起雨刮臂更换时，记得在挡风玻璃上垫一块毛巾，防止雨刮臂弹回砸伤玻璃。</p></blockquote>',
    ],
    byline: EDITORS,
    source: SHOP,
    dateline: '广州',
    section: '养护',
    lang: 'zh-CN',
    publishedAt: '2024-08-30 08:45:00',
    views: 233,
    imageLabel: '雨刮器',
    imageAlt: '示意图：挡风玻璃上的无骨雨刮',
    imageCaption: '主驾与副驾雨刮长度通常不同（示意图）。',
    imageCredit: '汽配商城',
    tags: ['雨刮器', '静音', '通用'],
    productSlugs: ['universal-boneless-wiper-blades', 'honda-civic-10th-11th-gen-wiper-blades'],
  },
  {
    slug: 'summer-car-cover-sun-protection',
    title: '夏季暴晒，车衣真的有用吗？',
    dek: '一件合身的隔热车衣能让车内温度明显降低，也能保护车漆与内饰。',
    paragraphs: [
      '在阳光直射下停放一个下午，车内温度可以轻松超过 60 ℃，中控台和座椅的老化也会加快。',
      '选择车衣时注意尺寸要合身，带反光涂层的牛津布隔热效果更好；风大的地区记得选择带绑带的款式。',
      '刚跑完长途、发动机舱还很热时，不要立即罩上车衣，等车身冷却后再使用。',
    ],
    byline: EDITORS,
    source: SHOP,
    dateline: '海口',
    section: '用车知识',
    lang: 'zh-CN',
    publishedAt: '2024-08-24 13:20:00',
    views: 156,
    imageLabel: '车衣',
    imageAlt: '示意图：罩着车衣的轿车',
    imageCaption: '带反光涂层的车衣隔热效果更好（示意图）。',
    imageCredit: '汽配商城',
    tags: ['车衣', '防晒', '隔热'],
    productSlugs: ['universal-thick-car-cover', 'byd-han-ev-car-cover'],
  },
  {
    slug: 'phone-holder-safety-tips',
    title: '手机支架装在哪最安全？出风口、吸盘与屏幕支架对比',
    dek: '支架的位置决定了视线偏移的多少，也关系到安全气囊能否正常弹出。',
    paragraphs: [
      '导航时频繁低头看手机是很大的安全隐患。一个位置合适的手机支架，能让视线只需轻微偏移就看清导航。',
      '<ul><li>出风口支架：安装简单，但冬天开暖风会让手机发烫；</li><li>吸盘支架：位置灵活，避免挡住视线和气囊盖板；</li><li>屏幕专用支架：与中控屏一体，视线偏移最小。</li></ul>',
      '无论哪种，都请在停车状态下设置好导航，行驶中不要操作手机。',
    ],
    byline: EDITORS,
    source: SHOP,
    dateline: '广州',
    section: '用车知识',
    lang: 'zh-CN',
    publishedAt: '2024-08-18 19:00:00',
    views: 88,
    imageLabel: '手机支架',
    imageAlt: '示意图：中控台上的手机支架',
    imageCaption: '支架不要挡住安全气囊盖板（示意图）。',
    imageCredit: '汽配商城',
    tags: ['手机支架', '出风口', '磁吸'],
    productSlugs: ['universal-air-vent-gravity-phone-holder', 'magnetic-15w-wireless-charging-phone-holder'],
  },
];

export const SEED_ARTICLES: SeedArticle[] = [YONHAP_STORY, ...DEMO_ARTICLES];
