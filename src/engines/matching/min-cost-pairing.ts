/**
 * Maximum-cardinality, minimum-cost pairing of rows and columns where row r takes up to
 * `rowCap[r]` columns, column c up to `colCap[c]` rows, and each (row, column) pair at most once;
 * `cost(r, c)` is null for pairs that cannot be chosen. Successive shortest paths with node
 * potentials (Dijkstra on reduced costs, dense, O(V²) per unit of flow) on the network
 * source → rows → columns → sink. Used by `programmePairing` when both sides take several partners.
 *
 * @returns the chosen [row, column] pairs
 * @example minCostPairing(1, 2, [2], [1, 1], (r, c) => [3, 4][c]!) //=> [[0, 0], [0, 1]]
 * Standard: Ahuja, Magnanti & Orlin, "Network Flows" (1993), §9.7.
 */
export function minCostPairing(rows: number, cols: number, rowCap: readonly number[], colCap: readonly number[], cost: (r: number, c: number) => number | null): [number, number][] {
  const c = new Float64Array(rows * cols).fill(NaN); // NaN: no edge
  for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) c[r * cols + j] = cost(r, j) ?? NaN;
  const flow = new Uint8Array(rows * cols);
  const rowUsed = new Int32Array(rows);
  const colUsed = new Int32Array(cols);
  // Nodes: rows 0..rows-1, columns rows..rows+cols-1, sink T; the source is implicit (distance 0 to rows with room).
  const V = rows + cols + 1;
  const T = rows + cols;
  const pot = new Float64Array(V);
  for (let j = 0; j < cols; j++) {
    let m = Infinity;
    for (let r = 0; r < rows; r++) if (!Number.isNaN(c[r * cols + j]!)) m = Math.min(m, c[r * cols + j]!);
    pot[rows + j] = m === Infinity ? 0 : m;
  }
  pot[T] = cols ? Math.min(...Array.from(pot.subarray(rows, rows + cols))) : 0;
  const dist = new Float64Array(V);
  const parent = new Int32Array(V);
  const done = new Uint8Array(V);
  for (;;) {
    dist.fill(Infinity);
    parent.fill(-1);
    done.fill(0);
    // Reduced cost of source → row r is 0 - pot[r] + pot[source] with pot[source] = 0 ≥ pot[r] kept by the updates below.
    for (let r = 0; r < rows; r++) if (rowUsed[r]! < rowCap[r]!) dist[r] = -pot[r]!;
    for (;;) {
      let u = -1;
      let best = Infinity;
      for (let x = 0; x < V; x++) {
        if (!done[x] && dist[x]! < best) {
          best = dist[x]!;
          u = x;
        }
      }
      if (u === -1 || u === T) break;
      done[u] = 1;
      const relax = (to: number, w: number) => {
        const d = best + w + pot[u]! - pot[to]!;
        if (d < dist[to]!) {
          dist[to] = d;
          parent[to] = u;
        }
      };
      if (u < rows) {
        for (let j = 0; j < cols; j++) if (!flow[u * cols + j] && !Number.isNaN(c[u * cols + j]!)) relax(rows + j, c[u * cols + j]!);
      } else {
        const j = u - rows;
        for (let r = 0; r < rows; r++) if (flow[r * cols + j]) relax(r, -c[r * cols + j]!);
        if (colUsed[j]! < colCap[j]!) relax(T, 0);
      }
    }
    if (dist[T] === Infinity) break;
    for (let x = 0; x < V; x++) pot[x] = pot[x]! + Math.min(dist[x]!, dist[T]!);
    // Augment one unit along the path.
    let v = T;
    const j0 = parent[T]! - rows;
    colUsed[j0]!++;
    v = parent[T]!;
    for (;;) {
      const u = parent[v]!;
      if (u === -1) {
        rowUsed[v]!++;
        break;
      }
      if (u < rows) flow[u * cols + (v - rows)] = 1;
      else flow[v * cols + (u - rows)] = 0;
      v = u;
    }
  }
  const out: [number, number][] = [];
  for (let r = 0; r < rows; r++) for (let j = 0; j < cols; j++) if (flow[r * cols + j]) out.push([r, j]);
  return out;
}
