/**
 * English names of well-known Chinese companies, as the companies themselves write them in their
 * English-language annual reports, listings and websites. Hand-compiled by the News Lens team from
 * general knowledge (a company's own English name is a public fact); no third-party data file.
 * Reviewed as of CHINESE_AS_OF; renamings after that date are not reflected.
 *
 * Format, one company a line: "中文名,别名,…|English name". Names are matched like the A-share short
 * names (also as the prefix of legal names such as 宁德时代新能源科技股份有限公司).
 */
export const CHINESE_AS_OF = '2024-12-31';
export const CHINESE_SOURCE = "News Lens curated English names of Chinese companies (the companies' own English names; general knowledge)";

export const CHINESE_DATA = `宁德时代|CATL (Contemporary Amperex Technology Co., Limited)
比亚迪|BYD
华为|Huawei
中兴通讯,中兴|ZTE
腾讯|Tencent
阿里巴巴|Alibaba Group
百度|Baidu
京东|JD.com
小米,小米集团|Xiaomi
美团|Meituan
拼多多|PDD Holdings
字节跳动|ByteDance
网易|NetEase
联想,联想集团|Lenovo
大疆|DJI
小红书|Xiaohongshu (RED)
蔚来|NIO
理想汽车|Li Auto
小鹏汽车|XPeng
吉利,吉利汽车,吉利控股|Geely
长城汽车|Great Wall Motor
上汽集团,上汽|SAIC Motor
广汽集团,广汽|GAC Group
长安汽车|Changan Automobile
一汽,中国一汽|FAW Group
东风汽车,东风|Dongfeng Motor
贵州茅台,茅台|Kweichow Moutai
五粮液|Wuliangye Yibin
泸州老窖|Luzhou Laojiao
青岛啤酒|Tsingtao Brewery
伊利股份,伊利|Yili Group
蒙牛|Mengniu Dairy
海天味业|Foshan Haitian Flavouring and Food
工商银行,中国工商银行|Industrial and Commercial Bank of China (ICBC)
建设银行,中国建设银行|China Construction Bank
农业银行,中国农业银行|Agricultural Bank of China
中国银行|Bank of China
交通银行|Bank of Communications
招商银行|China Merchants Bank
兴业银行|Industrial Bank
浦发银行|Shanghai Pudong Development Bank
民生银行|China Minsheng Bank
中信银行|China CITIC Bank
光大银行|China Everbright Bank
平安银行|Ping An Bank
中国平安|Ping An Insurance
中国人寿|China Life Insurance
中国太保|China Pacific Insurance (CPIC)
中信证券|CITIC Securities
中金公司|China International Capital Corporation (CICC)
东方财富|East Money Information
中国石油|PetroChina
中国石化|Sinopec
中国海油|CNOOC
中国神华|China Shenhua Energy
长江电力|China Yangtze Power
中国核电|China National Nuclear Power
国家电网|State Grid Corporation of China
南方电网|China Southern Power Grid
中国移动|China Mobile
中国联通|China Unicom
中国电信|China Telecom
中国建筑|China State Construction Engineering (CSCEC)
中国中铁|China Railway Group
中国铁建|China Railway Construction Corporation
中国交建|China Communications Construction
中国中车|CRRC
中国国航|Air China
东方航空|China Eastern Airlines
南方航空|China Southern Airlines
中远海控|COSCO Shipping Holdings
招商局,招商局集团|China Merchants Group
招商蛇口|China Merchants Shekou
上港集团|Shanghai International Port Group (SIPG)
顺丰控股,顺丰|SF Holding
宝钢股份|Baoshan Iron & Steel
宝武,中国宝武|China Baowu Steel Group
中国铝业|Chalco (Aluminum Corporation of China)
紫金矿业|Zijin Mining
洛阳钼业|CMOC Group
海螺水泥|Anhui Conch Cement
万科|Vanke
保利发展|Poly Developments and Holdings
华润,华润集团|China Resources
中粮,中粮集团|COFCO
中信,中信集团|CITIC Group
美的集团,美的|Midea Group
格力电器,格力|Gree Electric Appliances
海尔智家,海尔|Haier Smart Home
海信|Hisense
TCL科技|TCL Technology
京东方|BOE Technology Group
立讯精密|Luxshare Precision Industry
海康威视|Hikvision
大华股份|Dahua Technology
科大讯飞|iFLYTEK
中芯国际|SMIC (Semiconductor Manufacturing International Corporation)
隆基绿能|LONGi Green Energy Technology
通威股份|Tongwei
阳光电源|Sungrow Power Supply
亿纬锂能|EVE Energy
赣锋锂业|Ganfeng Lithium
天齐锂业|Tianqi Lithium
恩捷股份|Yunnan Energy New Material (SEMCORP)
汇川技术|Inovance Technology
国电南瑞|NARI Technology
三一重工|SANY Heavy Industry
中联重科|Zoomlion
徐工机械|XCMG Construction Machinery
潍柴动力|Weichai Power
福耀玻璃|Fuyao Glass Industry
恒瑞医药|Jiangsu Hengrui Pharmaceuticals
迈瑞医疗|Mindray
药明康德|WuXi AppTec
复星医药|Fosun Pharma
复星,复星国际|Fosun International
珠海港|Zhuhai Port
安踏|ANTA Sports
李宁|Li Ning
携程|Trip.com Group
中国中化|Sinochem Holdings
中国化学|China National Chemical Engineering
中国电建|PowerChina
中国能建|China Energy Engineering
国家能源集团|China Energy Investment Corporation
中国船舶|China State Shipbuilding Corporation
中国商飞|COMAC (Commercial Aircraft Corporation of China)
中国航发|Aero Engine Corporation of China
上海建工|Shanghai Construction Group`;
