/**
 * The scanner of an OpenAQ archive file's rows, run in a worker thread over one byte range of the
 * file (see openaq-scan.ts). It is one self-contained function, with no import and nothing from
 * around it (the worker hands it `node:fs`): the worker runs its source text
 * (`scanOpenAqPart.toString()`), as the SQLite writer's worker runs its own, so it runs the same
 * from the TypeScript sources and from the build.
 */

/**
 * What a worker is given: the file, its byte range [start, end) of whole lines, the parameters
 * whose readings are added up by hour, and the factors of the (parameter, unit) pairs that apply
 * (by `parameter + "\u0000" + unit`).
 */
export interface ScanPartInput {
  path: string;
  start: number;
  end: number;
  hourly: string[];
  factors: Record<string, number>;
}

/**
 * What a worker found in its range. `bail` names the first thing outside the fast path (a quote,
 * a field that is not in the canonical form, a value that is not a plain decimal, …): then nothing
 * else is meaningful and the caller reads the file with DuckDB instead, which handles and reports
 * everything. Otherwise, per group (station, local day, parameter, unit): its station (index into
 * `stations`), day number (days since 1970-01-01, of the hour each row belongs to: OpenAQ stamps
 * the end of the hour), parameter and unit (indexes into `parameters`, `units`), its rows, values,
 * valid values (≥ 0), their sum (in file order), maximum and hour mask; and for the `hourly`
 * parameters' groups, the sum and count of their valid values by hour, in the unit's factor
 * (as the station-day reader scales each reading), added in file order.
 */
export interface ScanPartOutput {
  bail: string;
  rows: number;
  parameters: string[];
  units: string[];
  /**
   * Station ids, their first name, latitude and longitude in the range (null: none there), and the
   * rows (counted from the range's first) where the station, its name, latitude and longitude
   * first came.
   */
  stations: { id: number; name: string | null; lat: number | null; lon: number | null; firstRow: number; nameRow: number; latRow: number; lonRow: number }[];
  groups: number;
  gStation: Int32Array;
  gDay: Int32Array;
  gParameter: Int32Array;
  gUnit: Int32Array;
  gRows: Float64Array;
  gValues: Float64Array;
  gN: Float64Array;
  gSum: Float64Array;
  gMax: Float64Array;
  gMask: Int32Array;
  /** Per group, 1 + its hourly slot (0: none); slot s's hours are hSum/hCount[24 s … 24 s + 23]. */
  gHourly: Int32Array;
  slots: number;
  hSum: Float64Array;
  hCount: Int32Array;
}

/**
 * Scans the rows of `input.path` from byte `start` (the start of a line) to `end` (the end of a
 * line). A row must be `location_id,sensors_id,location,datetime,lat,lon,parameter,units,value`
 * with: digits for location_id (at most 15) and sensors_id (or empty/NA); a location without a
 * quote; a datetime `YYYY-MM-DD[T ]HH:MM:SS` (years 1901–2199, a real date and time) with no
 * offset, `Z` or `±HH:MM` (left aside: days are local days, as in the DuckDB pass); plain decimals
 * (`-?digits[.digits]`) or empty/NA for lat, lon and value; parameter and units neither empty nor
 * NA. Anything else stops the scan (`bail`).
 */
