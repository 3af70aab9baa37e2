import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/svelte';
import { afterEach } from 'vitest';
import { setupI18n } from '$lib/i18n';

// findBy…/waitFor wait up to 5 s (not 1 s): on a loaded machine a render takes its time.
configure({ asyncUtilTimeout: 5_000 });
await setupI18n('en');
afterEach(() => cleanup());
