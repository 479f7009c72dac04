// End-to-end test of the `suppcheck serve` page in headless Chromium on a phone-sized viewport:
// upload a sample photo and see the verdict and the boxes; type a number; a bad upload shows a
// clear error. Screenshots are kept in $ARTIFACTS (default: build/test-artifacts).
// Usage: node page_test.mjs SUPPCHECK_BINARY SOURCE_DIR
// Exit 77 (skipped) when Chromium or playwright-core is not installed.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import assert from "node:assert/strict";

const [binary, sourceDir] = process.argv.slice(2);
const chromium = "/usr/bin/chromium";
let playwright;
try {
  playwright = await import("playwright-core");
} catch {
  console.error("skipped: playwright-core is not installed (npm ci in tests/browser)");
  process.exit(77);
}
if (!existsSync(chromium)) {
  console.error("skipped: /usr/bin/chromium is not installed");
  process.exit(77);
}
const artifacts = process.env.ARTIFACTS || join(sourceDir, "build", "test-artifacts");
mkdirSync(artifacts, { recursive: true });

// The server, on a free port it picks itself.
const server = spawn(binary, ["serve", "--port", "0", "--workers", "1"], { stdio: ["ignore", "ignore", "pipe"] });
const port = await new Promise((resolve, reject) => {
  let err = "";
  const timer = setTimeout(() => reject(new Error("server did not start: " + err)), 60000);
  server.stderr.on("data", (d) => {
    err += d;
    const m = /serving on http:\/\/127\.0\.0\.1:(\d+)\//.exec(err);
    if (m) { clearTimeout(timer); resolve(Number(m[1])); }
  });
  server.on("exit", (code) => reject(new Error(`server exited ${code}: ${err}`)));
});

const browser = await playwright.chromium.launch({
  executablePath: chromium,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = 0, run = 0;
async function check(name, fn) {
  run++;
  try {
    await fn();
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(e.stack || e).split("\n").join("\n  ")}`);
  }
}
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "en-US", deviceScaleFactor: 2 });
  const page = await context.newPage();
  // The server's Content-Security-Policy forbids inline script: the page must never trip it.
  const violations = [];
  page.on("console", (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await page.goto(`http://127.0.0.1:${port}/`);

  await check("the page comes up in English on a phone, with a language switch", async () => {
    assert.equal(await page.locator("#lang").inputValue(), "en");
    assert.match(await page.textContent("h1"), /suppcheck/);
    await page.screenshot({ path: join(artifacts, "page-start.png"), fullPage: true });
  });

  await check("a label photo gives the verdict in words and the evidence boxes", async () => {
    await page.setInputFiles("#file", join(sourceDir, "samples", "sample-phone-0006.jpg"));
    await page.waitForSelector("#result:not([hidden])", { timeout: 120000 });
    assert.match(await page.textContent("#numberVerdict"), /NUT 67\/9: the format is right/);
    assert.match(await page.textContent("#doseVerdict"), /750 mg magnesium a day: above the safe upper level of 250 mg/);
    await page.waitForFunction(() => Number(document.getElementById("canvas").dataset.boxes || 0) > 0);
    assert.match(await page.textContent("#intakeTotal"), /750 mg magnesium a day: more than the safe 250 mg/);
    await page.screenshot({ path: join(artifacts, "page-verdict.png"), fullPage: true });
  });

  await check("a typed number is checked", async () => {
    await page.fill("#number", "nut/as162/597");
    await page.click("#checkNumber");
    await page.waitForFunction(() => document.getElementById("numberResult").textContent.length > 0);
    assert.match(await page.textContent("#numberResult"), /NUT\/AS 162\/597: the format is right/);
    await page.fill("#number", "NUT 12345/6");
    await page.click("#checkNumber");
    await page.waitForFunction(() => /not in the right format/.test(document.getElementById("numberResult").textContent));
  });

  await check("a file that is not a photo shows a clear error", async () => {
    await page.setInputFiles("#file", join(sourceDir, "README.md"));
    await page.waitForSelector("#error", { state: "visible" });
    assert.equal(await page.textContent("#error"), "This file is not a photo.");
    await page.screenshot({ path: join(artifacts, "page-bad-upload.png"), fullPage: true });
  });

  await check("the switch turns the page into Dutch", async () => {
    await page.selectOption("#lang", "nl");
    assert.match(await page.textContent("#numberVerdict"), /Notificatienummer NUT 67\/9: het formaat klopt/);
    await page.screenshot({ path: join(artifacts, "page-dutch.png"), fullPage: true });
  });

  await check("photos of the same pack build up one product until its verdict is complete", async () => {
    await page.selectOption("#lang", "en");
    const pack = join(sourceDir, "samples", "products", "product-clean-0005");
    const rowsBefore = await page.locator("#intakeTable tr").count();
    // The front alone: no number on it, and the page says what to photograph next.
    // The page shows its progress bar from the moment a photo is chosen until the answer is in.
    const send = async (input, file) => {
      await page.setInputFiles(input, join(pack, file));
      await page.waitForSelector("#progress", { state: "hidden", timeout: 120000 });
    };
    await send("#file", "1-front.jpg");
    assert.match(await page.textContent("#photoCount"), /Photos of this pack: 1/);
    assert.match(await page.textContent("#numberVerdict"), /Number not seen yet/);
    assert.match(await page.textContent("#missingList"), /photograph the side with the lot number/);
    assert.equal(await page.isVisible("#complete"), false);
    assert.equal(await page.isVisible("#addPhoto"), true);
    await page.screenshot({ path: join(artifacts, "page-product-front.png"), fullPage: true });
    // The side with the number, then the back with the dose: the same product, not new ones.
    await send("#addFile", "3-side.jpg");
    assert.match(await page.textContent("#photoCount"), /Photos of this pack: 2/);
    assert.match(await page.textContent("#numberVerdict"), /Notification number NUT\/PL\/AS 6586\/3319: the format is right/);
    await send("#addFile", "2-back.jpg");
    assert.match(await page.textContent("#photoCount"), /Photos of this pack: 3/);
    assert.match(await page.textContent("#numberVerdict"), /NUT\/PL\/AS 6586\/3319: the format is right/);
    assert.match(await page.textContent("#doseVerdict"), /360 mg magnesium a day: above the safe upper level of 250 mg/);
    assert.equal(await page.isVisible("#complete"), true);
    assert.equal(await page.isVisible("#stillMissing"), false);
    await page.waitForFunction(() => Number(document.getElementById("canvas").dataset.boxes || 0) > 0);
    // The visit counts the pack once, however many photos it took.
    assert.equal(await page.locator("#intakeTable tr").count(), rowsBefore + 1);
    assert.match(await page.textContent("#intakeTable"), /NUT\/PL\/AS 6586\/3319360 mg/);
    assert.match(await page.textContent("#intakeTotal"), /Together: 1110 mg magnesium a day/);
    await page.screenshot({ path: join(artifacts, "page-product-complete.png"), fullPage: true });
    await page.selectOption("#lang", "de");
    assert.match(await page.textContent("#complete"), /Vollständig/);
    assert.match(await page.textContent("#numberVerdict"), /Notifizierungsnummer NUT\/PL\/AS 6586\/3319: Das Format stimmt/);
  });

  await check("the page runs under the server's Content-Security-Policy without a violation", async () => {
    const res = await page.request.get(`http://127.0.0.1:${port}/`);
    assert.match(res.headers()["content-security-policy"], /script-src 'self';/);
    assert.deepEqual(violations, []);
  });
} finally {
  await browser.close();
  server.kill("SIGINT");
}
console.log(`${run - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
