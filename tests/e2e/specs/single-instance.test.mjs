// One running app per user: a second launch hands over to the first (which brings its window
// forward) and exits at once, so the journal is never opened by two processes.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { test } from "node:test";
import { APP_BINARY, freshDataDir, launch, textOf } from "../harness.mjs";

test("a second launch exits and leaves the running window working", async () => {
  const dataDir = freshDataDir();
  const app = await launch({ dataDir });
  try {
    const second = spawn(APP_BINARY, [], {
      env: { ...process.env, EFTERTANKE_DATA_DIR: dataDir },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const code = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        second.kill("SIGKILL");
        reject(new Error("the second launch was still running after 15 s: it opened a window of its own"));
      }, 15_000);
      second.once("exit", (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    assert.equal(code, 0, "the second launch hands over and exits cleanly");
    assert.equal(await textOf(app.browser, "h1"), "Journal", "the first window still answers");
  } finally {
    await app.close();
  }
});