export function scanOpenAqPart(input: ScanPartInput, fs: Pick<typeof import("node:fs"), "openSync" | "readSync" | "closeSync">): ScanPartOutput {
  const COMMA = 44;
  const LF = 10;
  const CR = 13;
  const QUOTE = 34;
  const DOT = 46;
  const MINUS = 45;
  const N = 78;
  const A = 65;
  const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
  const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  // Read in 32 KB: the buffer stays in the core's own cache while it is scanned (two workers
  // scanning 1–4 MB chunks slowed each other by half; 32 KB chunks by a fifth).
  const CHUNK = 32 << 10;

  // Groups, grown by doubling. Every store starts tiny, so that growing is seen while the scan
  // is young: a branch first taken after V8 has optimized the loop sends it back to the
  // interpreter and through another compilation (a 5M-row part took 1.25 s instead of 0.95 s when they
  // started large).
  let cap = 4;
  let gStation = new Int32Array(cap);
  let gDay = new Int32Array(cap);
  let gParameter = new Int32Array(cap);
  let gUnit = new Int32Array(cap);
  let gRows = new Float64Array(cap);
  let gValues = new Float64Array(cap);
  let gN = new Float64Array(cap);
  let gSum = new Float64Array(cap);
  let gMax = new Float64Array(cap);
  let gMask = new Int32Array(cap);
  let groups = 0;
  let gHourly = new Int32Array(cap);
  let hCap = 4;
  let hSum = new Float64Array(hCap * 24);
  let hCount = new Int32Array(hCap * 24);
  let slots = 0;

  // Parameter and unit spellings (their bytes, as seen), found by a small hash of length, first
  // and last byte, then compared byte by byte.
  const dictBytes: Uint8Array[][] = [[], []];
  const dictText: string[][] = [[], []];
  const dictSlot = [new Int32Array(4096), new Int32Array(4096)];
  const hourlyParameter: boolean[] = [];
  // At most P parameters and U units (more: DuckDB reads the file).
  const P = 64;
  const U = 16;
  // The factor of each (parameter, unit) pair seen (NaN: none applies).
  const pairFactor = new Float64Array(P * U).fill(Number.NaN);
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  /** Whether a dictionary entry is the `len` bytes of `b8` from `a`. */
  const sameBytes = (known: Uint8Array, b8: Buffer, a: number, len: number): boolean => {
    if (known.length !== len) return false;
    for (let k = 0; k < len; k++) if (known[k] !== b8[a + k]) return false;
    return true;
  };
  // Stations: id → index, with their first name and coordinates.
  const stationIndex = new Map<number, number>();
  const stations: ScanPartOutput["stations"] = [];
  // The last group of each (station, parameter, unit) combination: its day and group number.
  let comboCap = P * U;
  let comboDay = new Int32Array(comboCap).fill(-2147483648);
  let comboGroup = new Int32Array(comboCap);
  // Every group by (combination, day): open addressing, grown at half full.
  let tCap = 8;
  let tCombo = new Int32Array(tCap).fill(-1);
  let tDay = new Int32Array(tCap);
  let tGroup = new Int32Array(tCap);

  let rows = 0;
  let bail = "";
  let lastStationId = -1;
  let lastStation = -1;
  let lastDateKey = -1;
  let lastDateDay = 0;
  let filePos = input.start;
  let buf = Buffer.allocUnsafe(CHUNK + 65536);
  let have = 0;
  const fd = fs.openSync(input.path, "r");
  try {
    for (let eof = false; !eof && bail === ""; ) {
      // Keep the unread tail, read the next chunk; at the range's end, end its last line.
      const want = Math.min(CHUNK, input.end - filePos);
      if (have + want + 1 > buf.length) {
        const bigger = Buffer.allocUnsafe(have + want + 65536);
        buf.copy(bigger, 0, 0, have);
        buf = bigger;
      }
      const got = want > 0 ? fs.readSync(fd, buf, have, want, filePos) : 0;
      filePos += got;
      have += got;
      eof = got === 0 || filePos >= input.end;
      if (eof && have > 0 && buf[have - 1] !== LF) buf[have++] = LF;
      const b8 = buf;
      // Lines before the last line end are whole. A quote anywhere in them: not for the fast
      // path (one search per chunk, so that the fields' loops need not look for it).
      const end = b8.lastIndexOf(LF, have - 1) + 1;
      const quote = b8.subarray(0, end).indexOf(QUOTE);
      if (quote !== -1 && quote < end) {
        bail = "a quoted field";
        break;
      }
      let p = 0;
      while (p < end) {
        const lineStart = p;
        let i = p;
        let c = b8[i]!;
        // location_id: 1–15 digits.
        let st = 0;
        while (c !== COMMA) {
          const d = c - 48;
          if (d < 0 || d > 9 || i - lineStart >= 15) {
            bail = "a location_id that is not a plain whole number";
            break;
          }
          st = st * 10 + d;
          c = b8[++i]!;
        }
        if (bail !== "") break;
        if (i === lineStart) {
          bail = "a row without a location_id";
          break;
        }
        // sensors_id: digits, empty or NA.
        c = b8[++i]!;
        if (c === N) {
          if (b8[i + 1] !== A || b8[i + 2] !== COMMA) {
            bail = "a sensors_id that is not a plain whole number";
            break;
          }
          i += 2;
        } else {
          const s0 = i;
          while (c !== COMMA) {
            const d = c - 48;
            if (d < 0 || d > 9 || i - s0 >= 18) {
              bail = "a sensors_id that is not a plain whole number";
              break;
            }
            c = b8[++i]!;
          }
          if (bail !== "") break;
        }
        // location: any text without a quote or a control character (a line end, a lone CR
        // that DuckDB may read as one, a tab: left to DuckDB).
        const l0 = ++i;
        c = b8[i]!;
        while (c !== COMMA) {
          if (c <= CR) {
            bail = c === LF ? "a row without 9 fields" : "a control character in a text";
            break;
          }
          c = b8[++i]!;
        }
        if (bail !== "") break;
        const l1 = i;
        // datetime: YYYY-MM-DD[T ]HH:MM:SS, then nothing, Z or ±HH:MM.
        const t = i + 1;
        const y0 = b8[t]! - 48;
        const y1 = b8[t + 1]! - 48;
        const y2 = b8[t + 2]! - 48;
        const y3 = b8[t + 3]! - 48;
        const m0 = b8[t + 5]! - 48;
        const m1 = b8[t + 6]! - 48;
        const d0 = b8[t + 8]! - 48;
        const d1 = b8[t + 9]! - 48;
        const h0 = b8[t + 11]! - 48;
        const h1 = b8[t + 12]! - 48;
        const i0 = b8[t + 14]! - 48;
        const i1 = b8[t + 15]! - 48;
        const s0 = b8[t + 17]! - 48;
        const s1 = b8[t + 18]! - 48;
        const sep = b8[t + 10];
        if (
          (y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1 | h0 | h1 | i0 | i1 | s0 | s1) >>> 0 > 15 ||
          y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9 || h0 > 9 || h1 > 9 || i0 > 9 || i1 > 9 || s0 > 9 || s1 > 9 ||
          b8[t + 4] !== MINUS || b8[t + 7] !== MINUS || (sep !== 84 && sep !== 32) || b8[t + 13] !== 58 || b8[t + 16] !== 58
        ) {
          bail = "a datetime not in the form 2023-01-01T01:00:00+08:00";
          break;
        }
        const z = b8[t + 19];
        if (z === COMMA) i = t + 19;
        else if (z === 90 && b8[t + 20] === COMMA) i = t + 20;
        else if (
          (z === 43 || z === MINUS) &&
          b8[t + 22] === 58 &&
          b8[t + 25] === COMMA &&
          (b8[t + 20]! - 48) >>> 0 <= 9 && (b8[t + 21]! - 48) >>> 0 <= 9 && (b8[t + 23]! - 48) >>> 0 <= 9 && (b8[t + 24]! - 48) >>> 0 <= 9
        )
          i = t + 25;
        else {
          bail = "a datetime not in the form 2023-01-01T01:00:00+08:00";
          break;
        }
        const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
        const mo = m0 * 10 + m1;
        const dd = d0 * 10 + d1;
        const hh = h0 * 10 + h1;
        const mi = i0 * 10 + i1;
        const ss = s0 * 10 + s1;
        if (hh > 23 || mi > 59 || ss > 59) {
          bail = "a datetime that is not a real time of day";
          break;
        }
        // Days since 1970-01-01 (days from civil), once per date.
        const dateKey = y * 10000 + mo * 100 + dd;
        let day: number;
        if (dateKey === lastDateKey) day = lastDateDay;
        else {
          const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
          if (y < 1901 || y > 2199 || mo < 1 || mo > 12 || dd < 1 || dd > (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo]!)) {
            bail = "a datetime outside 1901–2199 or not a real date";
            break;
          }
          const yy = mo <= 2 ? y - 1 : y;
          const era = Math.floor(yy / 400);
          const yoe = yy - era * 400;
          const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + dd - 1;
          day = era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
          lastDateKey = dateKey;
          lastDateDay = day;
        }
        // The hour the row belongs to: the one holding the instant just before its stamp
        // (OpenAQ stamps the end of the hour: HH:00:00 ends hour HH − 1, 00:00:00 the day before's 23).
        let hour = mi === 0 && ss === 0 ? hh - 1 : hh;
        if (hour < 0) {
          hour = 23;
          day--;
        }
        // lat, lon: plain decimals, empty or NA.
        i++;
        let latA = 0;
        let latB = 0;
        let lonA = 0;
        let lonB = 0;
        for (let f = 0; f < 2 && bail === ""; f++) {
          const a = i;
          c = b8[i]!;
          if (c === N) {
            if (b8[i + 1] !== A || b8[i + 2] !== COMMA) bail = "a lat or lon that is not a plain decimal";
            i += 3;
            continue;
          }
          if (c === MINUS) c = b8[++i]!;
          let digits = 0;
          let dots = 0;
          while (c !== COMMA) {
            if (c === DOT) {
              if (digits === 0 || dots++ > 0) break;
            } else if ((c - 48) >>> 0 > 9) break;
            else digits++;
            c = b8[++i]!;
          }
          if (c !== COMMA || (i > a && (digits === 0 || b8[i - 1] === DOT))) bail = "a lat or lon that is not a plain decimal";
          if (f === 0) {
            latA = a;
            latB = i;
          } else {
            lonA = a;
            lonB = i;
          }
          i++;
        }
        if (bail !== "") break;
        // parameter and units: text without a quote, found in their dictionaries.
        let pu0 = -1;
        let pu1 = -1;
        for (let f = 0; f < 2; f++) {
          const a = i;
          c = b8[i]!;
          while (c !== COMMA && c > CR) c = b8[++i]!;
          if (c !== COMMA) {
            bail = c === LF ? "a row without 9 fields" : "a control character in a text";
            break;
          }
          const len = i - a;
          if (len === 0 || (len === 2 && b8[a] === N && b8[a + 1] === A)) {
            bail = f === 0 ? "an empty parameter" : "an empty unit";
            break;
          }
          const slots = dictSlot[f]!;
          const dict = dictBytes[f]!;
          const slot = (len * 131 + b8[a]! * 17 + b8[i - 1]!) & 4095;
          let found = slots[slot]! - 1;
          if (found >= 0 && !sameBytes(dict[found]!, b8, a, len)) found = -1;
          if (found < 0) {
            for (let e = 0; e < dict.length && found < 0; e++) if (sameBytes(dict[e]!, b8, a, len)) found = e;
            if (found < 0) {
              if (dict.length >= (f === 0 ? P : U)) {
                bail = "too many distinct parameters or units";
                break;
              }
              const bytes = Uint8Array.from(b8.subarray(a, i));
              let text = "";
              try {
                text = utf8.decode(bytes);
              } catch {
                bail = "text that is not UTF-8";
                break;
              }
              found = dict.length;
              dict.push(bytes);
              dictText[f]!.push(text);
              if (f === 0) hourlyParameter.push(input.hourly.includes(text));
              for (let o = 0; o < dictText[1 - f]!.length; o++) {
                const parameter = f === 0 ? text : dictText[0]![o]!;
                const unit = f === 0 ? dictText[1]![o]! : text;
                pairFactor[(f === 0 ? found : o) * U + (f === 0 ? o : found)] = input.factors[`${parameter}\u0000${unit}`] ?? Number.NaN;
              }
            }
            slots[slot] = found + 1;
          }
          if (f === 0) pu0 = found;
          else pu1 = found;
          i++;
        }
        if (bail !== "") break;
        // value: empty/NA (a gap) or a plain decimal, to the line's end.
        const va = i;
        c = b8[i]!;
        let value = 0;
        let hasValue = false;
        if (c === N && b8[i + 1] === A) {
          i += 2;
          c = b8[i]!;
        } else if (c !== LF && c !== CR) {
          const negative = c === MINUS;
          if (negative) c = b8[++i]!;
          let m = 0;
          let digits = 0;
          let fraction = -1;
          while (c !== LF && c !== CR) {
            if (c === DOT) {
              if (digits === 0 || fraction >= 0) break;
              fraction = 0;
            } else {
              const d = c - 48;
              if (d < 0 || d > 9) break;
              m = m * 10 + d;
              digits++;
              if (fraction >= 0) fraction++;
            }
            c = b8[++i]!;
          }
          if ((c !== LF && c !== CR) || digits === 0 || fraction === 0) {
            bail = "a value that is not a plain decimal";
            break;
          }
          if (fraction < 0) fraction = 0;
          // Exact while the digits fit a double's integer range and the power of ten is exact:
          // one division, correctly rounded, as DuckDB's parser gives.
          value = digits <= 15 && fraction <= 22 ? m / POW10[fraction]! : Number(b8.toString("latin1", negative ? va + 1 : va, i));
          if (!Number.isFinite(value)) {
            bail = "a value that is not a finite number";
            break;
          }
          if (negative) value = -value;
          hasValue = true;
        }
        if (c === CR) c = b8[++i]!;
        if (c !== LF) {
          bail = "a row without 9 fields";
          break;
        }
        p = i + 1;
        // The station.
        let si: number;
        if (st === lastStationId) si = lastStation;
        else {
          let known = stationIndex.get(st);
          if (known === undefined) {
            known = stations.length;
            stationIndex.set(st, known);
            stations.push({ id: st, name: null, lat: null, lon: null, firstRow: rows, nameRow: -1, latRow: -1, lonRow: -1 });
            if (known * P * U >= comboCap) {
              const bigger = comboCap * 2;
              const day2 = new Int32Array(bigger).fill(-2147483648);
              day2.set(comboDay);
              const group2 = new Int32Array(bigger);
              group2.set(comboGroup);
              comboDay = day2;
              comboGroup = group2;
              comboCap = bigger;
            }
          }
          si = known;
          lastStationId = st;
          lastStation = si;
        }
        const station = stations[si]!;
        if (station.name === null && !(l1 === l0 || (l1 - l0 === 2 && b8[l0] === N && b8[l0 + 1] === A))) {
          try {
            station.name = utf8.decode(b8.subarray(l0, l1));
            station.nameRow = rows;
          } catch {
            bail = "text that is not UTF-8";
            break;
          }
        }
        if (station.lat === null && latB > latA) {
          station.lat = Number(b8.toString("latin1", latA, latB));
          station.latRow = rows;
        }
        if (station.lon === null && lonB > lonA) {
          station.lon = Number(b8.toString("latin1", lonA, lonB));
          station.lonRow = rows;
        }
        // The group.
        const combo = (si * P + pu0) * U + pu1;
        let g: number;
        if (comboDay[combo] === day) g = comboGroup[combo]!;
        else {
          // The table of every group: (combination, day) → group.
          let slot = (Math.imul(combo, 0x9e3779b1) ^ Math.imul(day, 0x85ebca6b)) & (tCap - 1);
          let known = -1;
          while (tCombo[slot] !== -1) {
            if (tCombo[slot] === combo && tDay[slot] === day) {
              known = tGroup[slot]!;
              break;
            }
            slot = (slot + 1) & (tCap - 1);
          }
          if (known === -1) {
            if (groups === cap) {
              cap *= 2;
              const grow = <A extends Int32Array | Float64Array>(a: A): A => {
                const b = new (a.constructor as { new (n: number): A })(cap);
                b.set(a);
                return b;
              };
              gStation = grow(gStation);
              gDay = grow(gDay);
              gParameter = grow(gParameter);
              gUnit = grow(gUnit);
              gRows = grow(gRows);
              gValues = grow(gValues);
              gN = grow(gN);
              gSum = grow(gSum);
              gMax = grow(gMax);
              gMask = grow(gMask);
              gHourly = grow(gHourly);
            }
            known = groups++;
            tCombo[slot] = combo;
            tDay[slot] = day;
            tGroup[slot] = known;
            if (groups * 2 > tCap) {
              // Half full: twice the room, every group placed again.
              const oldCombo = tCombo;
              const oldDay = tDay;
              const oldGroup = tGroup;
              tCap *= 2;
              tCombo = new Int32Array(tCap).fill(-1);
              tDay = new Int32Array(tCap);
              tGroup = new Int32Array(tCap);
              for (let o = 0; o < oldCombo.length; o++) {
                if (oldCombo[o] === -1) continue;
                let q = (Math.imul(oldCombo[o]!, 0x9e3779b1) ^ Math.imul(oldDay[o]!, 0x85ebca6b)) & (tCap - 1);
                while (tCombo[q] !== -1) q = (q + 1) & (tCap - 1);
                tCombo[q] = oldCombo[o]!;
                tDay[q] = oldDay[o]!;
                tGroup[q] = oldGroup[o]!;
              }
            }
            gStation[known] = si;
            gDay[known] = day;
            gParameter[known] = pu0;
            gUnit[known] = pu1;
          }
          comboDay[combo] = day;
          comboGroup[combo] = known;
          g = known;
        }
        gRows[g]!++;
        if (hasValue) {
          gValues[g]!++;
          // A valid value: ≥ 0 (negative values are gaps, counted).
          if (value >= 0) {
            gN[g]!++;
            gSum[g]! += value;
            if (gN[g] === 1 || value > gMax[g]!) gMax[g] = value;
            gMask[g]! |= 1 << hour;
            if (hourlyParameter[pu0]) {
              const f = pairFactor[pu0 * U + pu1]!;
              // A unit that cannot apply: the file goes to DuckDB (the merge sees the pair).
              if (f === f) {
                let slot = gHourly[g]!;
                if (slot === 0) {
                  if (slots === hCap) {
                    hCap *= 2;
                    const s2 = new Float64Array(hCap * 24);
                    s2.set(hSum);
                    hSum = s2;
                    const c2 = new Int32Array(hCap * 24);
                    c2.set(hCount);
                    hCount = c2;
                  }
                  slot = gHourly[g] = ++slots;
                }
                const at = (slot - 1) * 24 + hour;
                // As the station-day reader scales a reading (air-day-reader.ts: scale).
                // Two readings of one hour: the reader adds a station-day's groups reading by
                // reading, so sums of several readings per hour would not add up the same way;
                // such a file goes to DuckDB.
                if (hCount[at]! > 0) {
                  bail = "two readings of the same hour";
                  break;
                }
                hSum[at] = f < 1 ? value / (1 / f) : value * f;
                hCount[at] = 1;
              }
            }
          }
        }
        rows++;
      }
      if (bail !== "") break;
      // Keep the unread tail (a line not yet whole) for the next chunk.
      b8.copy(b8, 0, end, have);
      have -= end;
    }
  } finally {
    fs.closeSync(fd);
  }
  if (bail !== "") {
    const none = new Int32Array(0);
    const noNumbers = new Float64Array(0);
    return { bail, rows: 0, parameters: [], units: [], stations: [], groups: 0, gStation: none, gDay: none, gParameter: none, gUnit: none, gRows: noNumbers, gValues: noNumbers, gN: noNumbers, gSum: noNumbers, gMax: noNumbers, gMask: none, gHourly: none, slots: 0, hSum: noNumbers, hCount: none };
  }
  return {
    bail: "",
    rows,
    parameters: dictText[0]!,
    units: dictText[1]!,
    stations,
    groups,
    gStation: gStation.slice(0, groups),
    gDay: gDay.slice(0, groups),
    gParameter: gParameter.slice(0, groups),
    gUnit: gUnit.slice(0, groups),
    gRows: gRows.slice(0, groups),
    gValues: gValues.slice(0, groups),
    gN: gN.slice(0, groups),
    gSum: gSum.slice(0, groups),
    gMax: gMax.slice(0, groups),
    gMask: gMask.slice(0, groups),
    gHourly: gHourly.slice(0, groups),
    slots,
    hSum: hSum.subarray(0, slots * 24),
    hCount: hCount.subarray(0, slots * 24),
  };
}
