// claude: every evidence fixture (tests/fixtures/claude/EVIDENCE.md) through the adapter.

import { evidenceTests } from './evidence-helpers.js';

evidenceTests('claude');
