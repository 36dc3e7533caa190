/**
 * Well-known foreign companies as Chinese news text names them, with their English name and home
 * country (where the group is headquartered / incorporated). Hand-compiled by the News Lens team
 * from general knowledge (company names and headquarters are public facts); no third-party data
 * file. Reviewed as of FOREIGN_AS_OF; mergers and renamings after that date are not reflected.
 *
 * Format, one company a line: "中文名,别名,…|English name|country code". The first Chinese name is
 * the canonical one; all names are matched (also as the prefix of legal names such as
 * 西门子（中国）有限公司).
 */
export const FOREIGN_AS_OF = '2024-12-31';
export const FOREIGN_SOURCE = 'News Lens curated list of well-known foreign companies (general knowledge)';

export const COUNTRIES: Record<string, { zh: string; en: string }> = {
  US: { zh: '美国', en: 'United States' },
  DE: { zh: '德国', en: 'Germany' },
  JP: { zh: '日本', en: 'Japan' },
  FR: { zh: '法国', en: 'France' },
  GB: { zh: '英国', en: 'United Kingdom' },
  CH: { zh: '瑞士', en: 'Switzerland' },
  KR: { zh: '韩国', en: 'South Korea' },
  NL: { zh: '荷兰', en: 'Netherlands' },
  SE: { zh: '瑞典', en: 'Sweden' },
  IT: { zh: '意大利', en: 'Italy' },
  SA: { zh: '沙特阿拉伯', en: 'Saudi Arabia' },
  AE: { zh: '阿联酋', en: 'United Arab Emirates' },
  QA: { zh: '卡塔尔', en: 'Qatar' },
  SG: { zh: '新加坡', en: 'Singapore' },
  DK: { zh: '丹麦', en: 'Denmark' },
  FI: { zh: '芬兰', en: 'Finland' },
  NO: { zh: '挪威', en: 'Norway' },
  ES: { zh: '西班牙', en: 'Spain' },
  BE: { zh: '比利时', en: 'Belgium' },
  IE: { zh: '爱尔兰', en: 'Ireland' },
  CA: { zh: '加拿大', en: 'Canada' },
  AU: { zh: '澳大利亚', en: 'Australia' },
  IN: { zh: '印度', en: 'India' },
  RU: { zh: '俄罗斯', en: 'Russia' },
  BR: { zh: '巴西', en: 'Brazil' },
  LU: { zh: '卢森堡', en: 'Luxembourg' },
  AT: { zh: '奥地利', en: 'Austria' },
  TW: { zh: '中国台湾', en: 'Taiwan, China' },
  HK: { zh: '中国香港', en: 'Hong Kong, China' },
  MY: { zh: '马来西亚', en: 'Malaysia' },
  TH: { zh: '泰国', en: 'Thailand' },
  ID: { zh: '印度尼西亚', en: 'Indonesia' },
  MX: { zh: '墨西哥', en: 'Mexico' },
  IL: { zh: '以色列', en: 'Israel' },
};

