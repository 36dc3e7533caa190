/**
 * Which posts make a person an official, a business person or someone else (a reporter, a
 * professor): the title and post-name title stages give a person the role of their post.
 */
export const BUSINESS_CORES = new Set([
  '董事长', '副董事长', '执行董事', '董事', '独立董事', '监事长', '监事', '总裁', '副总裁', '总经理', '副总经理', '首席执行官', '首席运营官', '首席财务官', '首席技术官',
  '首席信息官', '首席营销官', '首席代表', '总经理助理', '总裁助理', '董事长助理', '总监', '经理', '合伙人', '创始人', '联合创始人', '创办人', '掌门人', '董事会秘书', '董秘', 'CEO', 'COO', 'CFO', 'CTO', '首席科学家', '首席经济学家', '总工程师', '总会计师',
  // a chamber's council in Hong Kong: business people by the post alone
  '会董', '常务会董',
]);
export const OTHER_CORES = new Set(['记者', '编辑', '特约记者', '通讯员', '主播', '评论员', '总编辑', '主编', '副主编', '教授', '副教授', '研究员', '副研究员', '博士生导师', '院士', '讲师', '教练', '主教练', '队长', '医生', '主任医师', '律师', '工程师', '分析师', '社长', '台长', '代表']);
/**
 * Posts in a chamber of commerce or a manufacturers' association are held by business people — unless
 * the chain also holds a public post (市政协副主席、市工商联主席: an official).
 */
export const BUSINESS_ASSOCIATION = /(商会|商联合会|商协会|商业联合会|商业协会|厂商|工商联|工商业|企业联合会|企业家协会|企业家联合会|企业家联谊会|实业家|台协|台商协会|台资企业协会)/;
/** Body prefixes of a public post (party, government, congress, CPPCC, SAR bodies) in a chain unit. */
export const STATE_BODY = /(?:委|政府|人大|政协|党组|厅|特区|立法会|行政会|^自治[区州]$)/;
