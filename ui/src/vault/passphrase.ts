// Rules the vault screens check before asking the backend (which checks them again).

/** Shorter than the core's minimum (`AppStatus.passphraseMinChars`), counted in characters as
 *  the core counts them (code points, not UTF-16 units). */
export function tooShort(passphrase: string, minChars: number): boolean {
  return [...passphrase].length < minChars;
}

/** The recovery code in groups of four, two groups to a line, for copying by hand. */
export function groupCode(code: string): string {
  const groups = code.split("-");
  const lines: string[] = [];
  for (let i = 0; i < groups.length; i += 4) lines.push(groups.slice(i, i + 4).join(" "));
  return lines.join("\n");
}

/** Minutes of no input after which the journal locks; 0 means never. */
export function idleDeadline(lastActivity: number, minutes: number): number | null {
  return minutes > 0 ? lastActivity + minutes * 60_000 : null;
}