export const FOREIGN_DATA = `西门子|Siemens|DE
宝马,宝马集团|BMW|DE
奔驰,梅赛德斯-奔驰,梅赛德斯奔驰|Mercedes-Benz Group|DE
戴姆勒|Daimler|DE
戴姆勒卡车|Daimler Truck|DE
大众汽车,大众集团|Volkswagen|DE
奥迪|Audi|DE
保时捷|Porsche|DE
博世|Bosch|DE
巴斯夫|BASF|DE
拜耳|Bayer|DE
汉高|Henkel|DE
蒂森克虏伯|thyssenkrupp|DE
德国电信|Deutsche Telekom|DE
德意志银行|Deutsche Bank|DE
德国商业银行|Commerzbank|DE
安联,安联集团|Allianz|DE
慕尼黑再保险|Munich Re|DE
思爱普|SAP|DE
阿迪达斯|adidas|DE
彪马|Puma|DE
麦德龙|Metro AG|DE
英飞凌|Infineon Technologies|DE
默克集团|Merck KGaA|DE
大陆集团|Continental|DE
舍弗勒|Schaeffler|DE
采埃孚|ZF Friedrichshafen|DE
汉莎航空,德国汉莎航空|Lufthansa|DE
敦豪,DHL|DHL Group|DE
德国邮政|Deutsche Post|DE
费森尤斯|Fresenius|DE
西门子医疗|Siemens Healthineers|DE
西门子能源|Siemens Energy|DE
科思创|Covestro|DE
赢创|Evonik Industries|DE
莱茵集团|RWE|DE
意昂集团|E.ON|DE
通快|Trumpf|DE
林德|Linde|IE
雀巢|Nestlé|CH
诺华|Novartis|CH
罗氏|Roche|CH
ABB|ABB|CH
瑞银,瑞银集团|UBS|CH
瑞士信贷|Credit Suisse|CH
苏黎世保险|Zurich Insurance Group|CH
瑞士再保险|Swiss Re|CH
历峰集团|Richemont|CH
斯沃琪,斯沃琪集团|Swatch Group|CH
先正达|Syngenta|CH
嘉能可|Glencore|CH
迅达|Schindler|CH
瑞士航空|Swiss International Air Lines|CH
奇华顿|Givaudan|CH
豪瑞|Holcim|CH
联合利华|Unilever|GB
壳牌,壳牌石油|Shell|GB
英国石油,英国石油公司,BP|BP|GB
汇丰,汇丰银行,汇丰集团|HSBC|GB
渣打,渣打银行,渣打集团|Standard Chartered|GB
巴克莱,巴克莱银行|Barclays|GB
劳埃德银行|Lloyds Banking Group|GB
阿斯利康|AstraZeneca|GB
葛兰素史克|GSK|GB
沃达丰|Vodafone|GB
乐购|Tesco|GB
力拓|Rio Tinto|GB
英美资源|Anglo American|GB
英美烟草|British American Tobacco|GB
帝亚吉欧|Diageo|GB
利洁时|Reckitt|GB
罗尔斯-罗伊斯,罗尔斯·罗伊斯,劳斯莱斯|Rolls-Royce|GB
英国宇航,BAE系统|BAE Systems|GB
英国电信|BT Group|GB
保诚,英国保诚|Prudential|GB
英杰华|Aviva|GB
路透社|Reuters|GB
捷豹路虎|Jaguar Land Rover|GB
太古,太古集团|Swire Group|GB
怡和,怡和集团|Jardine Matheson|GB
安谋,ARM|Arm Holdings|GB
道达尔,道达尔能源|TotalEnergies|FR
空中客车,空客|Airbus|FR
欧莱雅|L'Oréal|FR
路威酩轩,LVMH|LVMH|FR
爱马仕|Hermès|FR
香奈儿|Chanel|FR
达能|Danone|FR
赛诺菲|Sanofi|FR
施耐德,施耐德电气|Schneider Electric|FR
米其林|Michelin|FR
家乐福|Carrefour|FR
欧尚|Auchan|FR
标致|Peugeot|FR
雪铁龙|Citroën|FR
雷诺|Renault|FR
安盛|AXA|FR
法国巴黎银行|BNP Paribas|FR
法国兴业银行|Société Générale|FR
东方汇理|Crédit Agricole CIB|FR
法国电力,法国电力集团|EDF|FR
阿尔斯通|Alstom|FR
赛峰|Safran|FR
泰雷兹|Thales|FR
威立雅|Veolia|FR
苏伊士|Suez|FR
圣戈班|Saint-Gobain|FR
液化空气,法液空|Air Liquide|FR
开云,开云集团|Kering|FR
保乐力加|Pernod Ricard|FR
法国航空|Air France|FR
达飞,达飞海运|CMA CGM|FR
源讯|Atos|FR
凯捷|Capgemini|FR
万喜|Vinci|FR
布依格|Bouygues|FR
法雷奥|Valeo|FR
佛吉亚|Forvia|FR
斯泰兰蒂斯|Stellantis|NL
菲亚特|Fiat|IT
法拉利|Ferrari|IT
兰博基尼|Lamborghini|IT
普拉达|Prada|IT
古驰|Gucci|IT
意大利国家电力,意大利电力|Enel|IT
埃尼|Eni|IT
忠利保险|Generali|IT
联合圣保罗银行|Intesa Sanpaolo|IT
倍耐力|Pirelli|IT
依维柯|Iveco|IT
飞利浦|Philips|NL
喜力|Heineken|NL
阿斯麦|ASML|NL
恩智浦|NXP Semiconductors|NL
荷兰国际集团|ING Group|NL
荷兰皇家航空,荷航|KLM|NL
阿克苏诺贝尔|AkzoNobel|NL
帝斯曼|DSM-Firmenich|CH
意法半导体|STMicroelectronics|CH
诺基亚|Nokia|FI
通力|KONE|FI
芬兰航空|Finnair|FI
爱立信|Ericsson|SE
沃尔沃|Volvo|SE
沃尔沃汽车|Volvo Cars|SE
宜家|IKEA|SE
斯堪尼亚|Scania|SE
伊莱克斯|Electrolux|SE
H&M|H&M|SE
阿特拉斯·科普柯,阿特拉斯科普柯|Atlas Copco|SE
山特维克|Sandvik|SE
利乐|Tetra Pak|SE
斯凯孚|SKF|SE
马士基|Maersk|DK
乐高|LEGO|DK
诺和诺德|Novo Nordisk|DK
维斯塔斯|Vestas|DK
嘉士伯|Carlsberg|DK
丹佛斯|Danfoss|DK
诺维信|Novozymes|DK
挪威国家石油,艾奎诺|Equinor|NO
西班牙国家银行,桑坦德银行|Banco Santander|ES
西班牙电信|Telefónica|ES
飒拉,ZARA|Inditex (Zara)|ES
伊维尔德罗拉|Iberdrola|ES
百威英博|AB InBev|BE
索尔维|Solvay|BE
雅诗兰黛|Estée Lauder|US
苹果公司,苹果|Apple|US
微软|Microsoft|US
谷歌|Google|US
字母表公司|Alphabet|US
亚马逊|Amazon|US
脸书,Meta|Meta Platforms|US
特斯拉|Tesla|US
英特尔|Intel|US
英伟达,英伟达公司|NVIDIA|US
高通|Qualcomm|US
美光,美光科技|Micron Technology|US
超威半导体,AMD|AMD|US
思科|Cisco|US
甲骨文|Oracle|US
国际商业机器,IBM|IBM|US
惠普|HP|US
戴尔|Dell Technologies|US
通用电气|General Electric|US
通用汽车|General Motors|US
福特,福特汽车|Ford Motor|US
卡特彼勒|Caterpillar|US
波音|Boeing|US
洛克希德·马丁,洛克希德马丁|Lockheed Martin|US
雷神|Raytheon (RTX)|US
霍尼韦尔|Honeywell|US
3M|3M|US
杜邦|DuPont|US
陶氏|Dow|US
埃克森美孚|ExxonMobil|US
雪佛龙|Chevron|US
康菲,康菲石油|ConocoPhillips|US
可口可乐|Coca-Cola|US
百事,百事可乐,百事公司|PepsiCo|US
麦当劳|McDonald's|US
肯德基|KFC|US
百胜|Yum! Brands|US
百胜中国|Yum China|US
星巴克|Starbucks|US
宝洁|Procter & Gamble|US
强生|Johnson & Johnson|US
辉瑞|Pfizer|US
默沙东|Merck & Co. (MSD)|US
礼来|Eli Lilly|US
艾伯维|AbbVie|US
雅培|Abbott|US
美敦力|Medtronic|IE
百时美施贵宝|Bristol Myers Squibb|US
吉利德|Gilead Sciences|US
安进|Amgen|US
沃尔玛|Walmart|US
开市客,好市多|Costco|US
耐克|Nike|US
迪士尼|Walt Disney|US
华纳兄弟|Warner Bros.|US
奈飞|Netflix|US
优步|Uber|US
爱彼迎|Airbnb|US
摩根大通|JPMorgan Chase|US
高盛|Goldman Sachs|US
摩根士丹利|Morgan Stanley|US
花旗,花旗银行,花旗集团|Citigroup|US
美国银行|Bank of America|US
富国银行|Wells Fargo|US
贝莱德|BlackRock|US
黑石|Blackstone|US
桥水|Bridgewater Associates|US
维萨|Visa|US
万事达|Mastercard|US
美国运通|American Express|US
联邦快递|FedEx|US
联合包裹|UPS|US
康宁,康宁公司|Corning|US
应用材料|Applied Materials|US
德州仪器|Texas Instruments|US
博通|Broadcom|US
安森美|onsemi|US
赛默飞,赛默飞世尔|Thermo Fisher Scientific|US
通用磨坊|General Mills|US
玛氏|Mars|US
亿滋|Mondelez International|US
卡夫亨氏|Kraft Heinz|US
嘉吉|Cargill|US
ADM|Archer Daniels Midland|US
埃森哲|Accenture|IE
麦肯锡|McKinsey & Company|US
德勤|Deloitte|GB
普华永道|PwC|GB
安永|EY|GB
毕马威|KPMG|GB
OpenAI|OpenAI|US
艾默生|Emerson Electric|US
江森自控|Johnson Controls|IE
开利|Carrier|US
奥的斯|Otis|US
惠而浦|Whirlpool|US
美孚|Mobil (ExxonMobil)|US
约翰迪尔,强鹿|John Deere|US
丹纳赫|Danaher|US
伯克希尔·哈撒韦,伯克希尔哈撒韦|Berkshire Hathaway|US
贝克休斯|Baker Hughes|US
斯伦贝谢|SLB (Schlumberger)|US
哈里伯顿|Halliburton|US
通用动力|General Dynamics|US
诺斯罗普·格鲁曼|Northrop Grumman|US
西部数据|Western Digital|US
希捷|Seagate|IE
惠普企业|Hewlett Packard Enterprise|US
赛富时|Salesforce|US
奥多比|Adobe|US
领英|LinkedIn|US
推特|Twitter (X)|US
美国铝业|Alcoa|US
纽柯|Nucor|US
康明斯|Cummins|US
伊顿|Eaton|IE
派克汉尼汾|Parker Hannifin|US
罗克韦尔自动化|Rockwell Automation|US
艾睿电子|Arrow Electronics|US
凯雷|Carlyle Group|US
KKR|KKR|US
高瞻|Cognizant|US
希尔顿|Hilton|US
万豪|Marriott International|US
凯悦|Hyatt|US
洲际酒店|IHG Hotels & Resorts|GB
雅高|Accor|FR
塔塔,塔塔集团|Tata Group|IN
信实工业|Reliance Industries|IN
印孚瑟斯|Infosys|IN
维普罗|Wipro|IN
松下,松下电器|Panasonic|JP
索尼|Sony|JP
丰田,丰田汽车|Toyota|JP
本田|Honda|JP
日产|Nissan|JP
马自达|Mazda|JP
斯巴鲁|Subaru|JP
铃木|Suzuki|JP
三菱|Mitsubishi|JP
三菱商事|Mitsubishi Corporation|JP
三菱重工|Mitsubishi Heavy Industries|JP
三菱日联,三菱日联金融集团|Mitsubishi UFJ Financial Group|JP
三井,三井物产|Mitsui & Co.|JP
住友|Sumitomo|JP
瑞穗|Mizuho Financial Group|JP
野村,野村证券|Nomura|JP
日立|Hitachi|JP
东芝|Toshiba|JP
佳能|Canon|JP
尼康|Nikon|JP
富士通|Fujitsu|JP
富士胶片|Fujifilm|JP
夏普|Sharp|JP
任天堂|Nintendo|JP
优衣库|Uniqlo|JP
迅销|Fast Retailing|JP
永旺|Aeon|JP
伊藤忠,伊藤忠商事|Itochu|JP
丸红|Marubeni|JP
软银|SoftBank Group|JP
电装|Denso|JP
发那科|Fanuc|JP
村田,村田制作所|Murata Manufacturing|JP
京瓷|Kyocera|JP
资生堂|Shiseido|JP
花王|Kao|JP
普利司通|Bridgestone|JP
小松|Komatsu|JP
大金|Daikin|JP
安川电机|Yaskawa Electric|JP
欧姆龙|Omron|JP
基恩士|Keyence|JP
东丽|Toray|JP
日本电产,尼得科|Nidec|JP
武田,武田制药|Takeda|JP
大冢制药|Otsuka Pharmaceutical|JP
卫材|Eisai|JP
日本电气,NEC|NEC|JP
理光|Ricoh|JP
爱普生|Epson|JP
雅马哈|Yamaha|JP
卡西欧|Casio|JP
日本航空|Japan Airlines|JP
全日空|ANA|JP
日本制铁|Nippon Steel|JP
三得利|Suntory|JP
麒麟|Kirin|JP
朝日啤酒|Asahi|JP
7-11,柒-拾壹|Seven & i Holdings|JP
罗森|Lawson|JP
无印良品|Muji (Ryohin Keikaku)|JP
三星,三星电子|Samsung Electronics|KR
三星集团|Samsung Group|KR
现代汽车|Hyundai Motor|KR
起亚|Kia|KR
LG,LG集团|LG Group|KR
LG电子|LG Electronics|KR
LG化学|LG Chem|KR
LG新能源|LG Energy Solution|KR
SK海力士,海力士|SK hynix|KR
SK集团|SK Group|KR
乐天|Lotte|KR
浦项制铁|POSCO|KR
爱茉莉,爱茉莉太平洋|Amorepacific|KR
斗山|Doosan|KR
韩华|Hanwha|KR
大韩航空|Korean Air|KR
沙特阿美,沙特国家石油公司,沙特阿拉伯国家石油公司|Saudi Aramco|SA
沙特基础工业,沙特基础工业公司|SABIC|SA
阿联酋航空|Emirates|AE
阿布扎比国家石油公司|ADNOC|AE
穆巴达拉|Mubadala|AE
卡塔尔航空|Qatar Airways|QA
卡塔尔能源|QatarEnergy|QA
淡马锡|Temasek|SG
新加坡航空|Singapore Airlines|SG
星展银行|DBS|SG
丰益国际|Wilmar International|SG
凯德,凯德集团|CapitaLand|SG
台积电|TSMC|TW
鸿海|Hon Hai Precision Industry|TW
富士康|Foxconn (Hon Hai)|TW
联发科|MediaTek|TW
华硕|ASUS|TW
宏碁|Acer|TW
和硕|Pegatron|TW
广达|Quanta Computer|TW
长荣|Evergreen Group|TW
长和|CK Hutchison|HK
李锦记|Lee Kum Kee|HK
周大福|Chow Tai Fook|HK
新鸿基,新鸿基地产|Sun Hung Kai Properties|HK
港铁|MTR Corporation|HK
国泰航空|Cathay Pacific|HK
必和必拓|BHP|AU
福蒂斯丘|Fortescue|AU
麦格理|Macquarie Group|AU
庞巴迪|Bombardier|CA
加拿大皇家银行|Royal Bank of Canada|CA
加拿大鹅|Canada Goose|CA
淡水河谷|Vale|BR
巴西国家石油公司|Petrobras|BR
安赛乐米塔尔|ArcelorMittal|LU
俄罗斯天然气工业股份公司,俄气|Gazprom|RU
俄罗斯石油公司|Rosneft|RU
红牛|Red Bull|AT
梯瓦|Teva Pharmaceutical|IL`;
