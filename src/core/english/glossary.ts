/**
 * The curated part of the English renderer: official posts, the bodies they belong to, and the
 * words from which body and place names are composed, rendered in the style of the published
 * glossaries of Chinese official titles (the English used by Xinhua, China Daily and the
 * government's own English websites: "Secretary of the CPC Beijing Municipal Committee", "Vice
 * Governor", "National Development and Reform Commission").
 *
 * Hand-compiled by the News Lens team from general knowledge of those conventions; no third-party
 * data file. These are WORDS and RULES, never whole titles: src/core/english/titles.ts composes
 * 北京市委副书记 from 北京 + 市 + 委 + 副书记. A title that these words cannot cover is reported as
 * having no English rendering rather than guessed.
 */

/** Level of an administrative unit as written before a body (省委, 市政府, 区人大): the English adjective. */
export const LEVEL_ADJ: Record<string, string> = {
  省: 'Provincial',
  市: 'Municipal',
  区: 'District',
  县: 'County',
  州: 'Prefectural',
  自治区: 'Autonomous Regional',
};

/** A region's level, by its place level, when the text gives no level character (北京发改委). */
export const PLACE_LEVEL_ADJ: Record<string, string> = {
  province: 'Provincial',
  city: 'Municipal',
  district: 'District',
};

/** Province-level municipalities: "Municipal", not "Provincial", and no "Province" after the name. */
export const MUNICIPALITIES = new Set(['北京', '上海', '天津', '重庆']);

/**
 * Bodies that take a region and a level: {R} = the region's English name, {L} = the level adjective.
 * A missing region or level leaves its slot out (市委 alone → "CPC Municipal Committee").
 */
export const LEVELLED_BODIES: Record<string, string> = {
  委: 'CPC {R} {L} Committee',
  党委: '{R} {L} CPC Committee',
  政府: '{R} {L} Government',
  人民政府: "{R} {L} People's Government",
  人大常委会: "Standing Committee of the {R} {L} People's Congress",
  人大: "{R} {L} People's Congress",
  政协: '{R} {L} Committee of the CPPCC',
  纪委: '{R} {L} Commission for Discipline Inspection',
  监委: '{R} {L} Supervisory Commission',
  纪委监委: '{R} {L} Commission for Discipline Inspection and Supervisory Commission',
  法院: "{R} {L} People's Court",
  中级人民法院: "{R} Intermediate People's Court",
  高级人民法院: "{R} Higher People's Court",
  检察院: "{R} {L} People's Procuratorate",
  人民检察院: "{R} {L} People's Procuratorate",
  公安局: '{R} {L} Public Security Bureau',
  公安厅: '{R} {L} Department of Public Security',
  领导: '{R} {L} leadership',
};

/** National bodies, written without a region. */
export const NATIONAL_BODIES: Record<string, string> = {
  中共中央: 'CPC Central Committee',
  党中央: 'CPC Central Committee',
  中央: 'CPC Central Committee',
  中央委员会: 'CPC Central Committee',
  政治局: 'Political Bureau',
  中央政治局: 'Political Bureau of the CPC Central Committee',
  书记处: 'Secretariat',
  中央书记处: 'Secretariat of the CPC Central Committee',
  中央军委: 'Central Military Commission',
  中央纪委: 'Central Commission for Discipline Inspection',
  中纪委: 'Central Commission for Discipline Inspection',
  国家监委: 'National Supervisory Commission',
  国务院: 'State Council',
  国务院办公厅: 'General Office of the State Council',
  全国人大: "National People's Congress",
  全国人大常委会: "Standing Committee of the National People's Congress",
  全国政协: 'National Committee of the CPPCC',
  最高人民法院: "Supreme People's Court",
  最高人民检察院: "Supreme People's Procuratorate",
  中国人民银行: "People's Bank of China",
  人民银行: "People's Bank of China",
  央行: "People's Bank of China",
  国资委: 'State-owned Assets Supervision and Administration Commission',
  国务院国资委: 'State-owned Assets Supervision and Administration Commission of the State Council',
  证监会: 'China Securities Regulatory Commission',
  中国证监会: 'China Securities Regulatory Commission',
  国家金融监督管理总局: 'National Financial Regulatory Administration',
  金融监管总局: 'National Financial Regulatory Administration',
  海关总署: 'General Administration of Customs',
  审计署: 'National Audit Office',
  国家税务总局: 'State Taxation Administration',
  税务总局: 'State Taxation Administration',
  市场监管总局: 'State Administration for Market Regulation',
  国家市场监督管理总局: 'State Administration for Market Regulation',
  国家统计局: 'National Bureau of Statistics',
  外交部: 'Ministry of Foreign Affairs',
  国防部: 'Ministry of National Defense',
  公安部: 'Ministry of Public Security',
  监管部门: 'regulators',
  有关部门: 'the relevant authorities',
  相关部门: 'the relevant authorities',
};

