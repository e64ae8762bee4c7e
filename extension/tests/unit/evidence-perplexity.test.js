// perplexity: every evidence fixture (tests/fixtures/perplexity/EVIDENCE.md) through the adapter.

import { evidenceTests } from './evidence-helpers.js';

evidenceTests('perplexity');
