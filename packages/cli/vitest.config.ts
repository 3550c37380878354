import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// Every CLI test starts real `aldea` processes (tsx loading core takes seconds on a busy
// machine), so tests get longer than the shared 20 s.
export default mergeConfig(shared, { test: { testTimeout: 180_000 } });
