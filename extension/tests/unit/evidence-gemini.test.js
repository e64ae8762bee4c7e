// gemini: every evidence fixture (tests/fixtures/gemini/EVIDENCE.md) through the adapter.

import { evidenceTests } from './evidence-helpers.js';

evidenceTests('gemini');
