import { defineConfig } from '@playwright/test';
import { chromiumArgs, systemChromium } from './tests/support/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // A test that fails and then passes is reported as "flaky" by name in the summary, not as
  // passed: on a loaded two-core machine that names the test to look at without failing the run.
  retries: 1,
  workers: 2,
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 860 },
    // Instant scrolling, so a test never reads positions mid-animation.
    reducedMotion: 'reduce',
    // A click or navigation that cannot happen fails at its own line, not as a bare test timeout.
    actionTimeout: 15_000,
    navigationTimeout: 20_000,
    launchOptions: { executablePath: systemChromium(), args: chromiumArgs() },
  },
});
