// The installed package, as a person gets it: the binary from the .deb (unpacked into a scratch
// root by scripts/check-package.sh, which points EFTERTANKE_APP at it) opens to its first
// screen, and About names the version the package was built as.
import assert from "node:assert/strict";
import { test } from "node:test";
import { APP_BINARY, freshDataDir, launch, openJournal, textOf } from "../harness.mjs";

const expected = process.env.EFTERTANKE_EXPECT_VERSION;

test("the installed binary opens on the first-run screen, in Danish for a Danish desktop", async () => {
  assert.ok(APP_BINARY.includes("/usr/bin/"), `the test must drive the installed binary, not ${APP_BINARY}`);
  const app = await launch({ dataDir: freshDataDir(), lang: "da_DK.UTF-8", unlock: false });
  try {
    const { browser } = app;
    assert.ok(await (await browser.$("[data-action=create-passphrase]")).isExisting(), "a new journal starts by choosing a passphrase");
    assert.equal(await browser.execute(() => document.documentElement.lang), "da");
    assert.ok((await textOf(browser, "h1")).length > 0, "the first screen has a heading");
  } finally {
    await app.close();
  }
});

test("About in the installed app names the package's version and schema", async () => {
  assert.ok(expected, "check-package.sh passes the version from Cargo.toml");
  const app = await launch({ dataDir: freshDataDir(), unlock: false });
  try {
    const { browser } = app;
    await openJournal(browser);
    await (await browser.$("nav button[data-nav=settings]")).click();
    assert.equal(await textOf(browser, "[data-about=version]"), expected);
    assert.match(await textOf(browser, "[data-about=schema]"), /^\d+$/);
  } finally {
    await app.close();
  }
});