/** Subjects of departments: 商务 + 部/厅/局/委 → Ministry/Department/Bureau/Commission of Commerce. */
export const DEPARTMENT_SUBJECTS: Record<string, string> = {
  商务: 'Commerce',
  财政: 'Finance',
  教育: 'Education',
  科技: 'Science and Technology',
  科学技术: 'Science and Technology',
  民政: 'Civil Affairs',
  司法: 'Justice',
  人力资源和社会保障: 'Human Resources and Social Security',
  人社: 'Human Resources and Social Security',
  自然资源: 'Natural Resources',
  生态环境: 'Ecology and Environment',
  住房和城乡建设: 'Housing and Urban-Rural Development',
  住建: 'Housing and Urban-Rural Development',
  交通运输: 'Transport',
  交通: 'Transport',
  水利: 'Water Resources',
  农业农村: 'Agriculture and Rural Affairs',
  文化和旅游: 'Culture and Tourism',
  文旅: 'Culture and Tourism',
  卫生健康: 'Health',
  卫健: 'Health',
  应急管理: 'Emergency Management',
  外事: 'Foreign Affairs',
  工业和信息化: 'Industry and Information Technology',
  经济和信息化: 'Economy and Information Technology',
  经信: 'Economy and Information Technology',
  工信: 'Industry and Information Technology',
  发展和改革: 'Development and Reform',
  发展改革: 'Development and Reform',
  发改: 'Development and Reform',
  统计: 'Statistics',
  审计: 'Audit',
  市场监督管理: 'Market Regulation',
  市场监管: 'Market Regulation',
  退役军人事务: 'Veterans Affairs',
  体育: 'Sports',
  税务: 'Taxation',
  金融: 'Financial Affairs',
  地方金融监督管理: 'Local Financial Supervision and Administration',
  台湾事务: 'Taiwan Affairs',
  台办: 'Taiwan Affairs',
  港澳事务: 'Hong Kong and Macao Affairs',
  侨务: 'Overseas Chinese Affairs',
  投资促进: 'Investment Promotion',
  招商: 'Investment Promotion',
  组织: 'Organization',
  宣传: 'Publicity',
  统战: 'United Front Work',
  政法: 'Political and Legal Affairs',
  网信: 'Cyberspace Affairs',
};

/**
 * Department words after a subject. `{S}` is the subject. National ministries are "Ministry of {S}";
 * under a party committee 部 is a "Department" (宣传部 → Publicity Department).
 */
export const DEPARTMENT_WORDS: Record<string, { national: string; regional: string; party?: string }> = {
  部: { national: 'Ministry of {S}', regional: 'Department of {S}', party: '{S} Department' },
  厅: { national: 'Department of {S}', regional: 'Department of {S}' },
  局: { national: 'National {S} Administration', regional: 'Bureau of {S}' },
  委: { national: 'National {S} Commission', regional: '{S} Commission', party: '{S} Commission' },
  委员会: { national: 'National {S} Commission', regional: '{S} Commission' },
  办: { national: 'Office of {S}', regional: 'Office of {S}' },
  办公室: { national: 'Office of {S}', regional: 'Office of {S}' },
  总局: { national: 'General Administration of {S}', regional: 'Administration of {S}' },
};

