import type { Lang } from "../../api";

/**
 * The pathway engine explains its comparisons in English sentences with numbers in them; these
 * patterns give the same sentence in Chinese. Anything unmatched is shown as sent.
 */
const ZH: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^the trajectory peaks in (\d{4}), by (\d{4})$/, (m) => `路径于${m[1]}年达峰，不晚于${m[2]}年`],
  [/^the trajectory peaks in (\d{4}), after (\d{4})$/, (m) => `路径于${m[1]}年达峰，晚于${m[2]}年`],
  [/^the target sets no net-zero year \(NDC: (\d{4})\)$/, (m) => `目标未设定净零排放年份（国家自主贡献：${m[1]}年）`],
  [/^net zero in (\d{4}), by (\d{4})$/, (m) => `${m[1]}年实现净零排放，不晚于${m[2]}年`],
  [/^net zero in (\d{4}), after (\d{4})$/, (m) => `${m[1]}年实现净零排放，晚于${m[2]}年`],
  [/^([\d.-]+) % below (\d{4}) in (\d{4}) \(NDC: ([\d.]+) %\)$/, (m) => `${m[3]}年较${m[2]}年减少${m[1]}%（国家自主贡献：${m[4]}%）`],
  [/^needs the city's (\d{4}) emissions$/, (m) => `需要该城市${m[1]}年的排放数据`],
  [/^needs the city's population$/, () => "需要该城市的人口数据"],
  [/^needs a base year$/, () => "需要基准年"],
  [/^the trajectory does not reach (\d{4})$/, (m) => `路径未延伸到${m[1]}年`],
  [/^an intensity per unit of GDP needs the city's GDP$/, () => "单位地区生产总值强度目标需要该城市的地区生产总值数据"],
  [/^no trajectory$/, () => "没有路径"],
];

export function reasonText(text: string | null, lang: Lang): string {
  if (!text || lang === "en") return text ?? "";
  for (const [re, zh] of ZH) {
    const m = re.exec(text);
    if (m) return zh(m);
  }
  return text;
}
