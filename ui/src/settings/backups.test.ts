import { describe, expect, it } from "vitest";
import { backupDate, sizeText } from "./backups";

describe("backups in Settings", () => {
  it("shows sizes in KB below a megabyte and MB above, in the interface language", () => {
    expect(sizeText(300, "en")).toBe("1 KB");
    expect(sizeText(200 * 1024, "en")).toBe("200 KB");
    expect(sizeText(3.5 * 1024 * 1024, "da")).toBe("3,5 MB");
    expect(sizeText(3.5 * 1024 * 1024, "en")).toBe("3.5 MB");
  });
  it("shows the date a backup was made with its year", () => {
    expect(backupDate("2026-11-27T10:15:00Z", "en")).toMatch(/27 Nov 2026/);
    // Danish writes a clock time with "kl." and a full stop: "27. nov. 2026 kl. 11.15".
    expect(backupDate("2026-11-27T10:15:00Z", "da")).toMatch(/^27\. nov\. 2026 kl\. \d{2}\.15$/);
  });
});