/** Zones that take a region and may have their own administrative committee (管委会). */
export const ZONES: Record<string, string> = {
  商务中心区: 'Central Business District',
  经济技术开发区: 'Economic and Technological Development Zone',
  经济开发区: 'Economic Development Zone',
  经开区: 'Economic and Technological Development Zone',
  高新技术产业开发区: 'High-tech Industrial Development Zone',
  高新区: 'High-tech Zone',
  自由贸易试验区: 'Pilot Free Trade Zone',
  自贸试验区: 'Pilot Free Trade Zone',
  自贸区: 'Free Trade Zone',
  保税区: 'Free Trade Zone',
  新区: 'New Area',
  开发区: 'Development Zone',
  工业园区: 'Industrial Park',
  产业园: 'Industrial Park',
  科技园: 'Science Park',
  合作区: 'Cooperation Zone',
};

/** Bodies of a zone or of an organization named before them. */
export const ZONE_BODIES: Record<string, string> = {
  管委会: 'Administrative Committee',
  管理委员会: 'Administrative Committee',
  党工委: 'CPC Working Committee',
};

/**
 * Posts. `of`: how a post is attached when no body is named — 'region' for posts that name their
 * government (省长 → Governor of Guangdong Province), otherwise the post stands alone. `under`
 * overrides the English under particular bodies (人大常委会主任 is a Chairman, not a Director).
 */
export interface PostDef {
  en: string;
  of?: 'region';
  under?: Record<string, string>;
}

export const POSTS: Record<string, PostDef> = {
  // party
  总书记: { en: 'General Secretary' },
  书记: { en: 'Secretary' },
  副书记: { en: 'Deputy Secretary' },
  常务副书记: { en: 'Executive Deputy Secretary' },
  常委: { en: 'Member of the Standing Committee' },
  委员: { en: 'Member' },
  候补委员: { en: 'Alternate Member' },
  党组书记: { en: 'Secretary of the Leading Party Members Group' },
  党委书记: { en: 'Party Secretary' },
  纪委书记: { en: 'Secretary of the Commission for Discipline Inspection' },
  组织部长: { en: 'Head of the Organization Department' },
  宣传部长: { en: 'Head of the Publicity Department' },
  统战部长: { en: 'Head of the United Front Work Department' },
  政法委书记: { en: 'Secretary of the Political and Legal Affairs Commission' },
  秘书长: { en: 'Secretary-General' },
  副秘书长: { en: 'Deputy Secretary-General' },
  // state and government
  国家主席: { en: 'President' },
  国家副主席: { en: 'Vice President' },
  总理: { en: 'Premier' },
  副总理: { en: 'Vice Premier' },
  国务委员: { en: 'State Councilor' },
  委员长: { en: 'Chairman' },
  副委员长: { en: 'Vice Chairman' },
  主席: { en: 'Chairman' },
  副主席: { en: 'Vice Chairman' },
  常务副主席: { en: 'Executive Vice Chairman' },
  主任: { en: 'Director', under: { 人大常委会: 'Chairman', 全国人大常委会: 'Chairman' } },
  副主任: { en: 'Deputy Director', under: { 人大常委会: 'Vice Chairman', 全国人大常委会: 'Vice Chairman' } },
  常务副主任: { en: 'Executive Deputy Director' },
  省长: { en: 'Governor', of: 'region' },
  副省长: { en: 'Vice Governor', of: 'region' },
  常务副省长: { en: 'Executive Vice Governor', of: 'region' },
  代省长: { en: 'Acting Governor', of: 'region' },
  市长: { en: 'Mayor', of: 'region' },
  副市长: { en: 'Vice Mayor', of: 'region' },
  常务副市长: { en: 'Executive Vice Mayor', of: 'region' },
  代市长: { en: 'Acting Mayor', of: 'region' },
  区长: { en: 'Head', of: 'region' },
  副区长: { en: 'Deputy Head', of: 'region' },
  县长: { en: 'Head', of: 'region' },
  副县长: { en: 'Deputy Head', of: 'region' },
  州长: { en: 'Governor', of: 'region' },
  副州长: { en: 'Vice Governor', of: 'region' },
  镇长: { en: 'Head', of: 'region' },
  乡长: { en: 'Head', of: 'region' },
  行政长官: { en: 'Chief Executive', of: 'region' },
  部长: { en: 'Minister', under: { 组织部: 'Head', 宣传部: 'Head', 统战部: 'Head' } },
  副部长: { en: 'Vice Minister', under: { 组织部: 'Deputy Head', 宣传部: 'Deputy Head', 统战部: 'Deputy Head' } },
  厅长: { en: 'Director' },
  副厅长: { en: 'Deputy Director' },
  局长: { en: 'Director' },
  副局长: { en: 'Deputy Director' },
  署长: { en: 'Administrator' },
  司长: { en: 'Director-General' },
  处长: { en: 'Division Director' },
  院长: { en: 'President' },
  副院长: { en: 'Vice President' },
  检察长: { en: 'Procurator-General' },
  行长: { en: 'Governor', under: {} },
  发言人: { en: 'Spokesperson' },
  新闻发言人: { en: 'Spokesperson' },
  大使: { en: 'Ambassador' },
  总领事: { en: 'Consul General' },
  领导: { en: 'leader' },
  人大代表: { en: "Deputy to the People's Congress" },
  政协委员: { en: 'Member of the CPPCC' },
  // business
  董事长: { en: 'Chairman' },
  副董事长: { en: 'Vice Chairman' },
  董事: { en: 'Director' },
  独立董事: { en: 'Independent Director' },
  执行董事: { en: 'Executive Director' },
  董事会秘书: { en: 'Board Secretary' },
  监事长: { en: 'Chairman of the Board of Supervisors' },
  监事会主席: { en: 'Chairman of the Board of Supervisors' },
  总经理: { en: 'General Manager' },
  副总经理: { en: 'Deputy General Manager' },
  总裁: { en: 'President' },
  副总裁: { en: 'Vice President' },
  高级副总裁: { en: 'Senior Vice President' },
  执行副总裁: { en: 'Executive Vice President' },
  首席执行官: { en: 'Chief Executive Officer' },
  首席运营官: { en: 'Chief Operating Officer' },
  首席财务官: { en: 'Chief Financial Officer' },
  首席技术官: { en: 'Chief Technology Officer' },
  首席信息官: { en: 'Chief Information Officer' },
  首席营销官: { en: 'Chief Marketing Officer' },
  首席科学家: { en: 'Chief Scientist' },
  首席经济学家: { en: 'Chief Economist' },
  创始人: { en: 'Founder' },
  联合创始人: { en: 'Co-founder' },
  合伙人: { en: 'Partner' },
  负责人: { en: 'Head' },
  经理: { en: 'Manager' },
  总监: { en: 'Director' },
  // press and academia
  编辑: { en: 'Editor' },
  责任编辑: { en: 'Editor' },
  主编: { en: 'Editor-in-Chief' },
  总编辑: { en: 'Editor-in-Chief' },
  记者: { en: 'Reporter' },
  通讯员: { en: 'Correspondent' },
  教授: { en: 'Professor' },
  副教授: { en: 'Associate Professor' },
  院士: { en: 'Academician' },
  研究员: { en: 'Research Fellow' },
  校长: { en: 'President' },
};

