// Keyboard-only driving: reach controls with Tab, choose with arrows and Space, press with
// Enter — as a person who does not use a mouse would.

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`. */
export async function tabTo(browser, selector, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await browser.execute((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await browser.keys(back ? ["Shift", "Tab"] : ["Tab"]);
  }
  const at = await browser.execute(() => document.activeElement?.outerHTML.slice(0, 160));
  throw new Error(`Tab never reached ${selector}; focus is on ${at}`);
}

/** Types into the focused field (WebDriver's element send-keys on the active element). */
export async function type(browser, text) {
  const active = await browser.$(await browser.getActiveElement());
  await active.addValue(text);
}

/** Replaces the text of the focused field: End, Backspace until empty, then type. */
export async function retype(browser, text) {
  const length = await browser.execute(() => document.activeElement?.value?.length ?? 0);
  await browser.keys(["End"]);
  for (let i = 0; i < length; i++) await browser.keys(["Backspace"]);
  await type(browser, text);
}

/** Tabs into a radio group named `name` and picks `value` with the arrow keys. */
export async function chooseRadio(browser, name, value) {
  const index = await browser.execute(
    (n, v) => [...document.querySelectorAll(`input[type=radio][name="${n}"]`)].findIndex((r) => r.value === String(v)),
    name,
    value,
  );
  if (index < 0) throw new Error(`no option ${value} in ${name}`);
  await tabTo(browser, `input[type=radio][name="${name}"]`);
  if (index === 0) {
    await browser.keys([" "]);
  } else {
    const from = await browser.execute(
      (n) => [...document.querySelectorAll(`input[type=radio][name="${n}"]`)].indexOf(document.activeElement),
      name,
    );
    for (let i = Math.max(from, 0); i < index; i++) await browser.keys(["ArrowRight"]);
    if (from > index) for (let i = index; i < from; i++) await browser.keys(["ArrowLeft"]);
  }
  const checked = await browser.execute(
    (n) => document.querySelector(`input[type=radio][name="${n}"]:checked`)?.value ?? null,
    name,
  );
  if (checked !== String(value)) throw new Error(`${name}: wanted ${value}, got ${checked}`);
}

/** Tabs to a checkbox and ticks it with Space. */
export async function tick(browser, selector) {
  await tabTo(browser, selector);
  await browser.keys([" "]);
}

/** Tabs to a button and presses it with Enter. */
export async function press(browser, selector) {
  await tabTo(browser, selector);
  await browser.keys(["Enter"]);
}
