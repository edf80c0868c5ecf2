import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
    // Pinned so a CI's FORCE_COLOR or a developer's NO_COLOR cannot change rendered output.
    env: { FORCE_COLOR: '0', TZ: 'UTC' },
  },
});