/** Modifiers before a post: 前市长 → Former Mayor. */
export const POST_PREFIXES: Record<string, string> = {
  前: 'Former',
  原: 'Former',
  时任: 'then',
  代理: 'Acting',
};

/** Areas of responsibility before a business post: 大中华区总裁 → President, Greater China. */
export const POST_AREAS: Record<string, string> = {
  大中华区: 'Greater China',
  中国区: 'China',
  亚太区: 'Asia Pacific',
  全球: 'Global',
};

/** How links of a title chain are joined: 市委副书记、市长; 总裁兼首席运营官. */
export const CHAIN_SEPARATORS: Record<string, string> = {
  '、': '; ',
  '，': '; ',
  ',': '; ',
  '；': '; ',
  兼: ' and ',
  和: ' and ',
  及: ' and ',
};

/**
 * Place names whose English is not their plain pinyin: conventional spellings (Shaanxi keeps its
 * double a to differ from Shanxi) and names with a well-established English form.
 */
export const PLACE_NAMES: Record<string, string> = {
  中国: 'China',
  陕西: 'Shaanxi',
  内蒙古: 'Inner Mongolia',
  内蒙: 'Inner Mongolia',
  西藏: 'Tibet',
  香港: 'Hong Kong',
  澳门: 'Macao',
  台湾: 'Taiwan',
  哈尔滨: 'Harbin',
  呼和浩特: 'Hohhot',
  乌鲁木齐: 'Urumqi',
  拉萨: 'Lhasa',
  喀什: 'Kashgar',
  首都: 'the capital',
  京: 'Beijing',
  沪: 'Shanghai',
  渝: 'Chongqing',
  粤: 'Guangdong',
  津: 'Tianjin',
  港: 'Hong Kong',
  澳: 'Macao',
};

