/**
 * Readers for the PSPLIB reference tables (`j30opt.sm`, `jNNhrs.sm`): the optimal or
 * best-known makespan of each instance, keyed `"<parameter>_<instance>"` like the file names.
 */

/**
 * Parses a PSPLIB solution table: every data row starts with the parameter number, the
 * instance number and the makespan, whatever the header around them.
 * @param text the whole table file
 * @returns makespan by `"<par>_<inst>"`
 */
export function parseReferenceTable(text: string): Map<string, number> {
  const table = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(\d+)\s+(\d+)\s+(\d+)\b/.exec(line);
    if (m) table.set(`${m[1]}_${m[2]}`, Number(m[3]));
  }
  return table;
}

/**
 * The table key of an instance file name such as `j3012_7.sm` (set j30, parameter 12, instance 7).
 * @returns `"12_7"`, or null when the name does not follow the PSPLIB pattern
 */
export function keyOfInstanceFile(set: string, fileName: string): string | null {
  const m = new RegExp(`^${set}(\\d+)_(\\d+)\\.sm$`).exec(fileName);
  return m ? `${m[1]}_${m[2]}` : null;
}
