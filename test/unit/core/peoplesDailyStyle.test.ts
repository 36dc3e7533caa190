/**
 * Rules for formal (People's Daily style) news: one-character country abbreviations, parties and
 * congresses, surnames before leader titles, transliterated names before posts, foreign places.
 * Sentences are written for these tests (none is taken from the held-out evaluation corpus).
 */
import { strict as assert } from 'node:assert';
import { analyze } from '../../../src/core';
import { recognizeRich } from '../../../src/core/recognize';
import { has, hasNot } from './helpers';

const placesOf = (text: string) => recognizeRich(text).filter((s) => s.type === 'place').map((s) => s.text);

describe('rules: People\'s Daily style', () => {
  it('one-character country abbreviations in safe contexts, each its own place', () => {
    assert.deepEqual(placesOf('中日两国外长举行会谈。'), ['中', '日']);
    assert.deepEqual(placesOf('他向台港澳同胞致以问候。'), ['台', '港', '澳']);
    has('总理访美期间会见了驻华使节。', 'place:美', 'place:华');
    has('英方表示同意。', 'place:英');
    has('海外华侨踊跃捐款。', 'place:华');
    assert.deepEqual(placesOf('美、英、法等国代表和一位美籍华人'), ['美', '英', '法', '美', '华']);
    // the abbreviation names the whole country in the analysis
    const a = analyze('中日关系稳定发展，日方表示满意。', { useModel: false });
    assert.ok(a.entities.some((e) => e.type === 'place' && e.name === '日本'));
    // not in ordinary words or longer names
    assert.deepEqual(placesOf('集中美元储备，中美洲国家，心中美好的回忆。'), ['中美洲']);
    assert.deepEqual(placesOf('活动中日益增多的做法方面。'), []);
    has('粤港澳大湾区', 'place:粤港澳大湾区');
  });
  it('parties, their central committees and congresses', () => {
    has('中共中央致中国民主同盟第八次全国代表大会的贺词', 'government:中共中央', 'government:中国民主同盟第八次全国代表大会');
    has('中国共产党中央委员会向大会表示祝贺。', 'government:中国共产党中央委员会');
    has('九三学社中央领导人出席。', 'government:九三学社中央');
    has('认真总结了十三大以来的经验。', 'government:十三大');
    has('，民盟积极参政议政。', 'government:民盟');
    hasNot('各民主党派人士和人民建设者', 'government:民主党', 'government:民建');
    hasNot('他是一名共产党员。', 'government:共产党');
    hasNot('全市十五大城市', 'government:十五大');
  });
  it('a surname alone before a leader title, not a place made of the verb before it', () => {
    has('陪同李总理访问的有外长。', 'person:李', 'title:总理');
    hasNot('陪同江主席访问的有外长。', 'place:同江');
    has('陪同江主席访问的有外长。', 'person:江');
    hasNot('共和国主席', 'person:国');
  });
  it('names before posts and 同志', () => {
    has('团结在以胡锦涛同志为总书记的党中央周围', 'person:胡锦涛');
    has('我同奥巴马总统举行了会谈。', 'person:奥巴马', 'title:总统');
    hasNot('，巴基斯坦总统发表讲话。', 'person:巴基斯坦');
    has('是应法国总统希拉克的邀请', 'place:法国', 'person:希拉克');
    hasNot('政府是代表全中国人民的政府', 'person:全中国');
    has('中国国家主席胡锦涛', 'place:中国', 'title:国家主席', 'person:胡锦涛');
  });
  it('bylines that run names together', () => {
    has('（记者王小红李明）', 'person:王小红', 'person:李明');
    has('（记者张明通讯员刘强）', 'person:张明', 'person:刘强');
  });
  it('foreign places: admin suffixes, formal country names, world cities', () => {
    has('他在芝加哥市发表演讲。', 'place:芝加哥市');
    has('得克萨斯州和佛罗里达州', 'place:得克萨斯州', 'place:佛罗里达州');
    hasNot('芝加哥市长出席', 'place:芝加哥市');
    has('中华人民共和国和德国', 'place:中华人民共和国', 'place:德国');
    has('匈牙利共和国总统', 'place:匈牙利共和国');
    has('代表团访问了费城和亚特兰大。', 'place:费城', 'place:亚特兰大');
  });
});