/** Suffixes of administrative names: 朝阳区 → Chaoyang District. Longest first. */
export const PLACE_SUFFIXES: [string, string][] = [
  ['特别行政区', 'Special Administrative Region'],
  ['维吾尔自治区', 'Uygur Autonomous Region'],
  ['壮族自治区', 'Zhuang Autonomous Region'],
  ['回族自治区', 'Hui Autonomous Region'],
  ['自治区', 'Autonomous Region'],
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['新区', 'New Area'],
  ['地区', 'Prefecture'],
  ['省', 'Province'],
  ['市', ''],
  ['区', 'District'],
  ['县', 'County'],
  ['盟', 'League'],
  ['旗', 'Banner'],
  ['镇', 'Town'],
  ['乡', 'Township'],
];

/** Ethnic groups in the names of autonomous areas: 张家川回族自治县 → Zhangjiachuan Hui Autonomous County. */
export const ETHNIC_GROUPS: Record<string, string> = {
  回族: 'Hui', 藏族: 'Tibetan', 蒙古族: 'Mongolian', 蒙古: 'Mongolian', 维吾尔: 'Uygur', 壮族: 'Zhuang', 苗族: 'Miao', 彝族: 'Yi',
  土家族: 'Tujia', 哈萨克: 'Kazak', 哈萨克族: 'Kazak', 朝鲜族: 'Korean', 满族: 'Manchu', 侗族: 'Dong', 瑶族: 'Yao', 白族: 'Bai',
  傣族: 'Dai', 黎族: 'Li', 羌族: 'Qiang', 土族: 'Tu', 撒拉族: 'Salar', 东乡族: 'Dongxiang', 布依族: 'Bouyei', 水族: 'Shui',
  仡佬族: 'Gelao', 畲族: 'She', 纳西族: 'Naxi', 哈尼族: 'Hani', 傈僳族: 'Lisu', 佤族: 'Va', 拉祜族: 'Lahu', 景颇族: 'Jingpo',
  柯尔克孜: 'Kirgiz', 锡伯: 'Xibe', 塔吉克: 'Tajik', 裕固族: 'Yugur', 保安族: 'Bonan', 仫佬族: 'Mulao', 毛南族: 'Maonan', 各族: 'Multi-ethnic',
};

/** Organizations named by a region and a kind: 广州日报 → Guangzhou Daily. */
export const ORG_KINDS: Record<string, string> = {
  日报: '{R} Daily',
  晚报: '{R} Evening News',
  电视台: '{R} Television',
  广播电视台: '{R} Radio and Television',
  发布: '{R} Release',
  大学: '{R} University',
  师范大学: '{R} Normal University',
  工商联: '{R} Federation of Industry and Commerce',
  贸促会: '{R} Council for the Promotion of International Trade',
};

/** Legal-form endings of company names: 西门子（中国）有限公司 → Siemens (China) Co., Ltd. */
export const LEGAL_FORMS: [string, string][] = [
  ['股份有限公司', 'Co., Ltd.'],
  ['有限责任公司', 'Co., Ltd.'],
  ['有限公司', 'Co., Ltd.'],
  ['集团公司', 'Group'],
  ['集团', 'Group'],
  ['控股', 'Holdings'],
  ['分公司', 'Branch'],
  ['分行', 'Branch'],
  ['公司', ''],
];

/** Date parts: 2月18日上午 → 18 February, morning. */
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const DAY_PARTS: Record<string, string> = {
  凌晨: 'early morning', 清晨: 'early morning', 早晨: 'morning', 早上: 'morning', 上午: 'morning', 中午: 'noon', 下午: 'afternoon',
  傍晚: 'evening', 晚上: 'evening', 晚间: 'evening', 夜间: 'night', 深夜: 'late at night',
};
