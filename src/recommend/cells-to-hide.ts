/**
 * Which cells of a table of people-derived figures to hide: every cell about 1 to `min − 1` people,
 * and then — so that a shown total cannot give a hidden cell away by subtraction — the smallest
 * shown cells too, until the hidden cells are more than one and together cover at least `min`
 * people (or nothing is left to hide). Cells about nobody stay shown: they reveal nothing.
 * `combined` counts the people of several cells together (their union when people overlap).
 */
export function cellsToHide(
  sizes: readonly number[],
  min: number,
  combined: (indexes: readonly number[]) => number = (ix) => ix.reduce((n, i) => n + (sizes[i] ?? 0), 0),
): Set<number> {
  const hidden = new Set<number>();
  sizes.forEach((size, i) => {
    if (size > 0 && size < min) hidden.add(i);
  });
  while (hidden.size > 0 && (hidden.size === 1 || combined([...hidden]) < min)) {
    let next = -1;
    sizes.forEach((size, i) => {
      if (size > 0 && !hidden.has(i) && (next < 0 || size < (sizes[next] ?? 0))) next = i;
    });
    if (next < 0) break;
    hidden.add(next);
  }
  return hidden;
}
